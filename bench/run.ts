// npm run bench [-- --json] [-- --quick] [-- <name filter>...]
//
// Runs every benchmark on a real Postgres server (DATABASE_URL, default the local one; the
// benchmark uses its own database, samflyt_bench, recreated each run) and prints one table, or
// with --json one JSON object per figure: { name, value, unit, reference, referenceName }.
// References are measured in the same run (raw Postgres, bpmn-engine, bare json-rules-engine) or
// are the targets from the issues.
import { freshBenchDatabase } from './database.js'
import { benchRawPostgres } from './raw-postgres.js'
import { benchBpmnEngine } from './bpmn-engine.js'
import { benchThroughput } from './engine-throughput.js'
import { benchMemory } from './memory.js'
import { benchRules } from './rules.js'
import { benchEngineEvents } from './engine-events.js'
import { benchCases } from './cases.js'
import { benchWeb } from './web.js'
import { benchHistory } from './history.js'
import { benchAuditChain } from './audit-chain.js'
import type { BenchResult } from './stats.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const quick = args.includes('--quick')
const filters = args.filter((arg) => !arg.startsWith('--'))
const scale = quick ? 0.2 : 1
const n = (count: number) => Math.max(100, Math.round(count * scale))

const results: BenchResult[] = []
const report = (batch: BenchResult[]) => {
  results.push(...batch)
  if (json) for (const result of batch) console.log(JSON.stringify(result))
  else for (const result of batch) console.error(`  ${result.name}: ${result.value} ${result.unit}`)
}
const wanted = (name: string) => filters.length === 0 || filters.some((filter) => name.includes(filter))

// BENCH_DATABASE: a database name of its own, so two runs on one server (two engineers) do not drop each other's
const url = await freshBenchDatabase(process.env.BENCH_DATABASE || undefined)

let raw: BenchResult | undefined
if (wanted('raw') || wanted('engine')) {
  const batch = await benchRawPostgres(url, n(20_000))
  raw = batch[0]
  report(batch)
}
if (wanted('bpmn-engine')) report(await benchBpmnEngine(n(20_000)))
for (const shape of ['a', 'b'] as const) {
  if (!wanted('engine')) continue
  let best = 0
  for (const workers of [1, 2, 4]) {
    const batch = await benchThroughput(url, shape, workers, n(shape === 'a' ? 6_000 : 4_000))
    best = Math.max(best, batch[0]!.value)
    report(batch)
  }
  if (shape === 'a' && raw) {
    report([{ name: '(a) best completed instances/s / raw Postgres tx/s', value: Number((best / raw.value).toFixed(3)), unit: 'ratio', reference: 0.4, referenceName: 'target (at least)' }])
  }
}
if (wanted('events')) report(await benchEngineEvents(url, { timers: n(10_000), subscriptions: n(100_000), correlations: n(3_000) }))
if (wanted('rules')) report(await benchRules())
if (wanted('audit')) report(benchAuditChain(n(50_000)))
if (wanted('cases')) report(await benchCases(url, { cases: n(3_000) }))
// In headless Chromium on the embedded default (PGlite), as a person at a laptop would use it.
if (wanted('web')) report(await benchWeb({ tasks: quick ? 2_000 : 10_000 }))
if (wanted('history')) report(await benchHistory({ runs: quick ? 3 : 5 }))
// Last: it leaves 100,000 instances waiting in the bench database.
if (wanted('memory')) report(await benchMemory(url, n(100_000)))

if (!json) printTable(results)

function printTable(rows: BenchResult[]) {
  const width = Math.max(...rows.map((r) => r.name.length), 9)
  const cell = (value: number) => (Number.isNaN(value) ? '' : String(value))
  console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  ${'reference'.padStart(10)}  unit (reference)`)
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${cell(r.value).padStart(10)}  ${cell(r.reference).padStart(10)}  ${r.unit}${r.referenceName ? ` (${r.referenceName})` : ''}`)
  }
}
