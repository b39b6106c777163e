// Case search: by reference (KE-2026-00008), by identity number (11 digits) or by a part of the
// person's name; and the duplicate check the one door makes before an enquiry is saved. Only the
// cases the reader may read are returned (checkCaseAccess). An identity number arrives in a
// request body, never a URL, and never appears in a message.
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { getCase, openCaseOf, type CaseRow } from './cases.js'
import { findPersonByIdentity, type PersonRow } from './people.js'
import { checkCaseAccess } from './view.js'
import { CLOSED_STATUSES } from './types.js'

/** At most this many cases per search: a search that finds more needs more words. */
export const SEARCH_LIMIT = 50

export type SearchKind = 'reference' | 'identity-number' | 'name'

export interface SearchHit {
  row: CaseRow
  person: Pick<PersonRow, 'name' | 'identityNumber' | 'birthDate'>
}

/** What a search text is: a case reference, an identity number, or (anything else) a name. */
export function searchKindOf(text: string): SearchKind {
  const trimmed = text.trim()
  if (/^KE-\d{4}-\d{5,}$/i.test(trimmed)) return 'reference'
  if (/^\d{11}$/.test(trimmed.replace(/\s/g, ''))) return 'identity-number'
  return 'name'
}

/** LIKE's own characters taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

interface HitRow {
  id: string
  name: string
  identityNumber: string
  birthDate: string
}

/** The cases matching `text` that `principal` may read, open ones first, then by deadline. */
export async function searchCases(sql: Sql, principal: Principal, text: string): Promise<{ kind: SearchKind; hits: SearchHit[] }> {
  const kind = searchKindOf(text)
  const trimmed = text.trim()
  const where =
    kind === 'reference' ? sql`c.reference = ${trimmed.toUpperCase()}`
    : kind === 'identity-number' ? sql`p.identity_number = ${trimmed.replace(/\s/g, '')}`
    : sql`lower(p.name) like ${`%${literal(trimmed.toLowerCase())}%`}`
  // More than a page is read because some may be another unit's; checkCaseAccess decides.
  const rows = await sql<HitRow[]>`
    select c.id::text, p.name, p.identity_number as "identityNumber", p.birth_date::text as "birthDate"
    from cases c join people p on p.id = c.person_id
    where ${where}
    order by (c.closed_at is not null or c.status = any(${CLOSED_STATUSES as string[]})), c.deadline, c.id
    limit ${SEARCH_LIMIT * 4}`
  const hits: SearchHit[] = []
  for (const hit of rows) {
    const row = (await getCase(sql, hit.id))!
    if (!(await mayRead(sql, principal, row))) continue
    hits.push({ row, person: { name: hit.name, identityNumber: hit.identityNumber, birthDate: hit.birthDate } })
    if (hits.length === SEARCH_LIMIT) break
  }
  return { kind, hits }
}

async function mayRead(sql: Sql, principal: Principal, row: CaseRow): Promise<boolean> {
  try {
    await checkCaseAccess(sql, principal, row)
    return true
  } catch {
    return false
  }
}

export interface DuplicateCheck {
  /** The person registered with this number, if any. */
  person: { name: string } | null
  /** The open case a new enquiry about this person would be linked to (as intake links it). */
  openCase: CaseRow | null
}

/** Before an enquiry is saved: is the person known, and do they have an open case? The same rule as intake (openCaseOf). */
export async function duplicateCheck(sql: Sql, identityNumber: string): Promise<DuplicateCheck> {
  const person = await findPersonByIdentity(sql, identityNumber)
  if (!person) return { person: null, openCase: null }
  return { person: { name: person.name }, openCase: (await openCaseOf(sql, person.id)) ?? null }
}
