// Start and end events.
import type { EndEvent, StartEvent } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'

export const startEvent: ElementBehaviour<StartEvent> = {
  activate: (run, instance) => run.complete(instance),
}

/** A none end event consumes its token; the instance completes when no token is left. */
export const endEvent: ElementBehaviour<EndEvent> = {
  activate: (run, instance) => run.complete(instance),
}

/**
 * A terminate end event ends every other token in its scope (cancelling their
 * jobs and tasks) and then completes, so the instance completes. Zeebe reports
 * such an instance as completed, not cancelled, and so do we.
 */
export const terminateEndEvent: ElementBehaviour<EndEvent> = {
  activate(run, instance) {
    run.terminateScope(instance.scope, instance)
    run.complete(instance)
  },
}
