// Driving a case through the KE process as its users would: wait for the case's next task, then
// complete it as a named user through the same checks as POST /api/user-tasks/:key/complete
// (the submission against the task's form; four eyes and the letter's approval for the letter
// task). Nothing here writes past the engine: the office the demo leaves is what the process made.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import { getUserTask, type UserTaskRow } from '../engine/store/user-tasks.js'
import type { Variables } from '../engine/types.js'
import { checkSubmission } from '../forms/submission.js'
import { completeWithLetterApproval } from '../letters/approval.js'

/** How long a step may take before the demo gives up (the workers run in this process). */
export const STEP_TIMEOUT_MS = 30_000
const POLL_MS = 10

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS
  for (;;) {
    const found = await check()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`demo data: gave up waiting for ${what}`)
    await sleep(POLL_MS)
  }
}

/** The open task on `elementId` in the case's instance, once the process has got there. */
export async function openTask(sql: Sql, instanceKey: string, elementId: string): Promise<UserTaskRow> {
  const key = await until(`task ${elementId} in instance ${instanceKey}`, async () => {
    const [row] = await sql<{ key: string }[]>`
      select key::text from user_tasks where instance_key = ${instanceKey} and element_id = ${elementId} and state = 'created'`
    if (row) return row.key
    // A process that stopped on an incident will not get there: say so instead of waiting.
    const [incident] = await sql<{ message: string }[]>`select message from incidents where instance_key = ${instanceKey} and state = 'open' limit 1`
    if (incident) throw new Error(`demo data: instance ${instanceKey} has an incident: ${incident.message}`)
    return undefined
  })
  return (await getUserTask(sql, key))!
}

/** Completes the case's task on `elementId` as `username`, with what the form would submit. */
export async function completeAs(sql: Sql, engine: Engine, username: string, instanceKey: string, elementId: string, variables: Variables): Promise<void> {
  const task = await openTask(sql, instanceKey, elementId)
  await checkSubmission(sql, engine, task, variables)
  await completeWithLetterApproval(sql, task, variables, username, engine.clock(), () => engine.completeUserTask(task.key, variables, username))
}

/** Waits until the case has reached `status`. */
export async function caseReaches(sql: Sql, caseId: string, status: string): Promise<void> {
  await until(`case ${caseId} to reach ${status}`, async () => {
    const [row] = await sql<{ status: string }[]>`select status from cases where id = ${caseId}`
    return row?.status === status ? true : undefined
  })
}
