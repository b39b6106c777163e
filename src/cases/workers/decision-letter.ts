// Lag vedtaksbrev: the decision letter is written from the case (src/cases/letter-data.ts) and
// stored as a draft (src/letters), and its id goes out as `letterId`. The letter-approval task
// that follows shows it (GET /api/letters/:id/pdf, POST /api/letters/:id/preview) and a second
// person approves it (four eyes, src/letters/four-eyes.ts); a `letters:dispatch` task sends it.
// A letter sent back comes round here again after the new decision, and gets a new draft.
import type { Sql } from '../../db/connect.js'
import { SamflytError } from '../../errors.js'
import type { ActivatedJob } from '../../engine/executor/jobs.js'
import type { Letters } from '../../letters/letters.js'
import { decisionLetterData, LetterDataError } from '../letter-data.js'
import { JobDecision, text, withCase, type CaseJobHandler, type CaseWorkerContext } from './case-job.js'

export const decisionLetter: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const letters = lettersOf(job, ctx)
    const createdBy = creatorOf(job)
    // A retried job (its completion was lost) finds the letter it made instead of making another.
    const made = await letterMadeBy(tx, found.id, createdBy)
    if (made) return { letterId: made }
    const data = await letterDataOf(job, () =>
      decisionLetterData(tx, found, { assessment: text(job.variables.assessment), reasons: text(job.variables.reasons) }, now, letters.municipality),
    )
    const letter = await createLetter(job, () => letters.create({ caseId: found.id, instanceKey: job.instanceKey, data, createdBy }, tx))
    return { letterId: letter.id }
  })

/** The letters service, or an incident saying it is missing (Samflyt started without it). */
export function lettersOf(job: ActivatedJob, ctx: CaseWorkerContext): Letters {
  if (ctx.letters) return ctx.letters
  throw new JobDecision(job.fail(`${job.type} needs the letters service, and the case workers were started without one`, { retries: 0 }))
}

/** Who made a letter: this worker and its job, so a retry of the same job is recognised. */
export const creatorOf = (job: ActivatedJob) => `worker:${job.type}:${job.key}`

export async function letterMadeBy(sql: Sql, caseId: string, createdBy: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`select id::text from letters where case_id = ${caseId} and created_by = ${createdBy} limit 1`
  return row?.id
}

/** Builds the letter's data; what a person must fix first (no address, no decision) is an incident saying so. */
export async function letterDataOf<T>(job: ActivatedJob, build: () => Promise<T>): Promise<T> {
  try {
    return await build()
  } catch (error) {
    if (error instanceof LetterDataError) throw new JobDecision(job.fail(error.message, { retries: 0 }))
    throw error
  }
}

/** Stores the letter; data the letters module refuses is an incident naming each problem (a retry changes nothing). */
export async function createLetter<T>(job: ActivatedJob, create: () => Promise<T>): Promise<T> {
  try {
    return await create()
  } catch (error) {
    if (error instanceof SamflytError && error.code === 'SAMFLYT_VALIDATION') throw new JobDecision(job.fail(error.message, { retries: 0 }))
    throw error
  }
}
