// A meeting of the intake group is held at or after its start, with who attended; the group's
// outcome for a case belongs to a held meeting and is recorded at or after it, never before
// (a letter dated today must not say a case was discussed in a meeting next week). Cases the
// group discusses without the person's identity (anonymous discussion) are marked on the agenda.
import type { Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'
import { getMeeting, type MeetingRow } from './meetings.js'

export interface HeldMeeting {
  heldAt: Date | null
  heldBy: string | null
  attendees: string[]
}

export async function heldMeeting(sql: Sql, meetingId: string): Promise<HeldMeeting | undefined> {
  const [row] = await sql<HeldMeeting[]>`
    select held_at as "heldAt", held_by as "heldBy", attendees from intake_meetings where id = ${meetingId}`
  return row
}

const formatOslo = (at: Date) => new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(at)

/** Refuses (409) what may only happen once a meeting has begun. */
export function checkMeetingStarted(meeting: Pick<MeetingRow, 'id' | 'startsAt' | 'status'>, now: Date, what: string): void {
  if (meeting.status === 'cancelled') throw new SamflytError('SAMFLYT_CONFLICT', `Meeting ${meeting.id} is cancelled: ${what} is refused`)
  if (now < meeting.startsAt) {
    throw new SamflytError('SAMFLYT_CONFLICT', `Meeting ${meeting.id} starts ${meeting.startsAt.toISOString()}: ${what} is refused before it has begun / Møtet er ${formatOslo(meeting.startsAt)} og er ikke begynt`, [
      { path: '/startsAt', message: `the meeting starts ${meeting.startsAt.toISOString()}` },
    ])
  }
}

/**
 * Records the meeting as held by `actor`, with who attended (added to any recorded before:
 * the minutes may be kept case by case). Refused before the meeting starts, or when cancelled.
 */
export async function holdMeeting(sql: Sql, meetingId: string, attendees: string[], actor: string, now: Date): Promise<HeldMeeting> {
  const meeting = await getMeeting(sql, meetingId)
  if (!meeting) throw new SamflytError('SAMFLYT_NOT_FOUND', `Meeting ${meetingId} does not exist`)
  checkMeetingStarted(meeting, now, 'recording it as held')
  const names = [...new Set(attendees.map((a) => a.trim()).filter(Boolean))]
  if (names.length === 0) throw new SamflytError('SAMFLYT_VALIDATION', 'Say who attended the meeting', [{ path: '/attendees', message: 'at least one name' }])
  const [row] = await sql<HeldMeeting[]>`
    update intake_meetings set status = 'held', held_at = coalesce(held_at, ${now}), held_by = coalesce(held_by, ${actor}),
      attendees = array(select distinct unnest(attendees || ${names}::text[]) order by 1)
    where id = ${meetingId}
    returning held_at as "heldAt", held_by as "heldBy", attendees`
  return row!
}

/** Whether a case is on any agenda for anonymous discussion only. */
export async function discussedAnonymously(sql: Sql, caseId: string): Promise<boolean> {
  const rows = await sql<{ anonymous: boolean }[]>`select anonymous from agenda_items where case_id = ${caseId}`
  return rows.length > 0 && rows.every((r) => r.anonymous)
}

export async function markAgendaItem(sql: Sql, meetingId: string, caseId: string, fields: { anonymous?: boolean; recommendedCoordinatorId?: string | null }): Promise<void> {
  if (fields.anonymous !== undefined) await sql`update agenda_items set anonymous = ${fields.anonymous} where meeting_id = ${meetingId} and case_id = ${caseId}`
  if (fields.recommendedCoordinatorId !== undefined) {
    await sql`update agenda_items set recommended_coordinator_id = ${fields.recommendedCoordinatorId} where meeting_id = ${meetingId} and case_id = ${caseId}`
  }
}
