// Registrer gruppens konklusjon: the intake group's outcome (forms/intake-group-outcome.form:
// intakeGroupOutcome, responsibleAgency, intakeGroupNotes, recommendedCoordinatorId) on the case's
// agenda item, and the meeting held with who attended (meetingAttendees, one name a line). Never
// before the meeting has begun: the form refuses it, and this refuses it again (an incident).
// The recommended coordinator goes on as `intakeGroupCoordinator`, which the coordinator
// suggestion weighs.
import type { Sql } from '../../db/connect.js'
import { getMeeting, latestAgendaMeeting, recordOutcome } from '../meetings.js'
import { holdMeeting, markAgendaItem } from '../meeting-held.js'
import { getCoordinator } from '../coordinators.js'
import { SamflytError } from '../../errors.js'
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
    const meeting = await getMeeting(tx, meetingId)
    if (!meeting || now < meeting.startsAt) {
      throw new JobDecision(job.fail(`The intake group outcome of meeting ${meetingId} cannot be recorded before the meeting has begun${meeting ? ` (${meeting.startsAt.toISOString()})` : ''}`, { retries: 0 }))
    }
    const attendees = (text(job.variables.meetingAttendees) ?? '').split(/\r?\n|;/)
    try {
      await holdMeeting(tx, meetingId, attendees, actor ?? 'samflyt', now)
    } catch (error) {
      if (error instanceof SamflytError) throw new JobDecision(job.fail(error.message, { retries: 0 }))
      throw error
    }
    await recordOutcome(tx, meetingId, found.id, { responsibleUnit, recommendation, note: text(job.variables.intakeGroupNotes) }, actor, now)
    const raw = job.variables.recommendedCoordinatorId
    const recommended = typeof raw === 'number' ? String(raw) : text(raw)
    const coordinatorId = recommended && /^[0-9]{1,18}$/.test(recommended) && (await getCoordinator(tx, recommended))?.active ? recommended : null
    await markAgendaItem(tx, meetingId, found.id, { recommendedCoordinatorId: coordinatorId })
    await setStatus(tx, found.id, 'assessment')
    return { intakeGroupCoordinator: coordinatorId }
  })

/** Who completed the latest instance of a user task in this process instance. */
export async function completedBy(tx: Sql, instanceKey: string, elementId: string): Promise<string | null> {
  const [row] = await tx<{ completedBy: string | null }[]>`
    select completed_by as "completedBy" from user_tasks
    where instance_key = ${instanceKey} and element_id = ${elementId} and state = 'completed' order by key desc limit 1`
  return row?.completedBy ?? null
}
