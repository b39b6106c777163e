// History: every state change of an instance, in order, append-only (a trigger refuses the rest).
// Each row carries the hash of its content and of the row before it (src/audit/hash.ts, a pure
// module: the chain of an instance's history is checked by src/audit without the engine).
import type { Sql } from '../../db/connect.js'
import type { HistoryEvent } from '../types.js'
import { dataHash, historyHash } from '../../audit/hash.js'

export interface HistoryRow {
  seq: number
  type: HistoryEvent['type']
  elementId: string | null
  elementInstanceId: number | null
  actor: string | null
  at: Date
  data: Record<string, unknown>
}

/**
 * The rows for events after `lastSeq`, chained on from `prevHash` (the hash of row `lastSeq`);
 * `json` wraps each row's data as the caller's statement needs it. `head` is the last row's hash.
 */
export function historyRows<D>(
  instanceKey: string, lastSeq: number, prevHash: string | null, events: HistoryEvent[], actor: string | null, at: Date, json: (data: object) => D,
) {
  let head = prevHash
  const atText = at.toISOString()
  const rows = events.map((event, index) => {
    const { type, elementId, elementInstanceId, ...data } = event as HistoryEvent & { elementId?: string; elementInstanceId?: number }
    const frame = { instanceKey, seq: lastSeq + index + 1, type, elementId: elementId ?? null, elementInstanceId: elementInstanceId ?? null, actor, at: atText }
    head = historyHash(head, frame, dataHash(data))
    return {
      instance_key: instanceKey,
      seq: frame.seq,
      type,
      element_id: frame.elementId,
      element_instance_id: frame.elementInstanceId,
      actor,
      at,
      data: json(data),
      hash: head,
    }
  })
  return { rows, head }
}

/** Appends events after `lastSeq` (whose hash is `prevHash`), moving the instance's chain head; returns the new last sequence number. */
export async function appendHistory(
  sql: Sql,
  instanceKey: string,
  lastSeq: number,
  prevHash: string | null,
  events: HistoryEvent[],
  actor: string | null,
  at: Date,
): Promise<number> {
  if (events.length === 0) return lastSeq
  const { rows, head } = historyRows(instanceKey, lastSeq, prevHash, events, actor, at, (data) => sql.json(data as never))
  await Promise.all([
    sql`insert into history ${sql(rows)}`,
    sql`update process_instances set history_hash = ${head} where key = ${instanceKey}`,
  ])
  return lastSeq + events.length
}

export async function readHistory(sql: Sql, instanceKey: string, afterSeq = 0, limit = 1000): Promise<HistoryRow[]> {
  return sql<HistoryRow[]>`
    select seq, type, element_id as "elementId", element_instance_id as "elementInstanceId", actor, at, data
    from history where instance_key = ${instanceKey} and seq > ${afterSeq} order by seq limit ${limit}`
}
