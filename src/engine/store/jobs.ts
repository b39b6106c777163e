// Jobs: work waiting for a worker. Handed out with FOR UPDATE SKIP LOCKED under a lease, so
// several workers and several Samflyt processes share them, and a crashed worker's jobs are
// taken again when its lease runs out.
import type { Sql } from '../../db/connect.js'
import type { Variables } from '../types.js'

export interface JobRow {
  key: string
  instanceKey: string
  elementInstanceId: number
  elementId: string
  type: string
  retries: number
  attempts: number
  customHeaders: Record<string, string>
  variables: Variables
  worker: string | null
  leaseUntil: Date | null
  errorMessage: string | null
}

const columns = (sql: Sql) => sql`
  key::text, instance_key::text as "instanceKey", element_instance_id as "elementInstanceId", element_id as "elementId",
  type, retries, attempts, custom_headers as "customHeaders", variables, worker, lease_until as "leaseUntil", error_message as "errorMessage"`

export interface NewJob {
  instanceKey: string
  elementInstanceId: number
  elementId: string
  type: string
  retries: number
  customHeaders: Record<string, string>
  variables: Variables
}

/** A new job's row, as the write buffer inserts it (jsonb_to_recordset). */
export function jobRow(job: NewJob, now: Date) {
  return {
    instance_key: job.instanceKey,
    element_instance_id: job.elementInstanceId,
    element_id: job.elementId,
    type: job.type,
    retries: job.retries,
    custom_headers: job.customHeaders,
    variables: job.variables,
    due_at: now,
  }
}

export async function lockJob(sql: Sql, key: string): Promise<JobRow | undefined> {
  const [row] = await sql<JobRow[]>`select ${columns(sql)} from jobs where key = ${key} for update`
  return row
}

export async function lockJobs(sql: Sql, keys: string[]): Promise<JobRow[]> {
  if (keys.length === 0) return []
  return sql<JobRow[]>`select ${columns(sql)} from jobs where key = any(${keys}::bigint[]) order by key for update`
}

/** Takes up to `max` due jobs of these types for `worker` until `leaseMs` from now. */
export async function claimJobs(sql: Sql, types: string[], worker: string, max: number, leaseMs: number, now: Date): Promise<JobRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs)
  return sql<JobRow[]>`
    update jobs set worker = ${worker}, lease_until = ${leaseUntil}
    where key in (
      select key from jobs
      where type = any(${types}) and retries > 0 and due_at <= ${now} and (lease_until is null or lease_until < ${now})
      order by due_at, key
      limit ${max}
      for update skip locked
    )
    returning ${columns(sql)}`
}

/** After a failed attempt with retries left: hand the job out again after the backoff. */
export async function retryJobLater(sql: Sql, key: string, retries: number, dueAt: Date, errorMessage: string): Promise<void> {
  await sql`
    update jobs set retries = ${retries}, attempts = attempts + 1, due_at = ${dueAt}, worker = null, lease_until = null, error_message = ${errorMessage}
    where key = ${key}`
}

/** The next time a job of these types falls due or a lease runs out, so a worker can sleep until then. */
export async function nextJobDue(sql: Sql, types: string[]): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(greatest(due_at, coalesce(lease_until, due_at))) as at from jobs where type = any(${types}) and retries > 0`
  return row?.at ?? null
}

export async function listJobs(sql: Sql, instanceKey: string): Promise<JobRow[]> {
  return sql<JobRow[]>`select ${columns(sql)} from jobs where instance_key = ${instanceKey} order by key`
}
