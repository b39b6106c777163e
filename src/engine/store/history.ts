// History: every state change of an instance, in order, append-only (a trigger refuses the rest).
import type { Sql } from '../../db/connect.js'
import type { HistoryEvent } from '../types.js'

export interface HistoryRow {
  seq: number
  type: HistoryEvent['type']
  elementId: string | null
  elementInstanceId: number | null
  actor: string | null
  at: Date
  data: Record<string, unknown>
}

/** The rows for events after `lastSeq`; `json` wraps each row's data as the caller's statement needs it. */
export function historyRows<D>(instanceKey: string, lastSeq: number, events: HistoryEvent[], actor: string | null, at: Date, json: (data: object) => D) {
  return events.map((event, index) => {
    const { type, elementId, elementInstanceId, ...data } = event as HistoryEvent & { elementId?: string; elementInstanceId?: number }
    return {
      instance_key: instanceKey,
      seq: lastSeq + index + 1,
      type,
      element_id: elementId ?? null,
      element_instance_id: elementInstanceId ?? null,
      actor,
      at,
      data: json(data),
    }
  })
}

/** Appends events after `lastSeq`; returns the new last sequence number. */
export async function appendHistory(
  sql: Sql,
  instanceKey: string,
  lastSeq: number,
  events: HistoryEvent[],
  actor: string | null,
  at: Date,
): Promise<number> {
  if (events.length === 0) return lastSeq
  await sql`insert into history ${sql(historyRows(instanceKey, lastSeq, events, actor, at, (data) => sql.json(data as never)))}`
  return lastSeq + events.length
}

export async function readHistory(sql: Sql, instanceKey: string, afterSeq = 0, limit = 1000): Promise<HistoryRow[]> {
  return sql<HistoryRow[]>`
    select seq, type, element_id as "elementId", element_instance_id as "elementInstanceId", actor, at, data
    from history where instance_key = ${instanceKey} and seq > ${afterSeq} order by seq limit ${limit}`
}
