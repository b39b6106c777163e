// Memory with many instances waiting: the engine keeps instance state in the database, not in
// the process, so its RSS should stay flat however many instances wait at user tasks.
import { openDatabase } from '../src/db/connect.js'
import { Engine } from '../src/engine/engine.js'
import { USER_TASK_PROCESS } from './processes.js'
import { inParallel, type BenchResult } from './stats.js'

const MB = 1024 * 1024

export async function benchMemory(url: string, waiting = 100_000): Promise<BenchResult[]> {
  const db = await openDatabase({ databaseUrl: url, maxConnections: 10 })
  const engine = new Engine({ db })
  try {
    await engine.deploy([{ name: 'bench-b.bpmn', xml: USER_TASK_PROCESS }], 'bench')
    const samples: number[] = []
    const step = waiting / 10
    for (let done = 0; done < waiting; done += step) {
      await inParallel(step, 32, (i) => engine.startInstance({ processId: 'bench-b', variables: { amount: done + i } }, 'bench').then(() => {}))
      samples.push(process.memoryUsage().rss)
    }
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from user_tasks where state = 'created' and process_id = 'bench-b'`
    if (row!.n < waiting) throw new Error(`expected ${waiting} open user tasks, found ${row!.n}`)
    const first = samples[0]!
    const peak = Math.max(...samples)
    return [
      { name: `memory: peak RSS with ${row!.n.toLocaleString('en')} instances waiting at user tasks`, value: Math.round(peak / MB), unit: 'MB', reference: 300, referenceName: 'target (at most)' },
      { name: 'memory: RSS growth from the first 10% to all waiting', value: Math.round((samples.at(-1)! - first) / MB), unit: 'MB', reference: 0, referenceName: 'flat' },
    ]
  } finally {
    await engine.stop()
    await db.close()
  }
}
