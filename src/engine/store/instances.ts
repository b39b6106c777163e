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
  /** The hash of the last history row (the head of the instance's chain), null before any. */
  historyHash: string | null
  startedAt: Date
  endedAt: Date | null
  /** Set on an instance a call activity started: the parent instance and its call activity's element instance. */
  parentKey: string | null
  parentElementInstanceId: number | null
  /** The top of the call tree (null on a top-level instance): locked first by every command in the tree. */
  rootKey: string | null
  /** The correlation key of the message that started it (a message start event). */
  startCorrelationKey: string | null
}

const columns = (sql: Sql) => sql`
  key::text, definition_key::text as "definitionKey", process_id as "processId", version, business_key as "businessKey",
  status, state, history_seq as "historySeq", history_hash as "historyHash", started_at as "startedAt", ended_at as "endedAt",
  parent_key::text as "parentKey", parent_element_instance_id as "parentElementInstanceId", root_key::text as "rootKey",
  start_correlation_key as "startCorrelationKey"`

/** Reads an instance and locks its row until the transaction ends: commands on one instance run one at a time. */
export async function lockInstance(sql: Sql, key: string): Promise<InstanceRow | undefined> {
  const [row] = await sql<InstanceRow[]>`select ${columns(sql)} from process_instances where key = ${key} for update`
  return row
}

/**
 * Locks an instance for a command: in a call tree the root first, then the instance, so that a
 * parent and its children are always locked in the same order (parent before child) and two
 * commands in one tree never deadlock.
 */
export async function lockInstanceInTree(sql: Sql, key: string): Promise<InstanceRow | undefined> {
  // Most instances are the top of their tree: lock and read them in one round trip.
  const [top] = await sql<InstanceRow[]>`select ${columns(sql)} from process_instances where key = ${key} and root_key is null for update`
  if (top) return top
  const [tree] = await sql<{ rootKey: string | null }[]>`select root_key::text as "rootKey" from process_instances where key = ${key}`
  if (!tree) return undefined
  if (tree.rootKey) await sql`select 1 from process_instances where key = ${tree.rootKey} for update`
  return lockInstance(sql, key)
}

/** Locks and reads these instances, the tops of their trees among them, in key order, in one statement. */
export async function lockTopInstances(sql: Sql, keys: string[]): Promise<InstanceRow[]> {
  if (keys.length === 0) return []
  return sql<InstanceRow[]>`
    select ${columns(sql)} from process_instances where key = any(${keys}::bigint[]) and root_key is null order by key for update`
}

/** The roots of these instances' trees (an instance without a parent is its own root). */
export async function treeRoots(sql: Sql, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const rows = await sql<{ key: string; root: string }[]>`
    select key::text, coalesce(root_key, key)::text as root from process_instances where key = any(${keys}::bigint[])`
  return new Map(rows.map((row) => [row.key, row.root]))
}

/** The active instance a call activity's element instance started, if any. */
export async function childOf(sql: Sql, parentKey: string, elementInstanceId: number): Promise<string | undefined> {
  const [row] = await sql<{ key: string }[]>`
    select key::text from process_instances
    where parent_key = ${parentKey} and parent_element_instance_id = ${elementInstanceId} and status = 'active'`
  return row?.key
}

export interface ChildRow { key: string; processId: string; version: number; status: InstanceState['status']; parentElementInstanceId: number }

export async function childrenOf(sql: Sql, parentKey: string): Promise<ChildRow[]> {
  return sql<ChildRow[]>`
    select key::text, process_id as "processId", version, status, parent_element_instance_id as "parentElementInstanceId"
    from process_instances where parent_key = ${parentKey} order by key`
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
