// What every KE worker shares: the case a job belongs to (its `caseId` variable), locked in the
// worker's own transaction while it updates the case tables. The job is completed after that
// transaction commits; if completing fails, the job runs again and finds its work done (every
// update here is idempotent, and notifications are keyed by the job).
import { transaction, type Sql } from '../../db/connect.js'
import type { Engine } from '../../engine/engine.js'
import type { ActivatedJob, JobOutcome } from '../../engine/executor/jobs.js'
import type { JsonValue, Variables } from '../../engine/types.js'
import { lockCase, type CaseRow } from '../cases.js'
import type { Letters } from '../../letters/letters.js'

export interface CaseWorkerContext {
  sql: Sql
  engine: Engine
  /** The letters service (src/letters), for the decision letter and the interim reply. */
  letters?: Letters | null | undefined
}

export type CaseJobHandler = (job: ActivatedJob, ctx: CaseWorkerContext) => Promise<JobOutcome>

/** Thrown inside `withCase` to end the job with this outcome (e.g. an incident with a clear reason). */
export class JobDecision extends Error {
  constructor(readonly outcome: JobOutcome) {
    super('job decision')
  }
}

export function caseIdOf(job: ActivatedJob): string | null {
  const id = job.variables.caseId
  return typeof id === 'string' && /^[0-9]+$/.test(id) ? id : typeof id === 'number' ? String(id) : null
}

/**
 * Runs `work` in one transaction with the job's case locked, then completes the job with what
 * `work` returned. A job without a case, or whose case is gone, fails with no retries: that is
 * a diagram or data problem an operator must look at, not something a retry fixes.
 */
export async function withCase(
  job: ActivatedJob,
  ctx: CaseWorkerContext,
  work: (tx: Sql, found: CaseRow, now: Date) => Promise<Variables | void>,
): Promise<JobOutcome> {
  const caseId = caseIdOf(job)
  if (!caseId) return job.fail(`${job.type} needs the process variable caseId (the case's id); this instance has none`, { retries: 0 })
  try {
    const variables = await transaction(ctx.sql, async (tx) => {
      const found = await lockCase(tx, caseId)
      if (!found) throw new JobDecision(job.fail(`Case ${caseId} does not exist`, { retries: 0 }))
      return work(tx, found, ctx.engine.clock())
    })
    return job.complete(variables ?? {})
  } catch (error) {
    if (error instanceof JobDecision) return error.outcome
    throw error
  }
}

export const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)
export const flag = (value: JsonValue | undefined): boolean => value === true
