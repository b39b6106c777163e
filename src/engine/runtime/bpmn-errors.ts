// Throwing a BPMN error (an error end event, a job worker, or a child instance
// through its call activity) and finding what catches it, as Zeebe does: from
// the element that threw outwards, at each level first the boundary events of
// the activity, then the error start events of the event sub-processes in its
// scope. At one level an error start or boundary with the exact code wins over
// a catch-all. Nothing catches it: the parent instance gets it (a call
// activity's child), or it is an UNHANDLED_ERROR_EVENT incident.
import type { BoundaryEvent, ElementInstanceState, EventSubProcess, StartEvent } from '../types.js'
import { triggerBoundary, triggerEventSubProcess } from './event-scopes.js'
import type { Run } from './run.js'

type Catch =
  | { kind: 'boundary'; activity: ElementInstanceState; boundary: BoundaryEvent }
  | { kind: 'eventSubProcess'; scope: number; container: EventSubProcess; start: StartEvent }

export function throwBpmnError(run: Run, thrower: ElementInstanceState, errorCode: string, errorMessage: string, uncaught: string): void {
  const found = findCatch(run, thrower, errorCode)
  const ref = { elementInstanceId: thrower.id, elementId: thrower.elementId }
  if (found?.kind === 'boundary') {
    run.events.push({ type: 'errorCaught', errorCode, catchElementId: found.boundary.id, ...ref })
    return triggerBoundary(run, found.activity, found.boundary, {})
  }
  if (found?.kind === 'eventSubProcess') {
    run.events.push({ type: 'errorCaught', errorCode, catchElementId: found.start.id, ...ref })
    return triggerEventSubProcess(run, found.scope, found.container, found.start, {})
  }
  if (run.state.parent) {
    run.events.push({ type: 'errorPropagated', errorCode, ...ref })
    run.effects.push({ type: 'propagateError', errorCode, errorMessage, elementId: thrower.elementId })
    return
  }
  run.raiseIncident(thrower, 'UNHANDLED_ERROR_EVENT', uncaught)
}

function findCatch(run: Run, thrower: ElementInstanceState, errorCode: string): Catch | null {
  for (let current: ElementInstanceState | undefined = thrower; current; ) {
    // An inner instance's boundary events belong to its multi-instance body, one level up.
    const element = run.element(current)
    if (current.loopIndex === undefined && 'boundaryEvents' in element) {
      const boundaries = element.boundaryEvents.map((id) => run.elementById(id)).filter((each): each is BoundaryEvent => each.kind === 'boundaryEvent')
      const boundary = best(boundaries, (each) => (each.trigger.type === 'error' ? each.trigger.errorCode : undefined), errorCode)
      if (boundary) return { kind: 'boundary', activity: current, boundary }
    }
    const scope: number = current.scope
    const scopeInstance: ElementInstanceState | undefined = scope === 0 ? undefined : run.find(scope)
    const containers = eventSubProcessesOf(run, scopeInstance)
    const starts = containers.map((container) => ({ container, start: run.elementById(container.startEventId) as StartEvent }))
    const chosen = best(starts, ({ start }) => (start.trigger?.type === 'error' ? start.trigger.errorCode : undefined), errorCode)
    if (chosen) return { kind: 'eventSubProcess', scope, ...chosen }
    current = scopeInstance
  }
  return null
}

function eventSubProcessesOf(run: Run, scope: ElementInstanceState | undefined): EventSubProcess[] {
  let ids: readonly string[] = []
  if (scope === undefined) ids = run.model.eventSubProcesses
  else if (!scope.body) {
    const element = run.element(scope)
    if (element.kind === 'subProcess' || element.kind === 'eventSubProcess') ids = element.eventSubProcesses
  }
  return ids.map((id) => run.elementById(id)).filter((each): each is EventSubProcess => each.kind === 'eventSubProcess')
}

/** The candidate whose code matches exactly, else a catch-all (code null); `codeOf` gives undefined for non-error candidates. */
function best<T>(candidates: readonly T[], codeOf: (candidate: T) => string | null | undefined, errorCode: string): T | undefined {
  return candidates.find((candidate) => codeOf(candidate) === errorCode) ?? candidates.find((candidate) => codeOf(candidate) === null)
}
