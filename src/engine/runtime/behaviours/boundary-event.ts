// A boundary event is only ever entered because it fired (see ../event-scopes.ts):
// it completes at once and takes its outgoing flows.
import type { BoundaryEvent } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'

export const boundaryEvent: ElementBehaviour<BoundaryEvent> = {
  activate: (run, instance) => run.complete(instance),
}
