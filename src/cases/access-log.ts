// Every read of a case is recorded: who, when, which case, and why (the route that read it).
// The table is append-only; the database refuses to change or delete what is written.
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { appendAccessLog } from '../audit/access-log.js'

export interface CaseRead {
  principal: Pick<Principal, 'username' | 'roles'>
  /** Why: the route or purpose, e.g. "GET /api/cases/:id". */
  purpose: string
  fullIdentity?: boolean
}

/** Records the reads in the case's hash-chained access log (src/audit/access-log.ts). */
export async function recordCaseReads(sql: Sql, caseIds: string[], read: CaseRead): Promise<void> {
  await appendAccessLog(sql, caseIds, {
    username: read.principal.username,
    roles: [...read.principal.roles],
    purpose: read.purpose,
    fullIdentity: read.fullIdentity ?? false,
  })
}

export interface AccessLogRow {
  username: string
  roles: string[]
  purpose: string
  fullIdentity: boolean
  at: Date
}

export async function caseAccessLog(sql: Sql, caseId: string): Promise<AccessLogRow[]> {
  return sql<AccessLogRow[]>`
    select username, roles, purpose, full_identity as "fullIdentity", at from case_access_log where case_id = ${caseId} order by id`
}
