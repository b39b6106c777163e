// The engine's own limits, for callers that reach it without the API (the KE domain, workers):
// variables size and depth, steps counted across multi-instance bodies, a command that fails while
// being written fails alone and frees its group-commit slot, and health() when commands stall.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testEngine, type TestEngine } from '../helpers/engine.js'
import { chain, definitionOf, endEvent, multiInstance, startEvent, userTask } from './helpers.js'
import { listIncidents } from '../../src/engine/store/incidents.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { SamflytError } from '../../src/errors.js'
import { DEFAULT_LIMITS } from '../../src/engine/limits.js'
import { buildApp } from '../../src/api/app.js'
import { createLogger } from '../../src/api/logging.js'
import { createTokenService } from '../../src/auth/tokens.js'
import { TEST_SECRET } from '../helpers/app.js'

const REVIEW = definitionOf('review', startEvent(), userTask('check'), endEvent(), chain('start', 'check', 'end'))
const EACH = (count: number) =>
  definitionOf('fan-out', startEvent(), `<bpmn:task id="each">${multiInstance({ inputCollection: `=for i in 1..${count} return i` })}</bpmn:task>`, endEvent(), chain('start', 'each', 'end'))

let t: TestEngine
test.before(async () => {
  t = await testEngine({ timers: false, commandStallMs: 300, limits: { maxSteps: 100, maxMultiInstance: 1_000, variables: { maxDepth: 8, maxBytes: 2_000 }, deployment: { ...DEFAULT_LIMITS.deployment, maxBytes: 20_000 } } })
  await t.engine.deploy([{ name: 'review.bpmn', xml: REVIEW }], 'per')
})
test.after(async () => {
  await t.close()
})

const code = async (work: Promise<unknown>) => {
  try {
    await work
    return 'resolved'
  } catch (error) {
    return error instanceof SamflytError ? `${error.code} ${error.details[0]?.path}` : String(error)
  }
}

test('variables over the size or depth limit are refused by the engine itself, naming the setting', async () => {
  assert.is(await code(t.engine.startInstance({ processId: 'review', variables: { text: 'x'.repeat(3_000) } }, 'kari')), 'SAMFLYT_LIMIT_EXCEEDED variables')
  assert.is(await code(t.engine.startInstance({ processId: 'review', variables: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } }, 'kari')), 'SAMFLYT_LIMIT_EXCEEDED variables/a/b/c/d/e/f/g/h')
  assert.is(await code(t.engine.startInstance({ processId: 'review', variables: { ok: 'a\u0000' } }, 'kari')), 'SAMFLYT_VALIDATION variables/ok')
  assert.is(await code(t.engine.startInstance({ processId: 'review', version: 2 ** 31 }, 'kari')), 'SAMFLYT_NOT_FOUND undefined')
  assert.is(await code(t.engine.completeUserTask('9223372036854775808', {}, 'kari')), 'SAMFLYT_NOT_FOUND undefined')
  const error = await t.engine.startInstance({ processId: 'review', variables: { text: 'x'.repeat(3_000) } }, 'kari').catch((e: Error) => e)
  assert.ok((error as Error).message.includes('SAMFLYT_VARIABLES_MAX_BYTES=2000'), (error as Error).message)
})

test('a deployment over SAMFLYT_DEPLOYMENT_MAX_BYTES is refused before it is parsed; nothing is deployed', async () => {
  const big = REVIEW.replace('<bpmn:startEvent id="start"/>', `<bpmn:startEvent id="start"><bpmn:documentation>${'x'.repeat(20_000)}</bpmn:documentation></bpmn:startEvent>`).replace("id=\"review\"", 'id="big"')
  const error = await t.engine.deploy([{ name: 'big.bpmn', xml: big }], 'per').catch((e: SamflytError) => e)
  assert.instance(error, SamflytError)
  assert.is((error as SamflytError).code, 'SAMFLYT_LIMIT_EXCEEDED')
  assert.ok((error as SamflytError).details[0]!.message.includes('SAMFLYT_DEPLOYMENT_MAX_BYTES'), (error as SamflytError).details[0]!.message)
  const [{ count }] = await t.db.sql<[{ count: number }]>`select count(*)::int as count from process_definitions where process_id = 'big'`
  assert.is(count, 0)
})

test('the step limit counts the inner instances of a multi-instance body: more than it has left is an incident on the body', async () => {
  await t.engine.deploy([{ name: 'each.bpmn', xml: EACH(500) }], 'per')
  const { key } = await t.engine.startInstance({ processId: 'fan-out' }, 'kari')
  const incidents = await listIncidents(t.db.sql, { instanceKey: key, limit: 10, offset: 0 })
  assert.equal(incidents.map((incident) => [incident.elementId, incident.type]), [['each', 'STEP_LIMIT_EXCEEDED']])
  assert.ok(incidents[0]!.message.includes('SAMFLYT_STEPS_MAX'), incidents[0]!.message)
  const [{ rows }] = await t.db.sql<[{ rows: number }]>`select count(*)::int as rows from history where instance_key = ${key}`
  assert.ok(rows < 15, `${rows} history rows, not 1,500`)
  // Within the limit it runs: 50 inner instances of a plain task complete in the one command.
  await t.engine.deploy([{ name: 'each.bpmn', xml: EACH(50) }], 'per')
  const small = await t.engine.startInstance({ processId: 'fan-out' }, 'kari')
  assert.is((await getInstance(t.db.sql, small.key))!.status, 'completed')
  // Over the multi-instance limit: an incident naming SAMFLYT_MULTI_INSTANCE_MAX.
  await t.engine.deploy([{ name: 'each.bpmn', xml: EACH(1_001) }], 'per')
  const big = await t.engine.startInstance({ processId: 'fan-out' }, 'kari')
  const [incident] = await listIncidents(t.db.sql, { instanceKey: big.key, limit: 10, offset: 0 })
  assert.ok(incident!.message.includes('SAMFLYT_MULTI_INSTANCE_MAX'), incident!.message)
})

test('a command whose writes cannot be serialized fails alone; the others of its group land and the slot is free', async () => {
  const cyclic: Record<string, unknown> = { name: 'loop' }
  cyclic.self = cyclic
  const outcomes = await Promise.allSettled([
    t.engine.startInstance({ processId: 'review', variables: { n: 1 } }, 'kari'),
    t.engine.startInstance({ processId: 'review', variables: cyclic as never }, 'kari'),
    t.engine.startInstance({ processId: 'review', variables: { n: 3 } }, 'kari'),
  ])
  assert.equal(outcomes.map((outcome) => outcome.status), ['fulfilled', 'rejected', 'fulfilled'])
  assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /cannot be written as JSON/)
  // The write buffer itself never hands the driver what it cannot serialize: a cycle that got
  // past the check (here, straight into a session) fails that transaction alone.
  const [{ key: definitionKey }] = await t.db.sql<[{ key: string }]>`select key::text from process_definitions where process_id = 'review'`
  const direct = await t.engine.transact('kari', async (session) => {
    const definition = { key: definitionKey, processId: 'review', version: 1 }
    return session.start({ definition, variables: cyclic as never })
  }).then(() => 'written', (error: Error) => error.message)
  assert.match(direct, /circular/i)
  for (let i = 0; i < 8; i++) {
    const t0 = Date.now()
    await t.engine.startInstance({ processId: 'review' }, 'kari')
    assert.ok(Date.now() - t0 < 1000, `a start took ${Date.now() - t0} ms`)
  }
  assert.ok(t.engine.health().ok)
})

test('health() and /ready turn unhealthy while a command cannot complete, and healthy again when it does', async () => {
  const app = await buildApp({ db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 900 }), logger: createLogger('silent'), bodyLimitBytes: 65_536 })
  assert.is((await app.inject({ url: '/ready' })).statusCode, 200)
  const { key } = await t.engine.startInstance({ processId: 'review' }, 'kari')
  const [task] = await t.db.sql<[{ key: string }]>`select key::text from user_tasks where instance_key = ${key}`
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  // Another transaction holds the instance row (on PGlite, its one connection): the completion waits.
  const locker = t.db.sql.begin(async (tx) => {
    await tx`select key from process_instances where key = ${key} for update`
    await held
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  const completion = t.engine.completeUserTask(task.key, {}, 'kari')
  await new Promise((resolve) => setTimeout(resolve, 500))
  const stalled = t.engine.health()
  assert.is(stalled.ok, false)
  assert.ok(stalled.oldestCommandMs >= 300, `${stalled.oldestCommandMs} ms`)
  const notReady = await app.inject({ url: '/ready' })
  assert.is(notReady.statusCode, 503, notReady.body)
  assert.ok(notReady.json().message.includes('Engine commands do not complete'), notReady.body)
  release()
  await locker
  await completion
  await new Promise((resolve) => setTimeout(resolve, 20))
  assert.is(t.engine.health().ok, true)
  assert.is((await app.inject({ url: '/ready' })).statusCode, 200)
  await app.close()
})

test.run()
