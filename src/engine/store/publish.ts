// Publishing a message, with Zeebe's semantics: it correlates to every open subscription with
// its name and correlation key, but to a process (bpmnProcessId, across versions) at most once;
// a message start event starts one instance per process. With a time to live it stays buffered
// for subscriptions opened later. All in the caller's transaction.
import { SamflytError } from '../../errors.js'
import type { Variables } from '../types.js'
import { definitionByKey } from './definitions.js'
import { lockInstanceInTree, treeRoots } from './instances.js'
import {
  activeMessageStarted, getSubscription, insertMessage, lockMessageById, lockMessageKey, matchingSubscriptions, startSubscriptions, type MessageRow,
} from './messages.js'
import type { Session } from './session.js'

export interface PublishMessage {
  name: string
  correlationKey: string
  variables?: Variables | undefined
  /** 0 (the default): correlate now or never. */
  timeToLiveMs?: number | undefined
  /** With an id, a second publish of the same name and id while the first is buffered is refused. */
  messageId?: string | null | undefined
}

export interface Correlation {
  processId: string
  instanceKey: string
  elementId: string
  /** True when the message started this instance (a message start event). */
  started: boolean
}

export interface Published {
  key: string
  expiresAt: Date
  correlations: Correlation[]
}

const MAX_ROUNDS = 5

export async function publishMessage(session: Session, request: PublishMessage, now: Date, actor: string | null): Promise<Published> {
  const tx = session.tx
  // First, before any instance lock: no subscription for this name and key can look for
  // buffered messages while we publish, so neither side misses the other.
  await lockMessageKey(tx, request.name, request.correlationKey, 'exclusive')
  const messageId = request.messageId ?? null
  if (messageId !== null) {
    const existing = await lockMessageById(tx, request.name, messageId, now)
    if (existing) {
      throw new SamflytError('SAMFLYT_CONFLICT', `A message named '${request.name}' with messageId '${messageId}' is already buffered (message ${existing.key}, until ${existing.expiresAt.toISOString()})`, [{ path: '/messageId', message: 'already published and still buffered' }])
    }
  }
  const expiresAt = new Date(now.getTime() + Math.max(0, request.timeToLiveMs ?? 0))
  const variables = request.variables ?? {}
  const key = await insertMessage(tx, { name: request.name, correlationKey: request.correlationKey, variables, messageId, publishedAt: now, expiresAt, publishedBy: actor })
  const message: MessageRow = { key, name: request.name, correlationKey: request.correlationKey, variables, messageId, publishedAt: now, expiresAt, publishedBy: actor, correlatedProcesses: [] }

  const correlations: Correlation[] = []
  const done = new Set<string>()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates = await matchingSubscriptions(tx, request.name, request.correlationKey, [...done])
    if (candidates.length === 0) break
    // Lock the call trees in one global order (by root key), so two publishes cannot deadlock.
    const roots = await treeRoots(tx, candidates.map((c) => c.instanceKey!))
    candidates.sort((a, b) => Number(BigInt(roots.get(a.instanceKey!)!) - BigInt(roots.get(b.instanceKey!)!)))
    for (const candidate of candidates) {
      await lockInstanceInTree(tx, candidate.instanceKey!)
      // It may have closed while we waited for the lock; the next round finds another one.
      const open = await getSubscription(tx, candidate.instanceKey!, candidate.subscriptionId!)
      if (!open || done.has(open.processId)) continue
      await session.correlate(open, message)
      done.add(open.processId)
      correlations.push({ processId: open.processId, instanceKey: open.instanceKey!, elementId: open.elementId, started: false })
    }
  }

  for (const start of await startSubscriptions(tx, request.name, [...done])) {
    if (await activeMessageStarted(tx, start.processId, request.correlationKey)) continue
    const definition = await definitionByKey(tx, start.definitionKey!)
    const instanceKey = await session.startByMessage(start, definition!, message)
    done.add(start.processId)
    correlations.push({ processId: start.processId, instanceKey, elementId: start.elementId, started: true })
  }
  return { key, expiresAt, correlations }
}
