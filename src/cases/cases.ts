// The cases table: one row per enquiry.
import type postgres from 'postgres'
import type { Sql } from '../db/connect.js'
import type { CaseFacts } from '../rules/index.js'
import { CLOSED_STATUSES, type CaseStatus, type Channel, type Decision, type Language, type Route, type SenderRole, type SharingBasis } from './types.js'

export interface CaseRow {
  id: string
  reference: string
  personId: string
  channel: Channel
  senderRole: SenderRole
  senderName: string | null
  senderOrganisation: string | null
  receivedOn: string
  deadline: string
  interimReplyDue: string
  status: CaseStatus
  route: Route | null
  unit: string
  language: Language
  summary: string | null
  facts: CaseFacts
  instanceKey: string | null
  linkedCaseId: string | null
  ipPartClosed: boolean
  decision: Decision | null
  rights: Record<string, string> | null
  decisionReason: string | null
  decidedAt: Date | null
  decidedBy: string | null
  coordinatorId: string | null
  coordinatorAppointedAt: Date | null
  interimReplySentAt: Date | null
  escalatedAt: Date | null
  withdrawnReason: string | null
  closedAt: Date | null
  /** On what basis the case's information may go to the intake group and other agencies (sharing.ts). */
  sharingBasis: SharingBasis | null
  sharingNote: string | null
  createdBy: string
  createdAt: Date
}

const columns = (sql: Sql) => sql`
  c.id::text, c.reference, c.person_id::text as "personId", c.channel, c.sender_role as "senderRole",
  c.sender_name as "senderName", c.sender_organisation as "senderOrganisation", c.received_on::text as "receivedOn",
  c.deadline::text, c.interim_reply_due::text as "interimReplyDue", c.status, c.route, c.unit, c.language, c.summary,
  c.facts, c.instance_key::text as "instanceKey", c.linked_case_id::text as "linkedCaseId", c.ip_part_closed as "ipPartClosed",
  c.decision, c.rights, c.decision_reason as "decisionReason", c.decided_at as "decidedAt", c.decided_by as "decidedBy",
  c.coordinator_id::text as "coordinatorId", c.coordinator_appointed_at as "coordinatorAppointedAt",
  c.interim_reply_sent_at as "interimReplySentAt", c.escalated_at as "escalatedAt", c.withdrawn_reason as "withdrawnReason",
  c.closed_at as "closedAt", c.sharing_basis as "sharingBasis", c.sharing_note as "sharingNote", c.created_by as "createdBy", c.created_at as "createdAt"`

export interface NewCase {
  /** From nextCaseId, when the id must be known before the insert (it is the process's business key). */
  id?: string | undefined
  personId: string
  channel: Channel
  senderRole: SenderRole
  senderName: string | null
  senderOrganisation: string | null
  receivedOn: string
  deadline: string
  interimReplyDue: string
  unit: string
  language: Language
  summary: string | null
  facts: CaseFacts
  linkedCaseId: string | null
  instanceKey?: string | null | undefined
  createdBy: string
}

/** An id for a case about to be inserted. */
export async function nextCaseId(sql: Sql): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select nextval(pg_get_serial_sequence('cases', 'id'))::text as id`
  return row!.id
}

/** What people say and write: KE-2025-00042 (the year received; five digits or more). */
export const caseReference = (receivedOn: string, id: string): string => `KE-${receivedOn.slice(0, 4)}-${id.padStart(5, '0')}`

/**
 * Inserts a case, registered (its process starts in the same transaction) or linked to the
 * person's open case, with its reference (caseReference).
 */
export async function insertCase(sql: Sql, c: NewCase): Promise<CaseRow> {
  const [row] = await sql<CaseRow[]>`
    with next as (select ${c.id ?? null}::bigint as given, case when ${c.id ?? null}::bigint is null then nextval(pg_get_serial_sequence('cases', 'id')) end as drawn),
    c as (
      insert into cases (id, reference, person_id, channel, sender_role, sender_name, sender_organisation, received_on, deadline,
                         interim_reply_due, status, unit, language, summary, facts, linked_case_id, instance_key, closed_at, created_by)
      select coalesce(given, drawn), 'KE-' || ${c.receivedOn.slice(0, 4)} || '-' || lpad(coalesce(given, drawn)::text, greatest(5, length(coalesce(given, drawn)::text)), '0'),
             ${c.personId}, ${c.channel}, ${c.senderRole}, ${c.senderName}, ${c.senderOrganisation}, ${c.receivedOn}, ${c.deadline}, ${c.interimReplyDue},
             ${c.linkedCaseId ? 'linked' : 'registered'}, ${c.unit}, ${c.language}, ${c.summary}, ${sql.json(c.facts as never)},
             ${c.linkedCaseId}, ${c.instanceKey ?? null}, ${c.linkedCaseId ? sql`now()` : null}, ${c.createdBy}
      from next
      returning *
    )
    select ${columns(sql)} from c`
  return row!
}

export async function getCase(sql: Sql, id: string): Promise<CaseRow | undefined> {
  const [row] = await sql<CaseRow[]>`select ${columns(sql)} from cases c where c.id = ${id}`
  return row
}

/** Locks the case row for the rest of the transaction (workers and the API change it one at a time). */
export async function lockCase(sql: Sql, id: string): Promise<CaseRow | undefined> {
  const [row] = await sql<CaseRow[]>`select ${columns(sql)} from cases c where c.id = ${id} for update`
  return row
}

/** The person's open case other than `exceptId`, the earliest first: that is the one a duplicate links to. */
export async function openCaseOf(sql: Sql, personId: string, exceptId: string | null = null): Promise<CaseRow | undefined> {
  const [row] = await sql<CaseRow[]>`
    select ${columns(sql)} from cases c
    where c.person_id = ${personId} and c.closed_at is null and c.status <> all(${CLOSED_STATUSES as string[]})
      and (${exceptId}::bigint is null or c.id <> ${exceptId}::bigint) and c.linked_case_id is null
    order by c.id limit 1`
  return row
}

/** Moves an open case to a status; a closed case stays closed (a late job must not reopen it). */
export async function setStatus(sql: Sql, id: string, status: CaseStatus): Promise<void> {
  const closing = CLOSED_STATUSES.includes(status)
  await sql`
    update cases set status = ${status}, updated_at = now(), closed_at = ${closing ? sql`coalesce(closed_at, now())` : sql`closed_at`}
    where id = ${id} and closed_at is null`
}

export async function updateCase(sql: Sql, id: string, fields: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return
  await sql`update cases set ${sql(Object.fromEntries(entries) as never)}, updated_at = now() where id = ${id}`
}

export interface CaseFilter {
  status?: CaseStatus[] | undefined
  route?: Route | undefined
  /** Cases whose deadline is on or before this date (YYYY-MM-DD). */
  deadlineBefore?: string | undefined
  overdue?: { today: string } | undefined
  /** Only these units' cases (caseworkers see their own unit's). */
  units?: string[] | undefined
  /** Only cases appointed to this coordinator username. */
  coordinatorUsername?: string | undefined
  /** Only cases that have been on the intake group's agenda. */
  intakeGroup?: boolean | undefined
  /** Only cases this condition on the row `c` holds for: the reader's access rule (case-access.ts readableCase). */
  readable?: postgres.Fragment | undefined
  open?: boolean | undefined
  limit: number
  offset: number
}

export interface CaseListRow extends CaseRow {
  personName: string
  identityNumber: string
  birthDate: string
}

/** Open cases first, then by deadline. */
export async function listCases(sql: Sql, filter: CaseFilter): Promise<{ items: CaseListRow[]; total: number }> {
  const where = sql`
    where true
    ${filter.status?.length ? sql`and c.status = any(${filter.status as string[]})` : sql``}
    ${filter.route ? sql`and c.route = ${filter.route}` : sql``}
    ${filter.deadlineBefore ? sql`and c.deadline <= ${filter.deadlineBefore}` : sql``}
    ${filter.overdue ? sql`and c.deadline < ${filter.overdue.today} and c.closed_at is null` : sql``}
    ${filter.open === true ? sql`and c.closed_at is null` : filter.open === false ? sql`and c.closed_at is not null` : sql``}
    ${filter.units ? sql`and c.unit = any(${filter.units})` : sql``}
    ${filter.coordinatorUsername ? sql`and c.coordinator_id in (select id from coordinators where username = ${filter.coordinatorUsername})` : sql``}
    ${filter.intakeGroup ? sql`and exists (select 1 from agenda_items a where a.case_id = c.id)` : sql``}
    ${filter.readable ? sql`and (${filter.readable})` : sql``}`
  const items = await sql<CaseListRow[]>`
    select ${columns(sql)}, p.name as "personName", p.identity_number as "identityNumber", p.birth_date::text as "birthDate"
    from cases c join people p on p.id = c.person_id
    ${where}
    order by (c.closed_at is not null), c.deadline, c.id
    limit ${filter.limit} offset ${filter.offset}`
  const [count] = await sql<{ total: number }[]>`select count(*)::int as total from cases c ${where}`
  return { items, total: count!.total }
}

/** The case whose process instance this is (its business key), or undefined. */
export async function caseIdOfInstance(sql: Sql, instanceKey: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`select id::text from cases where instance_key = ${instanceKey}`
  return row?.id
}

/**
 * The cases recorded decisions belong to: by their process instance (a KE case's instance) or
 * their case reference (the `caseId` variable the rules worker records).
 */
export async function casesOfDecisions(sql: Sql, decisions: { processInstanceKey: string | null; caseReference: string | null }[]): Promise<string[]> {
  const keys = [...new Set(decisions.map((d) => d.processInstanceKey).filter((k): k is string => k !== null))]
  const ids = [...new Set(decisions.map((d) => d.caseReference).filter((r): r is string => r !== null && /^[0-9]{1,18}$/.test(r)))]
  if (keys.length === 0 && ids.length === 0) return []
  const rows = await sql<{ id: string }[]>`
    select id::text from cases where instance_key = any(${keys}::bigint[]) or id = any(${ids}::bigint[]) order by id`
  return rows.map((row) => row.id)
}

/** The id of the case with this reference (KE-2026-00008), if there is one. */
export async function caseIdByReference(sql: Sql, reference: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`select id::text from cases where reference = ${reference}`
  return row?.id
}
