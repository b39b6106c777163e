// The case access log, hash-chained per case: who read a case, when, in which role and why.
// A case's readers are put in line by the row lock on its head (audit_access_heads), taken for
// all the cases of one read in case order (so two reads of many cases never deadlock); the rows
// and the new heads are written in the same transaction.
import type { Sql } from '../db/connect.js'
import { accessHash, type AccessFrame } from './hash.js'

export interface AccessRead {
  username: string
  roles: string[]
  /** Why: the route and the purpose the reader stated. */
  purpose: string
  fullIdentity: boolean
}

/** Records one read of each case; runs in the caller's transaction or in one of its own. */
export async function appendAccessLog(sql: Sql, caseIds: string[], read: AccessRead, at: Date = new Date()): Promise<void> {
  const cases = [...new Set(caseIds)].sort((a, b) => Number(a) - Number(b))
  if (cases.length === 0) return
  const inTransaction = typeof (sql as unknown as { savepoint?: unknown }).savepoint === 'function'
  if (inTransaction) return append(sql, cases, read, at)
  await sql.begin((tx) => append(tx as unknown as Sql, cases, read, at))
}

async function append(sql: Sql, cases: string[], read: AccessRead, at: Date): Promise<void> {
  // An upsert that changes nothing locks each head row (new or not) and returns it as it is.
  const heads = await sql<{ caseId: string; seq: number; hash: string | null }[]>`
    insert into audit_access_heads (case_id) select unnest(${cases}::bigint[]) order by 1
    on conflict (case_id) do update set case_id = excluded.case_id
    returning case_id::text as "caseId", seq, hash`
  const rows = heads.map((head) => {
    const frame: AccessFrame = { caseId: head.caseId, seq: head.seq + 1, ...read, at }
    return { ...frame, hash: accessHash(head.hash, frame) }
  })
  const json = sql.json(rows as never)
  await Promise.all([
    sql`
      insert into case_access_log (case_id, seq, username, roles, purpose, full_identity, at, hash)
      select "caseId", seq, username, array(select jsonb_array_elements_text(roles)), purpose, "fullIdentity", at, hash
      from jsonb_to_recordset(${json}) as r("caseId" bigint, seq integer, username text, roles jsonb, purpose text, "fullIdentity" boolean,
        at timestamptz, hash text)`,
    sql`
      update audit_access_heads h set seq = r.seq, hash = r.hash
      from jsonb_to_recordset(${json}) as r("caseId" bigint, seq integer, hash text)
      where h.case_id = r."caseId"`,
  ])
}

export interface AccessLogEntry {
  seq: number | null
  username: string
  roles: string[]
  purpose: string
  fullIdentity: boolean
  at: Date
}

/** The case's access log, oldest first. */
export async function readAccessLog(sql: Sql, caseId: string): Promise<AccessLogEntry[]> {
  return sql<AccessLogEntry[]>`
    select seq, username, roles, purpose, full_identity as "fullIdentity", at from case_access_log where case_id = ${caseId} order by id`
}
