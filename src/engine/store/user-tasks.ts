// User tasks: work for people, with assignee, candidate groups and users, due dates and a form.
import type { Fragment } from 'postgres'
import type { Sql } from '../../db/connect.js'
import type { UserTaskFields, Variables } from '../types.js'

export interface UserTaskRow extends UserTaskFields {
  key: string
  instanceKey: string
  elementInstanceId: number
  elementId: string
  processId: string
  state: 'created' | 'completed' | 'cancelled'
  variables: Variables
  createdAt: Date
  completedAt: Date | null
  completedBy: string | null
}

const columns = (sql: Sql) => sql`
  key::text, instance_key::text as "instanceKey", element_instance_id as "elementInstanceId", element_id as "elementId",
  process_id as "processId", name, state, assignee, candidate_groups as "candidateGroups", candidate_users as "candidateUsers",
  due_date as "dueDate", follow_up_date as "followUpDate", priority, form_id as "formId", form_key as "formKey", variables,
  created_at as "createdAt", completed_at as "completedAt", completed_by as "completedBy"`

export type NewUserTask = UserTaskFields & { instanceKey: string; processId: string; elementInstanceId: number; elementId: string; variables: Variables }

/** A new task's row, as the write buffer inserts it (jsonb_to_recordset). */
export function userTaskRow(task: NewUserTask, now: Date) {
  return {
    instance_key: task.instanceKey,
    element_instance_id: task.elementInstanceId,
    element_id: task.elementId,
    process_id: task.processId,
    name: task.name,
    assignee: task.assignee,
    candidate_groups: task.candidateGroups,
    candidate_users: task.candidateUsers,
    due_date: task.dueDate,
    follow_up_date: task.followUpDate,
    priority: task.priority,
    form_id: task.formId,
    form_key: task.formKey,
    variables: task.variables,
    created_at: now,
  }
}

export async function getUserTask(sql: Sql, key: string): Promise<UserTaskRow | undefined> {
  const [row] = await sql<UserTaskRow[]>`select ${columns(sql)} from user_tasks where key = ${key}`
  return row
}

export async function lockUserTask(sql: Sql, key: string): Promise<UserTaskRow | undefined> {
  const [row] = await sql<UserTaskRow[]>`select ${columns(sql)} from user_tasks where key = ${key} for update`
  return row
}

export async function lockUserTasks(sql: Sql, keys: string[]): Promise<UserTaskRow[]> {
  if (keys.length === 0) return []
  return sql<UserTaskRow[]>`select ${columns(sql)} from user_tasks where key = any(${keys}::bigint[]) order by key for update`
}

/** The instance each of these tasks belongs to (which never changes), without locking anything. */
export async function instancesOfTasks(sql: Sql, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const rows = await sql<{ key: string; instanceKey: string }[]>`
    select key::text, instance_key::text as "instanceKey" from user_tasks where key = any(${keys}::bigint[])`
  return new Map(rows.map((row) => [row.key, row.instanceKey]))
}

export async function setAssignee(sql: Sql, key: string, assignee: string | null): Promise<void> {
  await sql`update user_tasks set assignee = ${assignee} where key = ${key}`
}

export interface UserTaskFilter {
  state?: UserTaskRow['state'] | undefined
  assignee?: string | undefined
  candidateGroups?: string[] | undefined
  candidateUser?: string | undefined
  processId?: string | undefined
  instanceKey?: string | undefined
  /** Only tasks this person may work on (see mayWorkOn); absent: all. */
  visibleTo?: TaskViewer | undefined
  /** An extra condition on the rows (user_tasks.instance_key): the caller's access rule, which the engine does not know. */
  scope?: Fragment | undefined
  limit: number
  offset: number
}

/** Who is looking at the task list: a user and the groups (roles) they belong to. */
export interface TaskViewer {
  username: string
  groups: readonly string[]
}

/**
 * Whether a person may see and work on a task: it names them (assignee or candidate user), or one
 * of their groups, or it names nobody at all (open to every worker), as in Camunda's tasklist.
 */
export function mayWorkOn(task: Pick<UserTaskRow, 'assignee' | 'candidateGroups' | 'candidateUsers'>, viewer: TaskViewer): boolean {
  if (task.assignee === viewer.username || task.candidateUsers.includes(viewer.username)) return true
  if (task.candidateGroups.some((group) => viewer.groups.includes(group))) return true
  return task.assignee === null && task.candidateGroups.length === 0 && task.candidateUsers.length === 0
}

export async function listUserTasks(sql: Sql, filter: UserTaskFilter): Promise<{ items: UserTaskRow[]; total: number }> {
  const where = sql`
    where true
      ${filter.state ? sql`and state = ${filter.state}` : sql``}
      ${filter.assignee ? sql`and assignee = ${filter.assignee}` : sql``}
      ${filter.candidateGroups?.length ? sql`and candidate_groups && ${filter.candidateGroups}` : sql``}
      ${filter.candidateUser ? sql`and ${filter.candidateUser} = any(candidate_users)` : sql``}
      ${filter.processId ? sql`and process_id = ${filter.processId}` : sql``}
      ${filter.instanceKey ? sql`and instance_key = ${filter.instanceKey}` : sql``}
      ${filter.visibleTo ? sql`and (assignee = ${filter.visibleTo.username} or ${filter.visibleTo.username} = any(candidate_users)
        or candidate_groups && ${filter.visibleTo.groups as string[]}::text[]
        or (assignee is null and cardinality(candidate_groups) = 0 and cardinality(candidate_users) = 0))` : sql``}
      ${filter.scope ? sql`and ${filter.scope}` : sql``}`
  const items = await sql<UserTaskRow[]>`
    select ${columns(sql)} from user_tasks ${where}
    order by priority desc, due_date asc nulls last, key asc limit ${filter.limit} offset ${filter.offset}`
  const [count] = await sql<{ total: number }[]>`select count(*)::int as total from user_tasks ${where}`
  return { items, total: count?.total ?? 0 }
}
