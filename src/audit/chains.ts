// Reading the chains back: a case's instances, their history rows, the case's access log, the
// heads and the removal records. Plain reads; verify.ts judges them.
import type { Sql } from '../db/connect.js'

export interface StoredHistoryRow {
  seq: number
  type: string
  elementId: string | null
  elementInstanceId: number | null
  actor: string | null
  at: Date
  data: unknown
  hash: string | null
}

export interface StoredAccessRow {
  id: string
  seq: number | null
  username: string
  roles: string[]
  purpose: string
  fullIdentity: boolean
  at: Date
  hash: string | null
}

/** The instances of a case: its process instance and every instance that one called, in key order. */
export async function caseInstances(sql: Sql, caseId: string): Promise<string[] | undefined> {
  const [row] = await sql<{ instanceKey: string | null }[]>`select instance_key::text as "instanceKey" from cases where id = ${caseId}`
  if (!row) return undefined
  if (!row.instanceKey) return []
  const rows = await sql<{ key: string }[]>`
    select key::text from process_instances where key = ${row.instanceKey} or root_key = ${row.instanceKey} order by key`
  return rows.map((r) => r.key)
}

export async function historyOf(sql: Sql, instanceKey: string): Promise<StoredHistoryRow[]> {
  return sql<StoredHistoryRow[]>`
    select seq, type, element_id as "elementId", element_instance_id as "elementInstanceId", actor, at, data, hash
    from history where instance_key = ${instanceKey} order by seq`
}

export async function instanceHead(sql: Sql, instanceKey: string): Promise<{ seq: number; hash: string | null } | undefined> {
  const [row] = await sql<{ seq: number; hash: string | null }[]>`
    select history_seq as seq, history_hash as hash from process_instances where key = ${instanceKey}`
  return row
}

export async function accessRowsOf(sql: Sql, caseId: string): Promise<StoredAccessRow[]> {
  return sql<StoredAccessRow[]>`
    select id::text, seq, username, roles, purpose, full_identity as "fullIdentity", at, hash
    from case_access_log where case_id = ${caseId} order by seq nulls first, id`
}

export async function accessHead(sql: Sql, caseId: string): Promise<{ seq: number; hash: string | null } | undefined> {
  const [row] = await sql<{ seq: number; hash: string | null }[]>`select seq, hash from audit_access_heads where case_id = ${caseId}`
  return row
}

/** The recorded removals of history data, by sequence number: the hash of what was removed. */
export async function removalsOf(sql: Sql, instanceKey: string): Promise<Map<number, string>> {
  const rows = await sql<{ seq: number; contentHash: string }[]>`
    select seq, content_hash as "contentHash" from audit_removals
    where chain = 'history' and chain_key = ${instanceKey} and field = 'data' and seq is not null`
  return new Map(rows.map((row) => [row.seq, row.contentHash]))
}

/** The mark a removed history row's data is replaced by. */
export const REMOVED_DATA = { removed: true } as const
