// Durability on a Postgres server: worker processes are killed with SIGKILL in the middle of a
// load and started again; every instance completes exactly once, no job is lost or done twice.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn, type ChildProcess } from 'node:child_process'
import { testEngine, eventually, type TestEngine } from '../helpers/engine.js'
import { ON_SERVER } from '../helpers/database.js'
import { definition, startEvent, endEvent, serviceTask, chain } from './helpers.js'

const ROOT = new URL('../..', import.meta.url).pathname
const INSTANCES = 300
const onServer = ON_SERVER ? test : test.skip

let t: TestEngine
const children: ChildProcess[] = []

function startWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/engine/fixtures/durable-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.push(child)
  return child
}

onServer('killing workers with SIGKILL mid-load loses nothing and completes nothing twice', async () => {
  t = await testEngine()
  try {
    const xml = definition(startEvent(), serviceTask('work', 'durable-work'), endEvent(), chain('start', 'work', 'end'))
    await t.engine.deploy([{ name: 'durable.bpmn', xml }], 'test')
    await t.db.sql`create table work_done (instance_key bigint, worker_pid int)`
    for (let i = 0; i < INSTANCES; i++) await t.engine.startInstance({ processId: 'p', variables: { i } }, 'test')

    const first = [startWorker(t.db.url!), startWorker(t.db.url!)]
    await eventually(async () => ((await t.db.sql`select count(*)::int as n from work_done`)[0]!.n as number) >= INSTANCES / 4, 30_000)
    for (const child of first) child.kill('SIGKILL')
    await Promise.all(first.map((child) => new Promise((resolve) => child.once('exit', resolve))))
    const completedAtKill = (await t.db.sql`select count(*)::int as n from process_instances where status = 'completed'`)[0]!.n
    assert.ok(completedAtKill < INSTANCES, 'the kill came in the middle of the load')

    const second = [startWorker(t.db.url!), startWorker(t.db.url!)]
    try {
      await eventually(async () => ((await t.db.sql`select count(*)::int as n from process_instances where status = 'completed'`)[0]!.n as number) === INSTANCES, 60_000)
    } finally {
      for (const child of second) child.kill('SIGTERM')
    }
    const [jobs] = await t.db.sql`select count(*)::int as n from jobs`
    assert.is(jobs!.n, 0, 'no job left behind')
    const completions = await t.db.sql`
      select instance_key, count(*)::int as n from history where type = 'jobCompleted' group by instance_key having count(*) <> 1`
    assert.equal([...completions], [], 'every job completed exactly once')
    const [distinct] = await t.db.sql`select count(distinct instance_key)::int as n from history where type = 'instanceCompleted'`
    assert.is(distinct!.n, INSTANCES)
  } finally {
    for (const child of children) child.kill('SIGKILL')
    await t.close()
  }
})

test.run()
