// Due times. A timer's expression is evaluated once, when it opens (as Zeebe
// does); a cycle keeps what it needs to compute its next repetition in the
// subscription (`TimerCycle`). An overdue cycle fires once, then its next
// repetition is the first one strictly after now, not one per missed period.
import { evaluateExpression, showExpression } from '../feel.js'
import { addDuration, fixedLength, nextCron, parseDuration, parseTimer } from '../model/timer-syntax.js'
import type { ParsedTimer } from '../model/timer-syntax.js'
import type { ProcessModel, StartEvent, TimerCycle, TimerDefinition, TimerSubscriptionState, Variables } from '../types.js'

export type TimerOpening = { ok: true; dueAt: string; cycle: TimerCycle | null } | { ok: false; error: string }

/** Evaluates a timer's expression and gives its first due time. */
export function openTimer(timer: TimerDefinition, variables: Variables, now: Date): TimerOpening {
  const parsed = readTimer(timer, variables, now)
  if (!parsed.ok) return parsed
  return { ok: true, ...firstDue(parsed.timer, now) }
}

function readTimer(timer: TimerDefinition, variables: Variables, now: Date): { ok: true; timer: ParsedTimer } | { ok: false; error: string } {
  const value = evaluateExpression(timer.expression, variables, now)
  const shown = `'${showExpression(timer.expression)}'`
  if (!value.ok) return { ok: false, error: `the time${capital(timer.timerType)} ${shown} failed: ${value.error}` }
  if (typeof value.value !== 'string') {
    const warning = value.warnings ? ` (${value.warnings})` : ''
    return { ok: false, error: `the time${capital(timer.timerType)} ${shown} gave ${JSON.stringify(value.value)}${warning}, not a ${timer.timerType}` }
  }
  const parsed = parseTimer(timer.timerType, value.value)
  if (!parsed.ok) return { ok: false, error: `the time${capital(timer.timerType)} ${shown} does not parse: ${parsed.error}` }
  return parsed
}

function firstDue(timer: ParsedTimer, now: Date): { dueAt: string; cycle: TimerCycle | null } {
  switch (timer.kind) {
    case 'date':
      return { dueAt: timer.at.toISOString(), cycle: null }
    case 'duration':
      return { dueAt: addDuration(now, timer.duration).toISOString(), cycle: null }
    case 'cycle': {
      const interval = parseDuration(timer.interval)
      if (!interval) throw new Error(`cycle interval '${timer.interval}' was parsed before`)
      const dueAt = timer.start ?? addDuration(now, interval)
      return { dueAt: dueAt.toISOString(), cycle: { interval: timer.interval, remaining: timer.repetitions === null ? null : timer.repetitions - 1 } }
    }
    case 'cron':
      return { dueAt: nextCron(timer.cron, now).toISOString(), cycle: { cron: timer.cron, remaining: null } }
  }
}

/** After a cycle fired at `now`: its next due time and what is left, or null when it is exhausted (or not a cycle). */
export function nextRepetition(timer: Pick<TimerSubscriptionState, 'dueAt' | 'cycle'>, now: Date): { dueAt: string; cycle: TimerCycle } | null {
  const cycle = timer.cycle
  if (cycle === null || cycle.remaining === 0) return null
  const remaining = cycle.remaining === null ? null : cycle.remaining - 1
  const previous = new Date(timer.dueAt)
  if ('cron' in cycle) {
    const after = previous > now ? previous : now
    return { dueAt: nextCron(cycle.cron, after).toISOString(), cycle: { cron: cycle.cron, remaining } }
  }
  return { dueAt: firstSlotAfter(previous, cycle.interval, now).toISOString(), cycle: { interval: cycle.interval, remaining } }
}

/** The first `previous + k * interval` (k >= 1) strictly after `now`. */
function firstSlotAfter(previous: Date, intervalText: string, now: Date): Date {
  const interval = parseDuration(intervalText)
  if (!interval) throw new Error(`cycle interval '${intervalText}' was parsed before`)
  const fixed = fixedLength(interval)
  if (fixed !== null) {
    const periods = Math.max(1, Math.floor((now.getTime() - previous.getTime()) / fixed) + 1)
    return new Date(previous.getTime() + periods * fixed)
  }
  // Calendar intervals (months, years) are long: stepping is cheap.
  let next = addDuration(previous, interval)
  while (next <= now) next = addDuration(next, interval)
  return next
}

// ---------------------------------------------------------------- process-level start events (for the store)

export interface StartSubscriptions {
  timers: { elementId: string; dueAt: string }[]
  messages: { elementId: string; messageName: string }[]
}

/**
 * The timers and message subscriptions that start instances of this model, as
 * they should be when it is deployed at `now`. A date in the past is due at once.
 */
export function startSubscriptions(model: ProcessModel, now: Date): StartSubscriptions {
  const result: StartSubscriptions = { timers: [], messages: [] }
  for (const start of processStarts(model)) {
    const trigger = start.trigger
    if (trigger?.type === 'timer') {
      const opened = openTimer(trigger.timer, {}, now)
      // The model checked this at deploy time, with no variables, as here.
      if (!opened.ok) throw new Error(`timer start event '${start.id}': ${opened.error}`)
      result.timers.push({ elementId: start.id, dueAt: opened.dueAt })
    } else if (trigger?.type === 'message') {
      const name = evaluateExpression(trigger.message.name, {}, now)
      if (!name.ok || typeof name.value !== 'string') throw new Error(`message start event '${start.id}': its message name did not evaluate to text`)
      result.messages.push({ elementId: start.id, messageName: name.value })
    }
  }
  return result
}

/**
 * The next due time of a timer start event after it fired at `now`: null for a
 * date (it fires once) and for an exhausted cycle. `previous` is the firing
 * just done: its due time (so repetitions keep their rhythm) and how many
 * times the timer has fired in all, this one included (so `R3/...` stops after 3).
 * Without it the next repetition is one interval after now and the count is not kept.
 */
export function nextTimerStart(model: ProcessModel, elementId: string, now: Date, previous?: { dueAt: string; fired: number }): string | null {
  const start = processStarts(model).find((candidate) => candidate.id === elementId)
  if (!start || start.trigger?.type !== 'timer') throw new Error(`'${elementId}' is not a timer start event of process '${model.processId}'`)
  const parsed = readTimer(start.trigger.timer, {}, now)
  if (!parsed.ok) throw new Error(`timer start event '${elementId}': ${parsed.error}`)
  const timer = parsed.timer
  switch (timer.kind) {
    case 'date':
    case 'duration':
      return null
    case 'cron':
      return nextCron(timer.cron, now).toISOString()
    case 'cycle': {
      if (previous && timer.repetitions !== null && previous.fired >= timer.repetitions) return null
      if (!previous && timer.start && timer.start > now) return timer.start.toISOString()
      const anchor = previous ? new Date(previous.dueAt) : (timer.start ?? null)
      if (anchor === null) {
        const interval = parseDuration(timer.interval)
        if (!interval) throw new Error(`cycle interval '${timer.interval}' was parsed before`)
        return addDuration(now, interval).toISOString()
      }
      return firstSlotAfter(anchor, timer.interval, now).toISOString()
    }
  }
}

function processStarts(model: ProcessModel): StartEvent[] {
  return model.startEvents.map((id) => model.elements[id]).filter((element): element is StartEvent => element?.kind === 'startEvent')
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
