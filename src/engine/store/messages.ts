// Message subscriptions, published (and buffered) messages, and where each message went.
// A message correlates to a process (bpmnProcessId) at most once: `correlated_processes` on the
// message row is the guard, updated under the row's lock, so two instances of one process
// opening subscriptions at once cannot both take the same buffered message.
import type { Sql } from '../../db/connect.js'
import type { Variables } from '../types.js'

export interface SubscriptionRow {
  key: string
  instanceKey: string | null
  subscriptionId: number | null
  definitionKey: string | null
  processId: string
  elementId: string
  elementInstanceId: number | null
  messageName: string
  correlationKey: string | null
  interrupting: boolean
}

const subscriptionColumns = (sql: Sql) => sql`
  key::text, instance_key::text as "instanceKey", subscription_id as "subscriptionId", definition_key::text as "definitionKey",
  process_id as "processId", element_id as "elementId", element_instance_id as "elementInstanceId",
  message_name as "messageName", correlation_key as "correlationKey", interrupting`

export interface NewSubscription {
  instanceKey: string
  processId: string
  subscriptionId: number
  elementId: string
  elementInstanceId: number
  messageName: string
  correlationKey: string
  interrupting: boolean
}

export async function insertSubscriptions(sql: Sql, subscriptions: NewSubscription[], now: Date): Promise<void> {
  if (subscriptions.length === 0) return
  await sql`insert into message_subscriptions ${sql(subscriptions.map((s) => ({
    instance_key: s.instanceKey,
    subscription_id: s.subscriptionId,
    process_id: s.processId,
    element_id: s.elementId,
    element_instance_id: s.elementInstanceId,
    message_name: s.messageName,
    correlation_key: s.correlationKey,
    interrupting: s.interrupting,
    created_at: now,
  })))}`
}

export async function deleteAllSubscriptions(sql: Sql, instanceKey: string): Promise<void> {
  await sql`delete from message_subscriptions where instance_key = ${instanceKey}`
}

/** Open instance subscriptions for this name and key: the oldest per process (a process gets a message once). */
export async function matchingSubscriptions(sql: Sql, name: string, correlationKey: string, excludeProcesses: string[] = []): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow[]>`
    select distinct on (process_id) ${subscriptionColumns(sql)} from message_subscriptions
    where message_name = ${name} and correlation_key = ${correlationKey} and instance_key is not null
      and not (process_id = any(${excludeProcesses}::text[]))
    order by process_id, key`
}

export async function getSubscription(sql: Sql, instanceKey: string, subscriptionId: number): Promise<SubscriptionRow | undefined> {
  const [row] = await sql<SubscriptionRow[]>`
    select ${subscriptionColumns(sql)} from message_subscriptions where instance_key = ${instanceKey} and subscription_id = ${subscriptionId}`
  return row
}

export async function listSubscriptions(sql: Sql, filter: { instanceKey?: string; processId?: string } = {}): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow[]>`
    select ${subscriptionColumns(sql)} from message_subscriptions where true
      ${filter.instanceKey ? sql`and instance_key = ${filter.instanceKey}` : sql``}
      ${filter.processId ? sql`and process_id = ${filter.processId}` : sql``}
    order by key`
}

// ---------------------------------------------------------------- message start events

export async function insertStartSubscriptions(
  sql: Sql,
  definitionKey: string,
  processId: string,
  messages: { elementId: string; messageName: string }[],
): Promise<void> {
  if (messages.length === 0) return
  await sql`insert into message_subscriptions ${sql(messages.map((m) => ({
    definition_key: definitionKey,
    process_id: processId,
    element_id: m.elementId,
    message_name: m.messageName,
  })))}`
}

/** A new version replaces the old version's message start events. */
export async function deleteStartSubscriptions(sql: Sql, processId: string): Promise<void> {
  await sql`delete from message_subscriptions where instance_key is null and process_id = ${processId}`
}

/** Message start events for this name: one per process (the first in document order of the latest version). */
export async function startSubscriptions(sql: Sql, name: string, excludeProcesses: string[] = []): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow[]>`
    select distinct on (process_id) ${subscriptionColumns(sql)} from message_subscriptions
    where message_name = ${name} and instance_key is null and not (process_id = any(${excludeProcesses}::text[]))
    order by process_id, key`
}

export async function startSubscriptionsOf(sql: Sql, processId: string): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow[]>`
    select ${subscriptionColumns(sql)} from message_subscriptions where instance_key is null and process_id = ${processId} order by key`
}

/** Zeebe: while an instance started by a message with this key is active, no other message with that key starts the process. */
export async function activeMessageStarted(sql: Sql, processId: string, correlationKey: string): Promise<boolean> {
  if (correlationKey === '') return false
  const [row] = await sql`
    select 1 from process_instances where process_id = ${processId} and start_correlation_key = ${correlationKey} and status = 'active' limit 1`
  return row !== undefined
}

// ---------------------------------------------------------------- messages

export interface MessageRow {
  key: string
  name: string
  correlationKey: string
  variables: Variables
  messageId: string | null
  publishedAt: Date
  expiresAt: Date
  publishedBy: string | null
  correlatedProcesses: string[]
}

const messageColumns = (sql: Sql) => sql`
  key::text, name, correlation_key as "correlationKey", variables, message_id as "messageId", published_at as "publishedAt",
  expires_at as "expiresAt", published_by as "publishedBy", correlated_processes as "correlatedProcesses"`

/** The buffered message with this name and id, locked; an expired one loses its id (it may be published again). */
export async function lockMessageById(sql: Sql, name: string, messageId: string, now: Date): Promise<MessageRow | undefined> {
  const [row] = await sql<MessageRow[]>`select ${messageColumns(sql)} from messages where name = ${name} and message_id = ${messageId} for update`
  if (row && row.expiresAt.getTime() <= now.getTime()) {
    await sql`update messages set message_id = null where key = ${row.key}`
    return undefined
  }
  return row
}

export async function insertMessage(
  sql: Sql,
  message: { name: string; correlationKey: string; variables: Variables; messageId: string | null; publishedAt: Date; expiresAt: Date; publishedBy: string | null },
): Promise<string> {
  const [row] = await sql<{ key: string }[]>`
    insert into messages (name, correlation_key, variables, message_id, published_at, expires_at, published_by)
    values (${message.name}, ${message.correlationKey}, ${sql.json(message.variables as never)}, ${message.messageId},
            ${message.publishedAt}, ${message.expiresAt}, ${message.publishedBy})
    returning key::text`
  return row!.key
}

/** The oldest buffered message for a subscription that its process has not had yet, locked. */
export async function lockBufferedMessage(sql: Sql, name: string, correlationKey: string, processId: string, now: Date): Promise<MessageRow | undefined> {
  const [row] = await sql<MessageRow[]>`
    select ${messageColumns(sql)} from messages
    where name = ${name} and correlation_key = ${correlationKey} and expires_at > ${now}
      and not (${processId} = any(correlated_processes))
    order by key limit 1
    for update`
  return row
}

/** Records that a message went to a process's instance; the process will not get it again. */
export async function recordCorrelation(
  sql: Sql,
  correlation: { messageKey: string; processId: string; instanceKey: string; elementId: string; started: boolean; at: Date },
): Promise<void> {
  await sql`update messages set correlated_processes = array_append(correlated_processes, ${correlation.processId}) where key = ${correlation.messageKey}`
  await sql`
    insert into message_correlations (message_key, process_id, instance_key, element_id, started, correlated_at)
    values (${correlation.messageKey}, ${correlation.processId}, ${correlation.instanceKey}, ${correlation.elementId}, ${correlation.started}, ${correlation.at})`
}

export interface CorrelationRow {
  messageKey: string
  processId: string
  instanceKey: string
  elementId: string
  started: boolean
  correlatedAt: Date
}

export async function correlationsOf(sql: Sql, filter: { messageKey?: string; instanceKey?: string }): Promise<CorrelationRow[]> {
  return sql<CorrelationRow[]>`
    select message_key::text as "messageKey", process_id as "processId", instance_key::text as "instanceKey", element_id as "elementId",
           started, correlated_at as "correlatedAt"
    from message_correlations where true
      ${filter.messageKey ? sql`and message_key = ${filter.messageKey}` : sql``}
      ${filter.instanceKey ? sql`and instance_key = ${filter.instanceKey}` : sql``}
    order by correlated_at, message_key`
}

export async function getMessage(sql: Sql, key: string): Promise<MessageRow | undefined> {
  const [row] = await sql<MessageRow[]>`select ${messageColumns(sql)} from messages where key = ${key}`
  return row
}

/** Serialises publishing and buffered-message lookups for one name and key (see the session). */
export const MESSAGE_LOCK_CLASS = 72_420

export async function lockMessageKey(sql: Sql, name: string, correlationKey: string, mode: 'exclusive' | 'shared' | 'try-shared'): Promise<boolean> {
  const text = `${name}\u001f${correlationKey}`
  if (mode === 'exclusive') {
    await sql`select pg_advisory_xact_lock(${MESSAGE_LOCK_CLASS}, hashtext(${text}))`
    return true
  }
  if (mode === 'shared') {
    await sql`select pg_advisory_xact_lock_shared(${MESSAGE_LOCK_CLASS}, hashtext(${text}))`
    return true
  }
  const [row] = await sql<{ ok: boolean }[]>`select pg_try_advisory_xact_lock_shared(${MESSAGE_LOCK_CLASS}, hashtext(${text})) as ok`
  return row!.ok
}
