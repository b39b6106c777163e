// Which case a process instance (and so its history, tasks, jobs and incidents) belongs to, and
// what a reader may see of it. An instance belongs to a case when
//   - its call tree's root is the case's instance (cases.instance_key): called children belong
//     to their root's case;
//   - or its own or its root's business key, or `caseId` variable, names the case: that is what
//     the KE workers act on, so an instance naming a case is treated as that case's data
//     whoever started it.
// An instance that names no case is not case data: the engine routes' own roles decide.
import type postgres from 'postgres'
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { readableCase, readableCases, readsAllCases, seesWithheld } from './case-access.js'
import { recordCaseReads } from './access-log.js'
import { notFound } from '../errors.js'

type Fragment = postgres.Fragment

/** A text that is a case id (a bigint in the cases table's range) as a bigint, else null. */
const caseRef = (sql: Sql, text: Fragment) => sql`(case when ${text} ~ '^[0-9]{1,18}$' then (${text})::bigint end)`

/** SQL: the ids of the cases the instance whose key is `instanceKey` (a column or a value) belongs to. */
export function caseIdsOfInstance(sql: Sql, instanceKey: Fragment): Fragment {
  return sql`(
    select c.id from process_instances i join cases c on c.instance_key = coalesce(i.root_key, i.key) where i.key = ${instanceKey}
    union
    select c.id from process_instances i
      join process_instances r on r.key = coalesce(i.root_key, i.key)
      cross join lateral (values (i.business_key), (i.state -> 'variables' ->> 'caseId'), (r.business_key), (r.state -> 'variables' ->> 'caseId')) as named (ref)
      join cases c on c.id = ${caseRef(sql, sql`named.ref`)}
    where i.key = ${instanceKey})`
}

/** The cases each of these instances belongs to (instances that belong to none are left out). */
export async function casesOfInstances(sql: Sql, instanceKeys: readonly string[]): Promise<Map<string, string[]>> {
  const keys = [...new Set(instanceKeys)]
  if (keys.length === 0) return new Map()
  const rows = await sql<{ instanceKey: string; caseId: string }[]>`
    select k.key::text as "instanceKey", ids.id::text as "caseId"
    from unnest(${keys}::bigint[]) as k (key), lateral ${caseIdsOfInstance(sql, sql`k.key`)} as ids (id)`
  const byInstance = new Map<string, string[]>()
  for (const row of rows) byInstance.set(row.instanceKey, [...(byInstance.get(row.instanceKey) ?? []), row.caseId])
  return byInstance
}

/**
 * SQL over a row with an `instance_key` column (qualified, e.g. user_tasks.instance_key): true
 * when the principal may read everything the instance holds. Undefined when they may read all.
 */
export function readableInstance(sql: Sql, principal: Principal, instanceKeyColumn: Fragment): Fragment | undefined {
  if (readsAllCases(principal)) return undefined
  return sql`not exists (select 1 from cases c where c.id in ${caseIdsOfInstance(sql, instanceKeyColumn)} and not (${readableCase(sql, principal)}))`
}

/** What a reader sees of an instance (or a task, history or incident of one). */
export type InstanceAccess =
  /** It belongs to no case: the route's roles decide. */
  | { mode: 'open'; caseIds: [] }
  /** It belongs to cases the reader may read: shown whole, and the read recorded. */
  | { mode: 'full'; caseIds: string[] }
  /** It belongs to a case the reader may not read, but their role oversees the processes: shown without case data. */
  | { mode: 'withheld'; caseIds: string[] }
  /** Not at all: the route answers 404, as for the case. */
  | { mode: 'hidden'; caseIds: string[] }

export async function instanceAccessAll(sql: Sql, principal: Principal, instanceKeys: readonly string[]): Promise<Map<string, InstanceAccess>> {
  const cases = await casesOfInstances(sql, instanceKeys)
  const readable = await readableCases(sql, principal, [...cases.values()].flat())
  const result = new Map<string, InstanceAccess>()
  for (const key of instanceKeys) {
    const caseIds = cases.get(key) ?? []
    if (caseIds.length === 0) result.set(key, { mode: 'open', caseIds: [] })
    else if (caseIds.every((id) => readable.has(id))) result.set(key, { mode: 'full', caseIds })
    else result.set(key, { mode: seesWithheld(principal) ? 'withheld' : 'hidden', caseIds })
  }
  return result
}

export async function instanceAccess(sql: Sql, principal: Principal, instanceKey: string): Promise<InstanceAccess> {
  return (await instanceAccessAll(sql, principal, [instanceKey])).get(instanceKey)!
}

/** Records, in each case's access log, that the principal read what these accesses showed whole. */
export async function recordInstanceReads(sql: Sql, principal: Principal, accesses: Iterable<InstanceAccess>, purpose: string): Promise<void> {
  const caseIds = new Set<string>()
  for (const access of accesses) if (access.mode === 'full') for (const id of access.caseIds) caseIds.add(id)
  await recordCaseReads(sql, [...caseIds], { principal, purpose })
}

/**
 * Before an instance is started with this business key and these variables: the cases they would
 * make it belong to must be cases the starter may read (404 otherwise, as for the case).
 */
export async function checkNamedCases(sql: Sql, principal: Principal, businessKey: string | undefined, variables: Record<string, unknown> | undefined): Promise<void> {
  const refs = [businessKey, variables?.caseId].map((ref) => (typeof ref === 'number' ? String(ref) : ref)).filter((ref): ref is string => typeof ref === 'string' && /^[0-9]{1,18}$/.test(ref))
  if (refs.length === 0) return
  const existing = await sql<{ id: string }[]>`select id::text from cases where id = any(${refs}::bigint[])`
  const readable = await readableCases(sql, principal, existing.map((row) => row.id))
  const denied = existing.find((row) => !readable.has(row.id))
  if (denied) throw notFound('Case', denied.id)
}
