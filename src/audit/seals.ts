// Seals: the head of every chain that moved since its last seal, written into audit_seals, each
// seal chained to the one before. A chain whose newest rows were removed (and its counters
// lowered to match) still verifies on its own; its seal does not.
import type { Sql } from '../db/connect.js'
import { sealHash, type SealFrame } from './hash.js'

/** Any constant: one sealing runs at a time on a database, so the seals form one chain. */
const SEAL_LOCK = 0x5ea1

export interface SealRow extends Omit<SealFrame, 'sealedAt'> {
  id: string
  sealedAt: Date
  prevSealHash: string | null
  sealHash: string
}

/** Seals the heads that moved; returns how many seals it wrote. */
export async function sealChains(sql: Sql, now: Date): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SEAL_LOCK})`
    const [last] = await tx<{ sealHash: string }[]>`select seal_hash as "sealHash" from audit_seals order by id desc limit 1`
    const heads = await tx<{ chain: 'history' | 'access'; chainKey: string; seq: number; hash: string }[]>`
      select 'history' as chain, p.key::text as "chainKey", p.history_seq as seq, p.history_hash as hash
      from process_instances p
      where p.history_hash is not null
        and not exists (select 1 from audit_seals s where s.chain = 'history' and s.chain_key = p.key and s.seq >= p.history_seq)
      union all
      select 'access', h.case_id::text, h.seq, h.hash
      from audit_access_heads h
      where h.hash is not null
        and not exists (select 1 from audit_seals s where s.chain = 'access' and s.chain_key = h.case_id and s.seq >= h.seq)
      order by 1, 2`
    if (heads.length === 0) return 0
    let prev = last?.sealHash ?? null
    const rows = heads.map((head, index) => {
      const frame: SealFrame = { ...head, sealedAt: now }
      const row = { ...frame, ord: index, prevSealHash: prev, sealHash: sealHash(prev, frame) }
      prev = row.sealHash
      return row
    })
    await tx`
      insert into audit_seals (chain, chain_key, seq, hash, sealed_at, prev_seal_hash, seal_hash)
      select chain, "chainKey", seq, hash, "sealedAt", "prevSealHash", "sealHash"
      from jsonb_to_recordset(${tx.json(rows as never)}) as r(ord integer, chain text, "chainKey" bigint, seq integer, hash text,
        "sealedAt" timestamptz, "prevSealHash" text, "sealHash" text)
      order by ord`
    return rows.length
  }) as Promise<number>
}

const sealColumns = (sql: Sql) => sql`
  id::text, chain, chain_key::text as "chainKey", seq, hash, sealed_at as "sealedAt", prev_seal_hash as "prevSealHash", seal_hash as "sealHash"`

/** The seals of some chains, each with the seal before it in the seal chain (to check the link). */
export async function sealsOf(sql: Sql, chain: 'history' | 'access', keys: string[]): Promise<(SealRow & { before: string | null; beforeExists: boolean })[]> {
  if (keys.length === 0) return []
  return sql`
    select ${sealColumns(sql)},
      (select b.seal_hash from audit_seals b where b.id < s.id order by b.id desc limit 1) as before,
      exists (select 1 from audit_seals b where b.id < s.id) as "beforeExists"
    from audit_seals s where chain = ${chain} and chain_key = any(${keys}::bigint[]) order by id` as never
}

/** Every seal in order, a page at a time (for the whole-database check). */
export async function sealPage(sql: Sql, afterId: string, limit: number): Promise<SealRow[]> {
  return sql<SealRow[]>`select ${sealColumns(sql)} from audit_seals where id > ${afterId} order by id limit ${limit}`
}

/** The newest seal: its hash, given to someone outside (the county governor, a printed report), fixes everything before it. */
export async function newestSeal(sql: Sql): Promise<{ id: string; sealHash: string; sealedAt: Date } | undefined> {
  const [row] = await sql<{ id: string; sealHash: string; sealedAt: Date }[]>`
    select id::text, seal_hash as "sealHash", sealed_at as "sealedAt" from audit_seals order by id desc limit 1`
  return row
}
