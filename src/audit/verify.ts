// Verification: recomputes every hash of a chain from the rows as they are now and compares it
// with the stored one, checks that the sequence has no gap, that the head recorded for the chain
// is its last row, that every seal still matches the row it sealed, and that the seals chain.
// The first row that does not match is named; a chain stops being trusted from there on.
import type { Sql } from '../db/connect.js'
import { accessHash, dataHash, historyHash, sealHash } from './hash.js'
import { accessHead, accessRowsOf, caseInstances, historyOf, instanceHead, removalsOf, REMOVED_DATA, type StoredHistoryRow } from './chains.js'
import { newestSeal, sealPage, sealsOf, type SealRow } from './seals.js'
import { canonicalJson } from './canonical.js'

export type ChainKind = 'history' | 'access'

export interface Problem {
  chain: ChainKind | 'seal'
  /** The instance key (history), the case id (access) or the seal id (seal). */
  key: string
  /** The first row that does not match (null when the problem is the chain as a whole). */
  seq: number | null
  code: 'gap' | 'hash' | 'unchained' | 'removed-unrecorded' | 'head' | 'seal-missing' | 'seal-changed' | 'seal-hash'
  message: string
}

export interface ChainReport {
  chain: ChainKind
  key: string
  rows: number
  /** Rows written before the chain existed (migration 0011), at the start of the chain. */
  unchained: number
  /** Rows whose data the retention job removed, checked by the recorded hash. */
  removed: number
  /** The last row a seal covers. */
  sealedThrough: number | null
  ok: boolean
  problem: Problem | null
}

export interface IntegrityReport {
  ok: boolean
  checkedAt: string
  chains: ChainReport[]
  seals: { checked: number; ok: boolean }
  problems: Problem[]
  /** The newest seal: its hash, kept outside Samflyt, fixes everything sealed before it. */
  newestSeal: { id: string; sealHash: string; sealedAt: string } | null
}

const removedMark = canonicalJson(REMOVED_DATA)

/** Checks one instance's history against its hashes, its head and its seals. */
export async function verifyHistory(sql: Sql, instanceKey: string, seals: SealRow[]): Promise<ChainReport> {
  const [rows, head, removals] = await Promise.all([historyOf(sql, instanceKey), instanceHead(sql, instanceKey), removalsOf(sql, instanceKey)])
  const report = start('history', instanceKey, rows.length)
  const fail = (seq: number | null, code: Problem['code'], message: string) => {
    report.problem ??= { chain: 'history', key: instanceKey, seq, code, message: `History of instance ${instanceKey}${seq === null ? '' : `, row ${seq}`}: ${message}` }
  }
  let prev: string | null = null
  let expected = 1
  for (const row of rows) {
    if (row.seq !== expected) {
      fail(expected, 'gap', `row ${expected} is missing (the rows go from ${expected - 1} to ${row.seq})`)
      break
    }
    expected++
    if (row.hash === null) {
      if (prev !== null) { fail(row.seq, 'unchained', `${describe(row)} has no hash, though the rows before it have`); break }
      report.unchained++
      continue
    }
    let digest: string
    const recorded = removals.get(row.seq)
    if (recorded !== undefined && canonicalJson(row.data) === removedMark) {
      digest = recorded
      report.removed++
    } else if (canonicalJson(row.data) === removedMark) {
      fail(row.seq, 'removed-unrecorded', `${describe(row)} has its data removed, but no removal is recorded`)
      break
    } else {
      digest = dataHash(row.data)
    }
    const frame = { instanceKey, seq: row.seq, type: row.type, elementId: row.elementId, elementInstanceId: row.elementInstanceId, actor: row.actor, at: row.at }
    if (historyHash(prev, frame, digest) !== row.hash) {
      fail(row.seq, 'hash', `${describe(row)} does not match its hash: it, or the link to the row before it, was changed`)
      break
    }
    prev = row.hash
  }
  const last = rows.length > 0 ? rows[rows.length - 1]! : null
  if (!report.problem && head && (head.seq !== (last?.seq ?? 0) || (head.hash ?? null) !== (last?.hash ?? null))) {
    fail(null, 'head', `the instance records ${head.seq} rows ending in ${short(head.hash)}, the history holds ${last?.seq ?? 0} ending in ${short(last?.hash ?? null)}`)
  }
  checkSeals(report, seals, (seq) => rows[seq - 1], fail)
  return finish(report)
}

/** Checks one case's access log against its hashes, its head and its seals. */
export async function verifyAccess(sql: Sql, caseId: string, seals: SealRow[]): Promise<ChainReport> {
  const [rows, head] = await Promise.all([accessRowsOf(sql, caseId), accessHead(sql, caseId)])
  const report = start('access', caseId, rows.length)
  const fail = (seq: number | null, code: Problem['code'], message: string) => {
    report.problem ??= { chain: 'access', key: caseId, seq, code, message: `Access log of case ${caseId}${seq === null ? '' : `, row ${seq}`}: ${message}` }
  }
  let prev: string | null = null
  let expected = 1
  const bySeq = new Map<number, (typeof rows)[number]>()
  for (const row of rows) {
    if (row.seq === null || row.hash === null) {
      if (prev !== null || row.seq !== null) { fail(row.seq, 'unchained', `the read by ${row.username} at ${row.at.toISOString()} has no hash, though reads before it have`); break }
      report.unchained++
      continue
    }
    if (row.seq !== expected) {
      fail(expected, 'gap', `row ${expected} is missing (the rows go from ${expected - 1} to ${row.seq})`)
      break
    }
    expected++
    bySeq.set(row.seq, row)
    const frame = { caseId, seq: row.seq, username: row.username, roles: row.roles, purpose: row.purpose, fullIdentity: row.fullIdentity, at: row.at }
    if (accessHash(prev, frame) !== row.hash) {
      fail(row.seq, 'hash', `the read by ${row.username} at ${row.at.toISOString()} does not match its hash: it, or the link to the row before it, was changed`)
      break
    }
    prev = row.hash
  }
  const lastSeq = expected - 1
  if (!report.problem && head && (head.seq !== lastSeq || (head.hash ?? null) !== prev)) {
    fail(null, 'head', `the case records ${head.seq} reads ending in ${short(head.hash)}, the log holds ${lastSeq} ending in ${short(prev)}`)
  }
  checkSeals(report, seals, (seq) => bySeq.get(seq), fail)
  return finish(report)
}

function checkSeals(
  report: ChainReport,
  seals: SealRow[],
  rowAt: (seq: number) => { hash: string | null } | undefined,
  fail: (seq: number | null, code: Problem['code'], message: string) => void,
): void {
  for (const seal of seals) {
    report.sealedThrough = Math.max(report.sealedThrough ?? 0, seal.seq)
    const row = rowAt(seal.seq)
    const when = seal.sealedAt.toISOString()
    if (!row) fail(seal.seq, 'seal-missing', `sealed on ${when} with ${seal.seq} rows, but row ${seal.seq} is gone (the rows end at ${report.rows})`)
    else if (row.hash !== seal.hash) fail(seal.seq, 'seal-changed', `does not match the seal of ${when}: the row, or a row before it, was changed after it was sealed`)
  }
}

/** Checks the seals given (a case's) as links of the seal chain. */
export function verifySealLinks(seals: (SealRow & { before: string | null; beforeExists: boolean })[]): Problem[] {
  const problems: Problem[] = []
  for (const seal of seals) {
    const intact = sealHash(seal.prevSealHash, seal) === seal.sealHash && seal.prevSealHash === (seal.beforeExists ? seal.before : null)
    if (!intact) problems.push({ chain: 'seal', key: seal.id, seq: null, code: 'seal-hash', message: `Seal ${seal.id} (of ${seal.chain} ${seal.chainKey}, row ${seal.seq}) does not match its hash or the seal before it` })
  }
  return problems
}

/** The whole seal chain, a page at a time. */
export async function verifySealChain(sql: Sql): Promise<{ checked: number; problem: Problem | null }> {
  let prev: string | null = null
  let after = '0'
  let checked = 0
  for (;;) {
    const page = await sealPage(sql, after, 5000)
    for (const seal of page) {
      checked++
      if (seal.prevSealHash !== prev || sealHash(prev, seal) !== seal.sealHash) {
        return { checked, problem: { chain: 'seal', key: seal.id, seq: null, code: 'seal-hash', message: `Seal ${seal.id} (of ${seal.chain} ${seal.chainKey}, row ${seal.seq}) does not match its hash or the seal before it` } }
      }
      prev = seal.sealHash
    }
    if (page.length < 5000) return { checked, problem: null }
    after = page[page.length - 1]!.id
  }
}

/** Verifies every chain of one case; undefined when there is no such case. */
export async function verifyCase(sql: Sql, caseId: string, now: Date = new Date()): Promise<IntegrityReport | undefined> {
  const instances = await caseInstances(sql, caseId)
  if (!instances) return undefined
  const [historySeals, accessSeals] = await Promise.all([sealsOf(sql, 'history', instances), sealsOf(sql, 'access', [caseId])])
  const chains: ChainReport[] = []
  for (const key of instances) chains.push(await verifyHistory(sql, key, historySeals.filter((s) => s.chainKey === key)))
  chains.push(await verifyAccess(sql, caseId, accessSeals))
  const sealProblems = verifySealLinks([...historySeals, ...accessSeals])
  return report(chains, historySeals.length + accessSeals.length, sealProblems, now, await newestSeal(sql))
}

export function report(chains: ChainReport[], sealsChecked: number, sealProblems: Problem[], now: Date, newest: Awaited<ReturnType<typeof newestSeal>>): IntegrityReport {
  const problems = [...chains.flatMap((c) => (c.problem ? [c.problem] : [])), ...sealProblems]
  return {
    ok: problems.length === 0,
    checkedAt: now.toISOString(),
    chains,
    seals: { checked: sealsChecked, ok: sealProblems.length === 0 },
    problems,
    newestSeal: newest ? { id: newest.id, sealHash: newest.sealHash, sealedAt: newest.sealedAt.toISOString() } : null,
  }
}

function start(chain: ChainKind, key: string, rows: number): ChainReport {
  return { chain, key, rows, unchained: 0, removed: 0, sealedThrough: null, ok: true, problem: null }
}

function finish(report: ChainReport): ChainReport {
  report.ok = report.problem === null
  return report
}

const describe = (row: StoredHistoryRow) => `${row.type}${row.elementId ? ` at ${row.elementId}` : ''} by ${row.actor ?? 'nobody'} at ${row.at.toISOString()}`
const short = (hash: string | null) => (hash ? hash.slice(0, 12) : 'nothing')
