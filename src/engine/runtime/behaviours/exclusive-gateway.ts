// Takes the first outgoing flow whose condition is true, in document order;
// else the default flow; else an incident. Arriving tokens pass through alone.
import type { Gateway } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'
import { matchingFlows } from './conditions.js'

export const exclusiveGateway: ElementBehaviour<Gateway> = {
  activate: (run, instance) => run.complete(instance),
  // No outgoing flow at all is an implicit end, as in Zeebe.
  leave: (run, instance, gateway) => (gateway.outgoing.length === 0 ? [] : matchingFlows(run, instance, gateway, true)),
}
