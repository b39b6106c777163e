// The one place the audit routes ask whether a principal may read a case, and record that they
// did, with the purpose they stated. (Uses the case check that exists today, src/cases/view.ts;
// when the case checks are unified, this is the line to switch.)
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { notFound } from '../errors.js'
import { getCase, type CaseRow } from '../cases/cases.js'
import { checkCaseAccess } from '../cases/view.js'
import { recordCaseReads } from '../cases/access-log.js'

/** The case, once the principal may read it (404 otherwise); the read is recorded as `what: purpose`. */
export async function openCaseFor(sql: Sql, principal: Principal, caseId: string, what: string, purpose: string | undefined): Promise<CaseRow> {
  const row = await getCase(sql, caseId)
  if (!row) throw notFound('Case', caseId)
  await checkCaseAccess(sql, principal, row)
  await recordCaseReads(sql, [row.id], { principal, purpose: purpose ? `${what}: ${purpose}` : what })
  return row
}
