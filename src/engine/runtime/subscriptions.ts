// Opening and closing timer and message subscriptions. Opening is two-phase:
// every expression of an element's subscriptions is evaluated first (a failure
// is one incident, with nothing opened), then all are committed together.
import { evaluateAs, evaluateExpression, showExpression } from '../feel.js'
import type { BoundaryEvent, Element, ElementInstanceState, EventTrigger, StartEvent, SubscriptionState, TimerCycle } from '../types.js'
import { describe } from './describe.js'
import type { Run } from './run.js'
import { openTimer } from './timers.js'

/** A timer or message event to subscribe to: a boundary event or an event sub-process's start event. */
export interface CatchSpec {
  element: BoundaryEvent | StartEvent | Element
  trigger: Extract<EventTrigger, { type: 'timer' | 'message' }>
  interrupting: boolean
}

type Prepared =
  | { kind: 'timer'; spec: CatchSpec; dueAt: string; cycle: TimerCycle | null }
  | { kind: 'message'; spec: CatchSpec; messageName: string; correlationKey: string }

/** The timer and message boundary events of an activity (error boundaries need no subscription). */
export function boundarySpecs(run: Run, activity: Element): CatchSpec[] {
  if (!('boundaryEvents' in activity)) return []
  const specs: CatchSpec[] = []
  for (const id of activity.boundaryEvents) {
    const boundary = run.elementById(id)
    if (boundary.kind !== 'boundaryEvent' || boundary.trigger.type === 'error') continue
    specs.push({ element: boundary, trigger: boundary.trigger, interrupting: boundary.interrupting })
  }
  return specs
}

/** The timer and message start events of the event sub-processes in a scope. */
export function eventSubProcessSpecs(run: Run, eventSubProcesses: readonly string[]): CatchSpec[] {
  const specs: CatchSpec[] = []
  for (const id of eventSubProcesses) {
    const container = run.elementById(id)
    if (container.kind !== 'eventSubProcess') continue
    const start = run.elementById(container.startEventId)
    if (start.kind !== 'startEvent' || !start.trigger || start.trigger.type === 'error') continue
    specs.push({ element: start, trigger: start.trigger, interrupting: start.interrupting })
  }
  return specs
}

/**
 * Evaluates every spec's expressions against what `scope` sees (0: the process).
 * Returns what to open, or the message of the first failure, naming the element and the expression.
 */
export function prepareSubscriptions(run: Run, specs: readonly CatchSpec[], scope: ElementInstanceState | 0): Prepared[] | string {
  if (specs.length === 0) return []
  const variables = scope === 0 ? run.state.variables : run.variablesFor(scope)
  const prepared: Prepared[] = []
  for (const spec of specs) {
    const trigger = spec.trigger
    if (trigger.type === 'timer') {
      const opened = openTimer(trigger.timer, variables, run.now)
      if (!opened.ok) return `Failed to open the timer of ${describe(spec.element)}: ${opened.error}`
      prepared.push({ kind: 'timer', spec, dueAt: opened.dueAt, cycle: opened.cycle })
      continue
    }
    const name = evaluateAs(trigger.message.name, 'string', variables, run.now)
    if (!name.ok) return `Failed to evaluate the message name of ${describe(spec.element)}: ${name.error}`
    const key = correlationKey(trigger.message.correlationKey, variables, run.now)
    if (!key.ok) return `Failed to extract the correlation key of ${describe(spec.element)}: ${key.error}`
    prepared.push({ kind: 'message', spec, messageName: name.value, correlationKey: key.value })
  }
  return prepared
}

/** Zeebe accepts a string or a number as a correlation key; anything else (null from a missing variable) is an error. */
function correlationKey(expression: Parameters<typeof evaluateExpression>[0] | null, variables: Parameters<typeof evaluateExpression>[1], now: Date): { ok: true; value: string } | { ok: false; error: string } {
  if (expression === null) return { ok: false, error: 'the message has no correlation key' }
  const value = evaluateExpression(expression, variables, now)
  if (!value.ok) return value
  if (typeof value.value === 'string') return { ok: true, value: value.value }
  if (typeof value.value === 'number') return { ok: true, value: String(value.value) }
  const warning = value.warnings ? ` (${value.warnings})` : ''
  return { ok: false, error: `the expression '${showExpression(expression)}' gave ${JSON.stringify(value.value)}${warning}; a correlation key must be a string or a number` }
}

/** Opens what `prepareSubscriptions` returned, owned by `ownerId` (0: the process). */
export function commitSubscriptions(run: Run, ownerId: number, prepared: readonly Prepared[]): void {
  for (const item of prepared) {
    const id = run.state.next++
    const elementId = item.spec.element.id
    const ref = { elementInstanceId: ownerId, elementId: ownerElementId(run, ownerId) }
    if (item.kind === 'timer') {
      run.state.subscriptions.push({ id, kind: 'timer', elementId, elementInstanceId: ownerId, dueAt: item.dueAt, cycle: item.cycle })
      run.effects.push({ type: 'scheduleTimer', subscriptionId: id, elementId, elementInstanceId: ownerId, dueAt: item.dueAt })
      run.events.push({ type: 'timerScheduled', subscriptionId: id, dueAt: item.dueAt, timerElementId: elementId, ...ref })
    } else {
      const { messageName, correlationKey } = item
      const interrupting = item.spec.interrupting
      run.state.subscriptions.push({ id, kind: 'message', elementId, elementInstanceId: ownerId, messageName, correlationKey, interrupting })
      run.effects.push({ type: 'openMessageSubscription', subscriptionId: id, elementId, elementInstanceId: ownerId, messageName, correlationKey, interrupting })
      run.events.push({ type: 'messageSubscriptionOpened', subscriptionId: id, messageName, correlationKey, eventElementId: elementId, ...ref })
    }
  }
}

export function closeSubscription(run: Run, subscription: SubscriptionState): void {
  const index = run.state.subscriptions.indexOf(subscription)
  if (index < 0) return
  run.state.subscriptions.splice(index, 1)
  run.effects.push({ type: 'closeSubscription', subscriptionId: subscription.id })
  run.events.push({
    type: 'subscriptionClosed',
    subscriptionId: subscription.id,
    kind: subscription.kind,
    eventElementId: subscription.elementId,
    elementInstanceId: subscription.elementInstanceId,
    elementId: ownerElementId(run, subscription.elementInstanceId),
  })
}

/** Closes the subscriptions owned by an element instance (0: the process), optionally only those `which` picks. */
export function closeOwned(run: Run, ownerId: number, which: (subscription: SubscriptionState) => boolean = () => true): void {
  for (const subscription of run.state.subscriptions.filter((open) => open.elementInstanceId === ownerId && which(open))) closeSubscription(run, subscription)
}

/** The element id of a subscription's owner, for history: the process id for 0. */
function ownerElementId(run: Run, ownerId: number): string {
  if (ownerId === 0) return run.model.processId
  return run.find(ownerId)?.elementId ?? run.model.processId
}
