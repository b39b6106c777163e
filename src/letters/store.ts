// The letters table. Functions take `sql` first, so a transaction
// can be passed down.
import type { Sql } from '../db/connect.js'
import type { Language, LetterChannel, LetterData, LetterKind, LetterStatus } from './types.js'

export interface LetterRow {
  id: string
  caseId: string
  instanceKey: string | null
  kind: LetterKind
  language: Language
  status: LetterStatus
  checksum: string
  templateName: string
  templateChecksum: string
  channel: LetterChannel | null
  idempotencyKey: string
  dispatchId: string | null
  dispatchStatus: string | null
  dispatchAttempts: number
  dispatchElementId: string | null
  lastError: string | null
  createdBy: string
  createdAt: Date
  approvedBy: string | null
  approvedAt: Date | null
  sentBy: string | null
  sentAt: Date | null
}

const columns = (sql: Sql) => sql`
  id::text, case_id::text as "caseId", instance_key::text as "instanceKey", kind, language, status, checksum,
  template_name as "templateName", template_checksum as "templateChecksum", channel,
  idempotency_key::text as "idempotencyKey", dispatch_id as "dispatchId", dispatch_status as "dispatchStatus",
  dispatch_attempts as "dispatchAttempts", dispatch_element_id as "dispatchElementId", last_error as "lastError",
  created_by as "createdBy", created_at as "createdAt", approved_by as "approvedBy", approved_at as "approvedAt",
  sent_by as "sentBy", sent_at as "sentAt"`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isLetterId = (id: string) => UUID.test(id)

export interface NewLetter {
  caseId: string
  instanceKey: string | null
  data: LetterData
  status: 'draft' | 'approved'
  pdf: Buffer
  checksum: string
  templateName: string
  templateChecksum: string
  createdBy: string
  now: Date
}

export async function insertLetter(sql: Sql, letter: NewLetter): Promise<LetterRow> {
  const approved = letter.status === 'approved'
  const [row] = await sql<LetterRow[]>`
    insert into letters (case_id, instance_key, kind, language, status, data, pdf, checksum, template_name, template_checksum,
                         created_by, created_at, approved_by, approved_at)
    values (${letter.caseId}, ${letter.instanceKey}, ${letter.data.kind}, ${letter.data.language}, ${letter.status},
            ${sql.json(letter.data as never)}, ${letter.pdf}, ${letter.checksum}, ${letter.templateName}, ${letter.templateChecksum},
            ${letter.createdBy}, ${letter.now}, ${approved ? letter.createdBy : null}, ${approved ? letter.now : null})
    returning ${columns(sql)}`
  return row!
}

export async function getLetter(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<LetterRow | undefined> {
  if (!isLetterId(id)) return undefined
  const [row] = await sql<LetterRow[]>`select ${columns(sql)} from letters where id = ${id} ${options.lock ? sql`for update` : sql``}`
  return row
}

export async function letterData(sql: Sql, id: string): Promise<LetterData | undefined> {
  const [row] = await sql<{ data: LetterData }[]>`select data from letters where id = ${id}`
  return row?.data
}

export async function letterPdf(sql: Sql, id: string): Promise<Buffer | undefined> {
  const [row] = await sql<{ pdf: Buffer }[]>`select pdf from letters where id = ${id}`
  return row?.pdf
}

export async function listLetters(sql: Sql, caseId: string): Promise<LetterRow[]> {
  return sql<LetterRow[]>`select ${columns(sql)} from letters where case_id = ${caseId} order by created_at, id`
}

/** The newest draft of an instance (or, failing that, of the case: a business key that is a case id). */
export async function latestDraft(sql: Sql, where: { instanceKey: string; caseId: string | null }): Promise<LetterRow | undefined> {
  const [row] = await sql<LetterRow[]>`
    select ${columns(sql)} from letters
    where status = 'draft' and (instance_key = ${where.instanceKey} ${where.caseId && /^\d{1,19}$/.test(where.caseId) ? sql`or case_id = ${where.caseId}` : sql``})
    order by (instance_key = ${where.instanceKey}) desc nulls last, created_at desc limit 1`
  return row
}

/** Sets columns of one letter; returns the row as it now is. */
export async function updateLetter(sql: Sql, id: string, changes: Record<string, unknown>): Promise<LetterRow> {
  const [row] = await sql<LetterRow[]>`update letters set ${sql(changes as never)} where id = ${id} returning ${columns(sql)}`
  return row!
}

/**
 * Takes the letter for one dispatch until `until`, unless another sender holds it: two senders
 * (a worker and a resend, two processes) never send the same letter at the same time.
 */
export async function leaseForDispatch(sql: Sql, id: string, now: Date, until: Date): Promise<LetterRow | undefined> {
  const [row] = await sql<LetterRow[]>`
    update letters set dispatch_lease_until = ${until}, dispatch_attempts = dispatch_attempts + 1
    where id = ${id} and (dispatch_lease_until is null or dispatch_lease_until < ${now})
    returning ${columns(sql)}`
  return row
}

/** Sent letters whose dispatch status may still change (followed until it settles). */
export async function lettersToFollow(sql: Sql, finalStatuses: readonly string[], limit: number): Promise<LetterRow[]> {
  return sql<LetterRow[]>`
    select ${columns(sql)} from letters
    where status = 'sent' and channel = 'svarut' and (dispatch_status is null or not (dispatch_status = any(${finalStatuses as string[]})))
    order by sent_at limit ${limit}`
}
