// The runtime's pure helpers for process-level start events (timer and message start events).
// TODO(store): import them directly once the runtime exports them; until then a process has none.
import * as runtime from '../runtime/index.js'
import type { ProcessModel } from '../types.js'

export interface StartSubscriptions {
  timers: { elementId: string; dueAt: string }[]
  messages: { elementId: string; messageName: string }[]
}

type Exports = {
  startSubscriptions?: (model: ProcessModel, now: Date) => StartSubscriptions
  nextTimerStart?: (model: ProcessModel, elementId: string, now: Date) => string | null
}
const helpers = runtime as unknown as Exports

export function startSubscriptions(model: ProcessModel, now: Date): StartSubscriptions {
  return helpers.startSubscriptions ? helpers.startSubscriptions(model, now) : { timers: [], messages: [] }
}

export function nextTimerStart(model: ProcessModel, elementId: string, now: Date): string | null {
  return helpers.nextTimerStart ? helpers.nextTimerStart(model, elementId, now) : null
}
