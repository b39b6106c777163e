// What happens when a boundary event or an event sub-process is triggered (by
// a timer, a message or a caught error). Interrupting: what it interrupts is
// terminated first (jobs, tasks, subscriptions and child instances with it).
import type { BoundaryEvent, ElementInstanceState, EventSubProcess, StartEvent, Variables } from '../types.js'
import type { Run } from './run.js'
import { closeOwned } from './subscriptions.js'

/** A boundary event fires on `activity` (a live element instance of the element it is attached to). */
export function triggerBoundary(run: Run, activity: ElementInstanceState, boundary: BoundaryEvent, variables: Variables): void {
  const scope = activity.scope
  if (boundary.interrupting) run.terminate(activity)
  run.enter(boundary.id, scope, { triggered: variables })
}

/**
 * An event sub-process starts in `scope` (0: the process; else the sub-process
 * instance it is in). Interrupting: every other token in the scope ends, and
 * the scope's other event sub-processes can no longer start.
 */
export function triggerEventSubProcess(run: Run, scope: number, container: EventSubProcess, start: StartEvent, variables: Variables): void {
  if (start.interrupting) {
    closeOwned(run, scope, (subscription) => run.model.elements[subscription.elementId]?.kind === 'startEvent')
    run.terminateScope(scope)
  }
  const instance = run.enter(container.id, scope)
  if (instance.status === 'waiting' && run.find(instance.id)) run.enter(start.id, instance.id, { triggered: variables })
}
