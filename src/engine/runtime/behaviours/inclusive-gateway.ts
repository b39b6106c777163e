// Forks to every outgoing flow whose condition is true (else the default flow,
// else an incident); joins once no other token can still reach it (see ../joins.ts).
import type { Gateway } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'
import { matchingFlows } from './conditions.js'

export const inclusiveGateway: ElementBehaviour<Gateway> = {
  join: 'inclusive',
  activate: (run, instance) => run.complete(instance),
  leave: (run, instance, gateway) => (gateway.outgoing.length === 0 ? [] : matchingFlows(run, instance, gateway, false)),
}
