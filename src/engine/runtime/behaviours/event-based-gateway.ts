// Waits for the first of the events after it: one subscription per branch,
// all owned by the gateway. The branch that fires wins; the others close with
// the gateway (see ../commands/subscriptions.ts).
import type { EventBasedGateway } from '../../types.js'
import { commitSubscriptions, prepareSubscriptions } from '../subscriptions.js'
import type { CatchSpec } from '../subscriptions.js'
import type { ElementBehaviour } from './behaviour.js'

export const eventBasedGateway: ElementBehaviour<EventBasedGateway> = {
  activate(run, instance, element) {
    const specs: CatchSpec[] = []
    for (const flowId of element.outgoing) {
      const target = run.elementById(run.model.flows[flowId]?.targetId ?? '')
      if (target.kind === 'intermediateCatchEvent') specs.push({ element: target, trigger: target.trigger, interrupting: true })
    }
    const prepared = prepareSubscriptions(run, specs, instance)
    if (typeof prepared === 'string') return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', prepared)
    instance.status = 'waiting'
    commitSubscriptions(run, instance.id, prepared)
  },
  // The flow to the event that fired is taken by the trigger, not here.
  leave: () => [],
}
