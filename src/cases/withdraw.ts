// Withdrawal (tilbaketrekking): the person can withdraw at any time. The KE process has an
// interrupting event sub-process on the message `ke-withdrawn` (correlation key: the case id)
// that ends whatever step the case is at and records the reason.
import type { Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'
import type { Engine } from '../engine/engine.js'
import type { CaseRow } from './cases.js'
import { WITHDRAWAL_MESSAGE } from './types.js'

export async function withdrawCase(_sql: Sql, engine: Engine, row: CaseRow, reason: string, actor: string): Promise<void> {
  if (row.closedAt) throw new SamflytError('SAMFLYT_CONFLICT', `Case ${row.reference} is already ${row.status}; it cannot be withdrawn`)
  const published = await engine.publishMessage(
    { name: WITHDRAWAL_MESSAGE, correlationKey: row.id, variables: { withdrawalReason: reason, withdrawnBy: actor } },
    actor,
  )
  if (published.correlations.length === 0) {
    throw new SamflytError('SAMFLYT_CONFLICT', `Case ${row.reference} has no running process to withdraw from`)
  }
}
