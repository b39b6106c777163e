// The floor under every engine command: the raw rate of the smallest equivalent transaction
// (update one row, insert one row, commit) through the same client library, pool and concurrency.
import postgres from 'postgres'
import { inParallel, quantile, round1, timed, type BenchResult } from './stats.js'

export async function benchRawPostgres(url: string, transactions = 20_000, concurrency = 32): Promise<BenchResult[]> {
  const sql = postgres(url, { max: 10, onnotice: () => {} })
  try {
    await sql`create table if not exists bench_rows (id integer primary key, state jsonb not null, seq integer not null)`
    await sql`create table if not exists bench_log (row_id integer not null, seq integer not null, data jsonb not null, at timestamptz not null default now())`
    await sql`insert into bench_rows select g, '{}', 0 from generate_series(0, ${concurrency - 1}) g on conflict do nothing`
    // Each lane has its own row, as each engine command locks its own instance.
    const once = (i: number) =>
      sql.begin(async (tx) => {
        const id = i % concurrency
        const [row] = await tx<{ seq: number }[]>`update bench_rows set seq = seq + 1, state = ${sql.json({ i })} where id = ${id} returning seq`
        await tx`insert into bench_log (row_id, seq, data) values (${id}, ${row!.seq}, ${sql.json({ i })})`
      })
    await inParallel(1_000, concurrency, async (i) => void (await once(i))) // warm-up
    const latencies: number[] = []
    const start = performance.now()
    await inParallel(transactions, concurrency, async (i) => void (await timed(latencies, () => once(i))))
    const rate = (transactions * 1000) / (performance.now() - start)
    return [
      { name: 'raw Postgres: update one row + insert one row', value: Math.round(rate), unit: 'tx/s', reference: Math.round(rate), referenceName: 'itself' },
      { name: 'raw Postgres: transaction latency p50', value: round1(quantile(latencies, 0.5)), unit: 'ms', reference: round1(quantile(latencies, 0.5)), referenceName: 'itself' },
      { name: 'raw Postgres: transaction latency p99', value: round1(quantile(latencies, 0.99)), unit: 'ms', reference: round1(quantile(latencies, 0.99)), referenceName: 'itself' },
    ]
  } finally {
    await sql`drop table if exists bench_rows, bench_log`.catch(() => {})
    await sql.end()
  }
}
