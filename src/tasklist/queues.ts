// The caseworkers' task queues over open user tasks: mine (assigned to me), my groups' (naming me
// or one of my groups), and unassigned (that I may take), filtered, sorted and paged in SQL so the
// list stays fast with thousands of open tasks. The case reference is the instance's
// caseReference variable, which every KE task carries.
import type { Sql } from '../db/connect.js'
import type { TaskViewer } from '../engine/store/user-tasks.js'

export const QUEUES = ['mine', 'groups', 'unassigned'] as const
export type Queue = (typeof QUEUES)[number]
export const SORTS = ['due', 'priority', 'age'] as const
export type Sort = (typeof SORTS)[number]

export interface QueueFilter {
  queue: Queue
  processId?: string | undefined
  elementId?: string | undefined
  /** Part of a case reference, any case (KE-2026-0004 finds KE-2026-00042). */
  caseReference?: string | undefined
  /** Due on or before this Norwegian date (YYYY-MM-DD). */
  dueBy?: string | undefined
  overdue?: boolean | undefined
  sort: Sort
  limit: number
  offset: number
}

export interface QueueTask {
  key: string
  instanceKey: string
  processId: string
  elementId: string
  name: string | null
  assignee: string | null
  candidateGroups: string[]
  dueDate: Date | null
  priority: number
  createdAt: Date
  caseReference: string | null
  caseId: string | null
}

export interface QueuePage {
  items: QueueTask[]
  total: number
  counts: Record<Queue, number>
  /** The processes and tasks among the open tasks this person may see, for the filters. */
  kinds: { processId: string; elementId: string; name: string | null; count: number }[]
}

/** `viewer` undefined: an overseer (admin), who may see every task. */
export async function listQueue(sql: Sql, me: string, viewer: TaskViewer | undefined, filter: QueueFilter, now: Date): Promise<QueuePage> {
  const groups = viewer ? [...viewer.groups] : []
  const visible = viewer
    ? sql`and (assignee = ${me} or ${me} = any(candidate_users) or candidate_groups && ${groups}::text[]
        or (assignee is null and cardinality(candidate_groups) = 0 and cardinality(candidate_users) = 0))`
    : sql``
  const queue = {
    mine: sql`and assignee = ${me}`,
    groups: sql`and (${me} = any(candidate_users) or candidate_groups && ${groups}::text[])`,
    unassigned: sql`and assignee is null`,
  } satisfies Record<Queue, unknown>
  const reference = filter.caseReference?.trim()
  const filters = sql`
    ${filter.processId ? sql`and process_id = ${filter.processId}` : sql``}
    ${filter.elementId ? sql`and element_id = ${filter.elementId}` : sql``}
    ${reference ? sql`and variables->>'caseReference' ilike ${`%${reference.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
    ${filter.dueBy ? sql`and due_date < ((${filter.dueBy}::date + 1)::timestamp at time zone 'Europe/Oslo')` : sql``}
    ${filter.overdue ? sql`and due_date < ${now}` : sql``}`
  const order = {
    due: sql`due_date asc nulls last, priority desc, key asc`,
    priority: sql`priority desc, due_date asc nulls last, key asc`,
    age: sql`created_at asc, key asc`,
  }[filter.sort]

  const [items, [counts], kinds] = await Promise.all([
    sql<QueueTask[]>`
      select key::text, instance_key::text as "instanceKey", process_id as "processId", element_id as "elementId", name, assignee,
        candidate_groups as "candidateGroups", due_date as "dueDate", priority, created_at as "createdAt",
        variables->>'caseReference' as "caseReference", variables->>'caseId' as "caseId"
      from user_tasks where state = 'created' ${visible} ${queue[filter.queue]} ${filters}
      order by ${order} limit ${filter.limit} offset ${filter.offset}`,
    sql<Record<Queue, number>[]>`
      select count(*) filter (where true ${queue.mine})::int as mine,
        count(*) filter (where true ${queue.groups})::int as groups,
        count(*) filter (where true ${queue.unassigned})::int as unassigned
      from user_tasks where state = 'created' ${visible} ${filters}`,
    sql<QueuePage['kinds']>`
      select process_id as "processId", element_id as "elementId", max(name) as name, count(*)::int as count
      from user_tasks where state = 'created' ${visible}
      group by process_id, element_id order by process_id, max(name), element_id`,
  ])
  return { items, total: counts![filter.queue], counts: counts!, kinds }
}
