// Sending one approved letter, at most once, whatever fails and whoever retries.
//
// - A sent letter (or one sent by post) is never sent again: dispatching it is a no-op.
// - One sender at a time holds the letter (a lease on its row), so a worker and a resend, or
//   two processes, cannot both send it.
// - With the dispatch service, the shipment id is reserved and stored before the letter goes
//   out. A retry after a lost answer asks the service about that id first and, when it has the
//   letter, does not send it again.
import { randomUUID } from 'node:crypto'
import type { Sql } from '../../db/connect.js'
import { SamflytError, notFound } from '../../errors.js'
import { getLetter, leaseForDispatch, letterData, letterPdf, updateLetter, type LetterRow } from '../store.js'
import type { LetterData } from '../types.js'
import { DispatchError } from './errors.js'
import type { Outbox } from './outbox.js'
import { FAILED_STATUSES, type Shipment, type SvarUtClient } from './svarut.js'

export interface DispatchDependencies {
  sql: Sql
  clock: () => Date
  /** Exactly one of these: the dispatch service, or the embedded default's outbox. */
  svarut: SvarUtClient | null
  outbox: Outbox | null
  /** How long one sender may hold a letter (longer than a request's timeout). */
  leaseMs: number
}

export interface DispatchRequest {
  /** Who sends it: a worker's name, or the caseworker who asked for a resend. */
  actor: string
  /** The BPMN step sending it, remembered so a resend can resume that step. */
  step?: { instanceKey: string; elementId: string } | undefined
}

const isSent = (letter: LetterRow) => letter.status === 'sent' || letter.status === 'sent-by-post'

function shipmentOf(letter: LetterRow, data: LetterData, title: string): Shipment {
  return {
    title,
    externalReference: letter.idempotencyKey,
    recipient: { ...data.addressee },
    fileName: `${letter.kind === 'decision' ? 'vedtak' : 'forelopig-svar'}-${letter.id}.pdf`,
  }
}

export async function dispatchLetter(deps: DispatchDependencies, letterId: string, request: DispatchRequest, title: string): Promise<LetterRow> {
  const found = await getLetter(deps.sql, letterId)
  if (!found) throw notFound('Letter', letterId)
  if (isSent(found)) return found
  if (found.status === 'draft') {
    throw new DispatchError(`Letter ${letterId} is a draft: it must be approved before it is sent`, false)
  }
  const now = deps.clock()
  const leaseUntil = new Date(now.getTime() + deps.leaseMs)
  const letter = await leaseForDispatch(deps.sql, letterId, now, leaseUntil)
  if (!letter) throw new DispatchError(`Letter ${letterId} is being sent by another sender right now`, true)
  try {
    if (isSent(letter)) return letter
    if (request.step && (letter.dispatchElementId !== request.step.elementId || letter.instanceKey === null)) {
      await updateLetter(deps.sql, letter.id, { dispatch_element_id: request.step.elementId, instance_key: letter.instanceKey ?? request.step.instanceKey })
    }
    const [data, pdf] = await Promise.all([letterData(deps.sql, letter.id), letterPdf(deps.sql, letter.id)])
    if (deps.outbox) {
      const file = await deps.outbox.write(
        { id: letter.id, caseId: letter.caseId, kind: letter.kind, language: letter.language, checksum: letter.checksum, idempotencyKey: letter.idempotencyKey, recipient: withoutIdentity(data!) },
        pdf!,
      )
      return await markSent(deps, letter.id, request.actor, { channel: 'outbox', dispatch_id: file, dispatch_status: 'OUTBOX' })
    }
    if (!deps.svarut) throw new SamflytError('SAMFLYT_INTERNAL', 'No dispatch is configured: neither a dispatch service nor an outbox')
    return await sendThroughService(deps, deps.svarut, letter, data!, pdf!, request, title)
  } finally {
    // Only our own lease: had it run out, another sender may hold the letter now.
    await deps.sql`update letters set dispatch_lease_until = null where id = ${letterId} and dispatch_lease_until = ${leaseUntil}`
  }
}

async function sendThroughService(deps: DispatchDependencies, svarut: SvarUtClient, leased: LetterRow, data: LetterData, pdf: Buffer, request: DispatchRequest, title: string): Promise<LetterRow> {
  let letter = leased
  let id = letter.dispatchId
  let received = false
  if (id) {
    // A previous attempt reserved this id: did the letter reach the service before we lost track?
    const previous = await svarut.status(id)
    if (previous && (FAILED_STATUSES as readonly string[]).includes(previous.status)) {
      // That shipment failed for good (and a person asked to resend): a new one, under a new key.
      letter = await updateLetter(deps.sql, letter.id, { dispatch_id: null, idempotency_key: randomUUID() })
      id = null
    } else {
      received = previous !== null
    }
  }
  if (!id) {
    id = await svarut.startShipment(letter.idempotencyKey)
    await updateLetter(deps.sql, letter.id, { dispatch_id: id })
  }
  if (!received) {
    try {
      await svarut.sendShipment(id, shipmentOf(letter, data, title), pdf, letter.idempotencyKey)
    } catch (error) {
      // Refused: the service did not take it, so the next try starts a fresh shipment and key.
      if (error instanceof DispatchError && !error.transient) {
        await updateLetter(deps.sql, letter.id, { dispatch_id: null, idempotency_key: randomUUID() })
      }
      throw error
    }
  }
  // The letter is with the service now; its status is followed later if asking fails here.
  const status = await svarut.status(id).catch(() => null)
  if (status && (FAILED_STATUSES as readonly string[]).includes(status.status)) {
    await updateLetter(deps.sql, letter.id, { dispatch_status: status.status })
    throw new DispatchError(`The dispatch service could not deliver letter ${letter.id} (${status.status})`, false)
  }
  return markSent(deps, letter.id, request.actor, { channel: 'svarut', dispatch_id: id, dispatch_status: status?.status ?? null })
}

function withoutIdentity(data: LetterData) {
  const { name, addressLines, postalCode, postalTown } = data.addressee
  return { name, addressLines, postalCode, postalTown }
}

function markSent(deps: DispatchDependencies, id: string, actor: string, fields: Record<string, unknown>): Promise<LetterRow> {
  return updateLetter(deps.sql, id, { ...fields, status: 'sent', sent_by: actor, sent_at: deps.clock(), last_error: null })
}

/**
 * Records a failed attempt. A transient one keeps the letter approved (the job retries it)
 * unless it was the last try; a permanent one, or the last try, makes it failed: the
 * caseworker sees it, and can resend it or mark it as sent by post.
 */
export async function recordDispatchFailure(sql: Sql, letterId: string, message: string, final: boolean): Promise<void> {
  await sql`
    update letters set last_error = ${message}, status = case when ${final} and status = 'approved' then 'failed' else status end
    where id = ${letterId} and status in ('approved', 'failed')`
}
