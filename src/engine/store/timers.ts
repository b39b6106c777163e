// Timers: rows with a due time. An instance's timers (catch, boundary, event sub-process start,
// event-based gateway branch) and a process's timer start events. A timer loop claims due rows
// under a short lease (FOR UPDATE SKIP LOCKED) and fires each in its own transaction, which
// locks the instance first and then checks that the row is still there: a timer fires once.
import type { Sql } from '../../db/connect.js'

export interface TimerRow {
  key: string
  instanceKey: string | null
  subscriptionId: number | null
  definitionKey: string | null
  processId: string
  elementId: string
  elementInstanceId: number | null
  dueAt: Date
  /** Start timers: times fired so far. */
  fired: number
  attempts: number
  lastError: string | null
}

const columns = (sql: Sql) => sql`
  key::text, instance_key::text as "instanceKey", subscription_id as "subscriptionId", definition_key::text as "definitionKey",
  process_id as "processId", element_id as "elementId", element_instance_id as "elementInstanceId", due_at as "dueAt",
  fired, attempts, last_error as "lastError"`

export interface NewInstanceTimer {
  instanceKey: string
  processId: string
  subscriptionId: number
  elementId: string
  elementInstanceId: number
  dueAt: Date
}

/** Inserts timers, or replaces one when the same subscription is rescheduled (a cycle's next repetition). */
export async function upsertInstanceTimers(sql: Sql, timers: NewInstanceTimer[], now: Date): Promise<void> {
  if (timers.length === 0) return
  await sql`
    insert into timers ${sql(timers.map((t) => ({
      instance_key: t.instanceKey,
      subscription_id: t.subscriptionId,
      process_id: t.processId,
      element_id: t.elementId,
      element_instance_id: t.elementInstanceId,
      due_at: t.dueAt,
      created_at: now,
    })))}
    on conflict (instance_key, subscription_id) where instance_key is not null
    do update set due_at = excluded.due_at, element_id = excluded.element_id, element_instance_id = excluded.element_instance_id,
                  claimed_by = null, claimed_until = null, attempts = 0, last_error = null`
}

/** An ended instance keeps no timers (the runtime closes them too; this makes sure). */
export async function deleteAllInstanceTimers(sql: Sql, instanceKey: string): Promise<void> {
  await sql`delete from timers where instance_key = ${instanceKey}`
}

// ---------------------------------------------------------------- start timers

export async function insertStartTimers(
  sql: Sql,
  definitionKey: string,
  processId: string,
  timers: { elementId: string; dueAt: Date }[],
): Promise<void> {
  if (timers.length === 0) return
  await sql`insert into timers ${sql(timers.map((t) => ({ definition_key: definitionKey, process_id: processId, element_id: t.elementId, due_at: t.dueAt })))}`
}

/** A new version replaces the old version's timer start events. */
export async function deleteStartTimers(sql: Sql, processId: string): Promise<void> {
  await sql`delete from timers where instance_key is null and process_id = ${processId}`
}

export async function rescheduleStartTimer(sql: Sql, key: string, dueAt: Date | null): Promise<void> {
  if (dueAt === null) await sql`delete from timers where key = ${key}`
  else await sql`update timers set due_at = ${dueAt}, fired = fired + 1, claimed_by = null, claimed_until = null, attempts = 0, last_error = null where key = ${key}`
}

// ---------------------------------------------------------------- the timer loop

/** Claims up to `max` due timers for `owner` until `leaseMs` from now. */
export async function claimDueTimers(sql: Sql, owner: string, max: number, leaseMs: number, now: Date): Promise<TimerRow[]> {
  const until = new Date(now.getTime() + leaseMs)
  return sql<TimerRow[]>`
    update timers set claimed_by = ${owner}, claimed_until = ${until}
    where key in (
      select key from timers
      where due_at <= ${now} and (claimed_until is null or claimed_until < ${now})
      order by due_at, key
      limit ${max}
      for update skip locked
    )
    returning ${columns(sql)}`
}

/** Inside the firing transaction, after the instance is locked: the claimed row, if it is still armed. */
export async function lockClaimedTimer(sql: Sql, key: string, owner: string): Promise<TimerRow | undefined> {
  const [row] = await sql<TimerRow[]>`select ${columns(sql)} from timers where key = ${key} and claimed_by = ${owner} for update`
  return row
}

export async function deleteTimer(sql: Sql, key: string): Promise<void> {
  await sql`delete from timers where key = ${key}`
}

/** A firing failed for a technical reason: try again later, each time later (never a hot loop). */
export async function retryTimerLater(sql: Sql, key: string, dueAt: Date, error: string): Promise<void> {
  await sql`
    update timers set attempts = attempts + 1, last_error = ${error.slice(0, 2000)}, due_at = ${dueAt}, claimed_by = null, claimed_until = null
    where key = ${key}`
}

/** When the loop must look again: the earliest due time, or the end of a claim that may have been lost. */
export async function nextTimerDue(sql: Sql): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select least(
      (select due_at from timers where claimed_until is null order by due_at limit 1),
      (select min(claimed_until) from timers where claimed_until is not null)
    ) as at`
  return row?.at ?? null
}

export async function listTimers(sql: Sql, filter: { instanceKey?: string; processId?: string } = {}): Promise<TimerRow[]> {
  return sql<TimerRow[]>`
    select ${columns(sql)} from timers where true
      ${filter.instanceKey ? sql`and instance_key = ${filter.instanceKey}` : sql``}
      ${filter.processId ? sql`and process_id = ${filter.processId}` : sql``}
    order by due_at, key`
}
