// Process instances: one row each, its live state one JSONB value.
import type { Sql } from '../../db/connect.js'
import type { InstanceState } from '../types.js'

export interface InstanceRow {
  key: string
  definitionKey: string
  processId: string
  version: number
  businessKey: string | null
  status: InstanceState['status']
  state: InstanceState
  historySeq: number
  startedAt: Date
  endedAt: Date | null
}

const columns = (sql: Sql) => sql`
  key::text, definition_key::text as "definitionKey", process_id as "processId", version, business_key as "businessKey",
  status, state, history_seq as "historySeq", started_at as "startedAt", ended_at as "endedAt"`

export async function insertInstance(
  sql: Sql,
  row: { definitionKey: string; processId: string; version: number; state: InstanceState; historySeq: number; now: Date },
): Promise<string> {
  const ended = row.state.status === 'active' ? null : row.now
  const [inserted] = await sql<{ key: string }[]>`
    insert into process_instances (definition_key, process_id, version, business_key, status, state, history_seq, started_at, ended_at)
    values (${row.definitionKey}, ${row.processId}, ${row.version}, ${row.state.businessKey}, ${row.state.status},
            ${sql.json(row.state as never)}, ${row.historySeq}, ${row.now}, ${ended})
    returning key::text`
  return inserted!.key
}

/** Reads an instance and locks its row until the transaction ends: commands on one instance run one at a time. */
export async function lockInstance(sql: Sql, key: string): Promise<InstanceRow | undefined> {
  const [row] = await sql<InstanceRow[]>`select ${columns(sql)} from process_instances where key = ${key} for update`
  return row
}

export async function getInstance(sql: Sql, key: string): Promise<InstanceRow | undefined> {
  const [row] = await sql<InstanceRow[]>`select ${columns(sql)} from process_instances where key = ${key}`
  return row
}

export async function saveInstance(sql: Sql, key: string, state: InstanceState, historySeq: number, now: Date): Promise<void> {
  const ended = state.status === 'active' ? null : now
  await sql`
    update process_instances
    set state = ${sql.json(state as never)}, status = ${state.status}, history_seq = ${historySeq}, ended_at = ${ended}
    where key = ${key}`
}

export interface InstanceFilter {
  processId?: string | undefined
  status?: InstanceState['status'] | undefined
  businessKey?: string | undefined
  limit: number
  offset: number
}

export async function listInstances(sql: Sql, filter: InstanceFilter): Promise<InstanceRow[]> {
  return sql<InstanceRow[]>`
    select ${columns(sql)} from process_instances
    where true
      ${filter.processId ? sql`and process_id = ${filter.processId}` : sql``}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.businessKey ? sql`and business_key = ${filter.businessKey}` : sql``}
    order by key desc limit ${filter.limit} offset ${filter.offset}`
}
