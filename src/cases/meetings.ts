// The intake group's meetings: a schedule, an agenda of complex cases per meeting, and the
// group's outcome per case (who takes responsibility, what it recommends).
import type { Sql } from '../db/connect.js'

export interface MeetingRow {
  id: string
  startsAt: Date
  location: string | null
  status: 'planned' | 'held' | 'cancelled'
  note: string | null
}

export interface AgendaItemRow {
  meetingId: string
  caseId: string
  caseReference: string
  position: number
  addedAt: Date
  responsibleUnit: string | null
  recommendation: string | null
  outcomeNote: string | null
  recordedBy: string | null
  recordedAt: Date | null
  /** Discussed without the person's identity (meeting-held.ts). */
  anonymous: boolean
}

const meetingColumns = (sql: Sql) => sql`id::text, starts_at as "startsAt", location, status, note`

export async function insertMeeting(sql: Sql, meeting: { startsAt: Date; location?: string | null | undefined; note?: string | null | undefined }, actor: string): Promise<MeetingRow> {
  const [row] = await sql<MeetingRow[]>`
    insert into intake_meetings (starts_at, location, note, created_by)
    values (${meeting.startsAt}, ${meeting.location ?? null}, ${meeting.note ?? null}, ${actor})
    returning ${meetingColumns(sql)}`
  return row!
}

export async function getMeeting(sql: Sql, id: string): Promise<MeetingRow | undefined> {
  const [row] = await sql<MeetingRow[]>`select ${meetingColumns(sql)} from intake_meetings where id = ${id}`
  return row
}

export async function listMeetings(sql: Sql, filter: { from?: Date | undefined; to?: Date | undefined; limit: number; offset: number }): Promise<MeetingRow[]> {
  return sql<MeetingRow[]>`
    select ${meetingColumns(sql)} from intake_meetings
    where true ${filter.from ? sql`and starts_at >= ${filter.from}` : sql``} ${filter.to ? sql`and starts_at < ${filter.to}` : sql``}
    order by starts_at, id limit ${filter.limit} offset ${filter.offset}`
}

export async function updateMeeting(sql: Sql, id: string, fields: { startsAt?: Date | undefined; location?: string | null | undefined; status?: MeetingRow['status'] | undefined; note?: string | null | undefined }): Promise<void> {
  const row = Object.fromEntries(Object.entries({ starts_at: fields.startsAt, location: fields.location, status: fields.status, note: fields.note }).filter(([, v]) => v !== undefined))
  if (Object.keys(row).length === 0) return
  await sql`update intake_meetings set ${sql(row as never)} where id = ${id}`
}

/**
 * The next planned meeting after `now`; when none is planned, one is scheduled a week on
 * from the last planned one (or from now), so a complex case is never left off an agenda.
 * Serialised by an advisory lock so two cases at once agree on the meeting.
 */
export async function nextMeeting(sql: Sql, now: Date): Promise<MeetingRow> {
  await sql`select pg_advisory_xact_lock(7242019500)`
  const [upcoming] = await sql<MeetingRow[]>`
    select ${meetingColumns(sql)} from intake_meetings where status = 'planned' and starts_at > ${now} order by starts_at, id limit 1`
  if (upcoming) return upcoming
  const startsAt = new Date(now.getTime() + 7 * 24 * 3600_000)
  return insertMeeting(sql, { startsAt, location: null, note: 'Satt opp automatisk: ingen planlagte møter' }, 'samflyt')
}

/** Puts a case onto a meeting's agenda (last); a case already on it keeps its place. */
export async function addToAgenda(sql: Sql, meetingId: string, caseId: string): Promise<void> {
  await sql`
    insert into agenda_items (meeting_id, case_id, position)
    values (${meetingId}, ${caseId}, (select coalesce(max(position), 0) + 1 from agenda_items where meeting_id = ${meetingId}))
    on conflict (meeting_id, case_id) do nothing`
}

const agendaColumns = (sql: Sql) => sql`
  a.meeting_id::text as "meetingId", a.case_id::text as "caseId", c.reference as "caseReference", a.position, a.added_at as "addedAt",
  a.responsible_unit as "responsibleUnit", a.recommendation, a.outcome_note as "outcomeNote", a.recorded_by as "recordedBy",
  a.recorded_at as "recordedAt", a.anonymous`

export async function agendaOf(sql: Sql, meetingId: string): Promise<AgendaItemRow[]> {
  return sql<AgendaItemRow[]>`
    select ${agendaColumns(sql)} from agenda_items a join cases c on c.id = a.case_id where a.meeting_id = ${meetingId} order by a.position`
}

export async function agendaItemsOfCase(sql: Sql, caseId: string): Promise<(AgendaItemRow & { startsAt: Date })[]> {
  return sql<(AgendaItemRow & { startsAt: Date })[]>`
    select ${agendaColumns(sql)}, m.starts_at as "startsAt"
    from agenda_items a join cases c on c.id = a.case_id join intake_meetings m on m.id = a.meeting_id
    where a.case_id = ${caseId} order by m.starts_at`
}

/** The group's outcome for a case on a meeting's agenda; false when the case is not on it. */
export async function recordOutcome(
  sql: Sql,
  meetingId: string,
  caseId: string,
  outcome: { responsibleUnit: string; recommendation: string; note?: string | null | undefined },
  actor: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update agenda_items set responsible_unit = ${outcome.responsibleUnit}, recommendation = ${outcome.recommendation},
      outcome_note = ${outcome.note ?? null}, recorded_by = ${actor}, recorded_at = ${now}
    where meeting_id = ${meetingId} and case_id = ${caseId} returning case_id`
  return rows.length > 0
}

/** The latest meeting a case is on the agenda of. */
export async function latestAgendaMeeting(sql: Sql, caseId: string): Promise<string | undefined> {
  const [row] = await sql<{ meetingId: string }[]>`
    select a.meeting_id::text as "meetingId" from agenda_items a join intake_meetings m on m.id = a.meeting_id
    where a.case_id = ${caseId} order by m.starts_at desc limit 1`
  return row?.meetingId
}
