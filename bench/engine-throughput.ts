// Completed instances per second through the embedded engine on Postgres, full history on:
// (a) start, service task, end, the job worked by 1, 2 or 4 worker processes;
// (b) start, exclusive gateway, user task, end, the task completed through the engine by 1, 2 or
// 4 processes. This process starts the instances (32 in flight); the clock runs from the first
// start to the last completion. Latency is per command: start here, completion in the workers.
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/db/connect.js'
import { Engine } from '../src/engine/engine.js'
import { SERVICE_TASK_PROCESS, USER_TASK_PROCESS } from './processes.js'
import { inParallel, quantile, round1, timed, type BenchResult } from './stats.js'

export type Shape = 'a' | 'b'

const WORKER = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url))

function spawnWorkers(url: string, shape: Shape, count: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const child = fork(WORKER, [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, BENCH_URL: url, BENCH_MODE: shape === 'a' ? 'jobs' : 'tasks', BENCH_INDEX: String(index), BENCH_COUNT: String(count) },
      })
      return new Promise<ChildProcess>((resolve, reject) => {
        child.once('message', () => resolve(child))
        child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)))
      })
    }),
  )
}

function collect(child: ChildProcess): Promise<number[]> {
  return new Promise((resolve) => {
    child.once('message', (message: { latencies: number[] }) => resolve(message.latencies))
    child.send({ report: true })
  })
}

async function waitUntilNoneActive(engine: Engine, processId: string): Promise<void> {
  for (;;) {
    // exists, not count: with thousands waiting, counting them every 20 ms would load the database
    // this benchmark measures.
    const [row] = await engine.sql<{ active: boolean }[]>`
      select exists (select 1 from process_instances where status = 'active' and process_id = ${processId}) as active`
    if (!row!.active) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export async function benchThroughput(url: string, shape: Shape, workers: number, instances: number): Promise<BenchResult[]> {
  const db = await openDatabase({ databaseUrl: url, maxConnections: 10 })
  const engine = new Engine({ db })
  const processId = shape === 'a' ? 'bench-a' : 'bench-b'
  const children = await spawnWorkers(url, shape, workers)
  try {
    await engine.deploy([{ name: `${processId}.bpmn`, xml: shape === 'a' ? SERVICE_TASK_PROCESS : USER_TASK_PROCESS }], 'bench')
    const starts: number[] = []
    const start = performance.now()
    await inParallel(instances, 32, (i) => timed(starts, () => engine.startInstance({ processId, variables: { amount: i % 200 } }, 'bench')).then(() => {}))
    await waitUntilNoneActive(engine, processId)
    const rate = (instances * 1000) / (performance.now() - start)
    const completions = (await Promise.all(children.map(collect))).flat()
    const label = `(${shape}) ${shape === 'a' ? 'service task' : 'gateway + user task'}, ${workers} worker process${workers > 1 ? 'es' : ''}`
    const completion = shape === 'a' ? 'complete job' : 'complete user task'
    return [
      { name: `${label}: completed instances`, value: Math.round(rate), unit: 'instances/s', reference: 1000, referenceName: 'target' },
      { name: `${label}: start latency p50`, value: round1(quantile(starts, 0.5)), unit: 'ms', reference: Number.NaN },
      { name: `${label}: start latency p99`, value: round1(quantile(starts, 0.99)), unit: 'ms', reference: Number.NaN },
      { name: `${label}: ${completion} latency p50`, value: round1(quantile(completions, 0.5)), unit: 'ms', reference: Number.NaN },
      { name: `${label}: ${completion} latency p99`, value: round1(quantile(completions, 0.99)), unit: 'ms', reference: Number.NaN },
    ]
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill()
    await engine.stop()
    await db.close()
  }
}
