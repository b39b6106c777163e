// What a job worker sees and must return. A handler decides: complete, throw a BPMN error, or
// fail. There is no fourth path: returning anything else is a failure, never a silent no-op.
import type { Variables } from '../types.js'

export type JobOutcome =
  | { readonly outcome: 'complete'; readonly variables: Variables }
  | { readonly outcome: 'error'; readonly errorCode: string; readonly errorMessage: string }
  | { readonly outcome: 'fail'; readonly errorMessage: string; readonly retries?: number; readonly backoffMs?: number }

export interface ActivatedJob {
  readonly key: string
  readonly type: string
  readonly instanceKey: string
  readonly elementId: string
  readonly retries: number
  readonly customHeaders: Readonly<Record<string, string>>
  readonly variables: Readonly<Variables>
  complete(variables?: Variables): JobOutcome
  /** A BPMN error: a business outcome a boundary event can catch (not a technical failure). */
  error(errorCode: string, errorMessage?: string): JobOutcome
  /** A technical failure: retried after the backoff until the retries run out, then an incident. */
  fail(errorMessage: string, options?: { retries?: number; backoffMs?: number }): JobOutcome
}

export type JobHandler = (job: ActivatedJob) => Promise<JobOutcome>

export const outcomes = {
  complete: (variables: Variables = {}): JobOutcome => ({ outcome: 'complete', variables }),
  error: (errorCode: string, errorMessage = ''): JobOutcome => ({ outcome: 'error', errorCode, errorMessage }),
  fail: (errorMessage: string, options: { retries?: number; backoffMs?: number } = {}): JobOutcome => ({ outcome: 'fail', errorMessage, ...options }),
}

export function isOutcome(value: unknown): value is JobOutcome {
  const outcome = (value as JobOutcome | null)?.outcome
  return outcome === 'complete' || outcome === 'error' || outcome === 'fail'
}

/** Backoff after the n-th failed attempt: 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5 * 60_000)
}
