// Elements that wait for one timer or message of their own: intermediate catch
// events and receive tasks. The subscription is opened on activation (its
// expressions evaluated then) and closed when the element instance ends.
import type { ElementInstanceState, IntermediateCatchEvent, ReceiveTask } from '../../types.js'
import type { Run } from '../run.js'
import { commitSubscriptions, prepareSubscriptions } from '../subscriptions.js'
import type { CatchSpec } from '../subscriptions.js'
import type { ElementBehaviour } from './behaviour.js'

function wait(run: Run, instance: ElementInstanceState, spec: CatchSpec): void {
  const prepared = prepareSubscriptions(run, [spec], instance)
  if (typeof prepared === 'string') return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', prepared)
  instance.status = 'waiting'
  commitSubscriptions(run, instance.id, prepared)
}

export const intermediateCatchEvent: ElementBehaviour<IntermediateCatchEvent> = {
  activate: (run, instance, element) => wait(run, instance, { element, trigger: element.trigger, interrupting: true }),
}

export const receiveTask: ElementBehaviour<ReceiveTask> = {
  activate: (run, instance, element) => wait(run, instance, { element, trigger: { type: 'message', message: element.message }, interrupting: true }),
}
