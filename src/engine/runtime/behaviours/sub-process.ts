// Embedded and event sub-processes: scopes. On activation they open the
// subscriptions of the event sub-processes inside them, then (an embedded
// sub-process) put a token on their start event; they complete when no token is
// left inside (Run.completeEmptyScopes). An event sub-process's start event is
// entered by its trigger (../event-scopes.ts).
import type { ElementInstanceState, EventSubProcess, SubProcess } from '../../types.js'
import type { Run } from '../run.js'
import { commitSubscriptions, eventSubProcessSpecs, prepareSubscriptions } from '../subscriptions.js'
import type { ElementBehaviour } from './behaviour.js'

function openScope(run: Run, instance: ElementInstanceState, eventSubProcesses: readonly string[]): boolean {
  const prepared = prepareSubscriptions(run, eventSubProcessSpecs(run, eventSubProcesses), instance)
  if (typeof prepared === 'string') {
    run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', prepared)
    return false
  }
  instance.status = 'waiting'
  commitSubscriptions(run, instance.id, prepared)
  return true
}

export const subProcess: ElementBehaviour<SubProcess> = {
  activate(run, instance, element) {
    if (openScope(run, instance, element.eventSubProcesses)) run.enter(element.startEventId, instance.id)
  },
}

export const eventSubProcess: ElementBehaviour<EventSubProcess> = {
  activate(run, instance, element) {
    openScope(run, instance, element.eventSubProcesses)
  },
}
