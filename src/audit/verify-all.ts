// The whole database: every instance's history, every case's access log, the whole seal chain.
import type { Sql } from '../db/connect.js'
import { sealsOf } from './seals.js'
import { newestSeal } from './seals.js'
import { report, verifyAccess, verifyHistory, verifySealChain, type ChainReport, type IntegrityReport } from './verify.js'

export async function verifyAll(sql: Sql, now: Date = new Date(), onChain?: (chain: ChainReport) => void): Promise<IntegrityReport> {
  const chains: ChainReport[] = []
  const keep = (chain: ChainReport) => {
    onChain?.(chain)
    // Only what failed is kept, so a large database's report stays small.
    if (!chain.ok) chains.push(chain)
    counted++
  }
  let counted = 0
  for (let after = '0'; ;) {
    const page = await sql<{ key: string }[]>`select key::text from process_instances where key > ${after} order by key limit 1000`
    for (const { key } of page) keep(await verifyHistory(sql, key, await sealsOf(sql, 'history', [key])))
    if (page.length < 1000) break
    after = page[page.length - 1]!.key
  }
  for (let after = '0'; ;) {
    const page = await sql<{ id: string }[]>`select id::text from cases where id > ${after} order by id limit 1000`
    for (const { id } of page) keep(await verifyAccess(sql, id, await sealsOf(sql, 'access', [id])))
    if (page.length < 1000) break
    after = page[page.length - 1]!.id
  }
  const seals = await verifySealChain(sql)
  const result = report(chains, seals.checked, seals.problem ? [seals.problem] : [], now, await newestSeal(sql))
  return { ...result, chainsChecked: counted } as IntegrityReport & { chainsChecked: number }
}
