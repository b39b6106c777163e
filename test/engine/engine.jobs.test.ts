// Jobs through the embedded engine on a real database: workers complete, fail with retries and
// backoff, throw BPMN errors; exhausted retries become incidents an operator resolves.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testEngine, eventually, type TestEngine } from '../helpers/engine.js'
import { definition, startEvent, endEvent, serviceTask, chain } from './helpers.js'
import { readHistory } from '../../src/engine/store/history.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { listIncidents } from '../../src/engine/store/incidents.js'

const ONE_TASK = definition(startEvent(), serviceTask('charge', 'charge-card'), endEvent(), chain('start', 'charge', 'end'))

let t: TestEngine
test.before(async () => {
  t = await testEngine()
  await t.engine.deploy([{ name: 'one-task.bpmn', xml: ONE_TASK }], 'per')
})
test.after(async () => {
  await t.close()
})

const status = async (key: string) => (await getInstance(t.db.sql, key))?.status

test('a worker completes the job and the instance completes, with the whole path in the history', async () => {
  const seen: unknown[] = []
  const worker = t.engine.worker('charge-card', async (job) => {
    seen.push(job.variables)
    return job.complete({ charged: true })
  })
  const instance = await t.engine.startInstance({ processId: 'p', variables: { amount: 120 }, businessKey: 'case-1' }, 'kari')
  await eventually(async () => (await status(instance.key)) === 'completed')
  await worker.stop()
  assert.equal(seen, [{ amount: 120 }])
  const done = (await getInstance(t.db.sql, instance.key))!
  assert.equal(done.state.variables, { amount: 120, charged: true })
  const history = await readHistory(t.db.sql, instance.key)
  assert.equal(history.map((e) => e.seq), history.map((_, i) => i + 1), 'gap-free order')
  const types = history.map((e) => `${e.type}${e.elementId ? `:${e.elementId}` : ''}`)
  assert.ok(types.includes('jobCreated:charge') && types.includes('jobCompleted:charge'), types.join(' '))
  assert.is(types.at(-1), 'instanceCompleted')
  assert.is(history[0]!.actor, 'kari')
  assert.ok(history.find((e) => e.type === 'jobCompleted')!.actor!.endsWith('/charge-card'), 'the worker is the actor of its completion')
})

test('a failing job is retried after its backoff, then becomes an incident; resolving it runs the job again', async () => {
  let calls = 0
  const worker = t.engine.worker('charge-card', async (job) => {
    calls++
    return calls <= 3 ? job.fail(`card declined (${calls})`, { backoffMs: 10 }) : job.complete({ charged: true })
  }, { pollIntervalMs: 20 })
  const instance = await t.engine.startInstance({ processId: 'p' }, 'kari')
  const [incident] = await eventually(async () => {
    const rows = await listIncidents(t.db.sql, { instanceKey: instance.key, state: 'active', limit: 10, offset: 0 })
    return rows.length ? rows : null
  })
  assert.is(calls, 3, 'three attempts: the default retries')
  assert.is(incident!.type, 'JOB_NO_RETRIES')
  assert.match(incident!.message, /card declined \(3\)/)
  assert.is(await status(instance.key), 'active')
  await t.engine.resolveIncident(incident!.key, 'admin')
  await eventually(async () => (await status(instance.key)) === 'completed')
  await worker.stop()
  const history = await readHistory(t.db.sql, instance.key)
  assert.is(history.filter((e) => e.type === 'jobFailed').length, 3)
  assert.is(history.find((e) => e.type === 'incidentResolved')?.actor, 'admin')
})

test('a thrown exception is a failure and a handler that decides nothing fails too', async () => {
  const worker = t.engine.worker('charge-card', async (job) => {
    if (job.retries === 3) throw new Error('network down')
    return undefined as never
  }, { pollIntervalMs: 20 })
  const instance = await t.engine.startInstance({ processId: 'p' }, 'kari')
  await eventually(async () => {
    const failures = (await readHistory(t.db.sql, instance.key)).filter((e) => e.type === 'jobFailed')
    return failures.length >= 2 ? failures : null
  }, 20_000)
  await worker.stop()
  const failures = (await readHistory(t.db.sql, instance.key)).filter((e) => e.type === 'jobFailed')
  assert.is(failures[0]!.data.errorMessage, 'network down')
  assert.match(String(failures[1]!.data.errorMessage), /returned no decision/)
  await t.engine.cancelInstance(instance.key, 'admin')
})

test('an uncaught BPMN error from a worker is an incident naming the code', async () => {
  const worker = t.engine.worker('charge-card', async (job) => job.error('CARD_STOLEN', 'reported stolen'))
  const instance = await t.engine.startInstance({ processId: 'p' }, 'kari')
  const [incident] = await eventually(async () => {
    const rows = await listIncidents(t.db.sql, { instanceKey: instance.key, limit: 10, offset: 0 })
    return rows.length ? rows : null
  })
  await worker.stop()
  assert.is(incident!.type, 'UNHANDLED_ERROR_EVENT')
  assert.match(incident!.message, /CARD_STOLEN/)
})

test('completing a job twice: the second is refused and nothing is applied twice', async () => {
  const instance = await t.engine.startInstance({ processId: 'p' }, 'kari')
  const [job] = await t.db.sql`select key::text from jobs where instance_key = ${instance.key}`
  const results = await Promise.allSettled([t.engine.completeJob(job!.key, { n: 1 }), t.engine.completeJob(job!.key, { n: 2 })])
  assert.equal(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
  const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
  assert.is(rejected.reason.code, 'SAMFLYT_NOT_FOUND')
  const history = await readHistory(t.db.sql, instance.key)
  assert.is(history.filter((e) => e.type === 'jobCompleted').length, 1)
  assert.is(await status(instance.key), 'completed')
})

test('history rows cannot be changed or removed', async () => {
  const [row] = await t.db.sql`select instance_key from history limit 1`
  const update = await t.db.sql`update history set actor = 'mallory' where instance_key = ${row!.instance_key}`.catch((e) => e)
  assert.match(String(update.message), /history is append-only: UPDATE/)
  const remove = await t.db.sql`delete from history`.catch((e) => e)
  assert.match(String(remove.message), /history is append-only: DELETE/)
})

test.run()
