// Drafts: what a person typed into a task's form and has not submitted, one per task and person.
import type { Sql } from '../db/connect.js'

export interface Draft {
  variables: Record<string, unknown>
  updatedAt: Date
}

export async function getDraft(sql: Sql, taskKey: string, username: string): Promise<Draft | undefined> {
  const [row] = await sql<Draft[]>`
    select variables, updated_at as "updatedAt" from task_drafts where task_key = ${taskKey} and username = ${username}`
  return row
}

export async function saveDraft(sql: Sql, taskKey: string, username: string, variables: Record<string, unknown>): Promise<Draft> {
  const [row] = await sql<Draft[]>`
    insert into task_drafts (task_key, username, variables) values (${taskKey}, ${username}, ${sql.json(variables as never)})
    on conflict (task_key, username) do update set variables = excluded.variables, updated_at = now()
    returning variables, updated_at as "updatedAt"`
  return row!
}

export async function deleteDraft(sql: Sql, taskKey: string, username: string): Promise<boolean> {
  const rows = await sql`delete from task_drafts where task_key = ${taskKey} and username = ${username} returning 1`
  return rows.length > 0
}
