// Who may read which case: one rule, used by every route that shows or changes case data (the
// case itself, its process instances and their history, user tasks and forms, letters,
// decisions, incidents, meetings). The rule is written once, as SQL over a case row `c`, so a
// single check and a filtered list always give the same answer.
//
//   admin, auditor   every case
//   caseworker       the cases of their unit (every unit's when the account names no unit)
//   coordinator      the cases they are appointed to
//   intake-group     the cases on an intake-group meeting's agenda (the group is a standing one:
//                    every member belongs to each of its meetings; only the KE's caseworkers, the
//                    group's secretary, put cases on an agenda)
//   process-owner    no case: they see the shape of instances and tasks, never their variables
//
// A case the reader may not read is 404, not 403: that a case exists is itself information.
import type postgres from 'postgres'
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { notFound } from '../errors.js'
import { getCase, type CaseRow } from './cases.js'

type Fragment = postgres.Fragment

/** Roles that read every case. */
export const READ_ALL_ROLES = ['admin', 'auditor'] as const
/** Roles that see instances, tasks and incidents of cases without their case data (variables, history data). */
export const WITHHELD_ROLES = ['process-owner'] as const

const hasAny = (principal: Pick<Principal, 'roles'>, roles: readonly string[]) => principal.roles.some((role) => roles.includes(role))

export const readsAllCases = (principal: Pick<Principal, 'roles'>) => hasAny(principal, READ_ALL_ROLES)
/** Whether the principal sees case-bound instances and tasks with their case data left out (instead of not at all). */
export const seesWithheld = (principal: Pick<Principal, 'roles'>) => hasAny(principal, WITHHELD_ROLES)

/** The SQL condition under which `principal` may read the case row aliased `c`. */
export function readableCase(sql: Sql, principal: Principal): Fragment {
  if (readsAllCases(principal)) return sql`true`
  const conditions: Fragment[] = []
  if (principal.roles.includes('caseworker')) conditions.push(principal.unit === null ? sql`true` : sql`c.unit = ${principal.unit}`)
  if (principal.roles.includes('coordinator')) {
    conditions.push(sql`c.coordinator_id in (select co.id from coordinators co where co.username = ${principal.username})`)
  }
  if (principal.roles.includes('intake-group')) conditions.push(sql`exists (select 1 from agenda_items a where a.case_id = c.id)`)
  if (conditions.length === 0) return sql`false`
  return conditions.slice(1).reduce((all, condition) => sql`${all} or ${condition}`, sql`${conditions[0]!}`)
}

/** Which of these cases the principal may read. */
export async function readableCases(sql: Sql, principal: Principal, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set()
  const rows = await sql<{ id: string }[]>`
    select c.id::text from cases c where c.id = any(${[...new Set(caseIds)]}::bigint[]) and (${readableCase(sql, principal)})`
  return new Set(rows.map((row) => row.id))
}

export async function mayReadCase(sql: Sql, principal: Principal, row: Pick<CaseRow, 'id'>): Promise<boolean> {
  return (await readableCases(sql, principal, [row.id])).has(row.id)
}

/** Throws 404 (not 403: a case's existence is itself information) when the principal may not read it. */
export async function checkCaseAccess(sql: Sql, principal: Principal, row: Pick<CaseRow, 'id'>): Promise<void> {
  if (!(await mayReadCase(sql, principal, row))) throw notFound('Case', row.id)
}

/** The case, when it exists and the principal may read it; 404 otherwise. */
export async function readableCaseById(sql: Sql, principal: Principal, caseId: string): Promise<CaseRow> {
  const row = await getCase(sql, caseId)
  if (!row) throw notFound('Case', caseId)
  await checkCaseAccess(sql, principal, row)
  return row
}
