// Registrer gruppens konklusjon: the intake group's outcome (forms/intake-group-outcome.form:
// intakeGroupOutcome, responsibleAgency, intakeGroupNotes) on the case's agenda item.
import type { Sql } from '../../db/connect.js'
import { latestAgendaMeeting, recordOutcome } from '../meetings.js'
import { setStatus } from '../cases.js'
import { JobDecision, text, withCase, type CaseJobHandler } from './case-job.js'

export const recordIntakeOutcome: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const meetingId = text(job.variables.meetingId) ?? (await latestAgendaMeeting(tx, found.id))
    const responsibleUnit = text(job.variables.responsibleAgency)
    const recommendation = text(job.variables.intakeGroupOutcome)
    if (!meetingId || !responsibleUnit || !recommendation) {
      throw new JobDecision(job.fail('The intake group outcome needs intakeGroupOutcome and responsibleAgency, and the case on a meeting agenda', { retries: 0 }))
    }
    const actor = await completedBy(tx, job.instanceKey, 'intakeMeeting')
    await recordOutcome(tx, meetingId, found.id, { responsibleUnit, recommendation, note: text(job.variables.intakeGroupNotes) }, actor, now)
    await setStatus(tx, found.id, 'assessment')
  })

/** Who completed the latest instance of a user task in this process instance. */
export async function completedBy(tx: Sql, instanceKey: string, elementId: string): Promise<string | null> {
  const [row] = await tx<{ completedBy: string | null }[]>`
    select completed_by as "completedBy" from user_tasks
    where instance_key = ${instanceKey} and element_id = ${elementId} and state = 'completed' order by key desc limit 1`
  return row?.completedBy ?? null
}
