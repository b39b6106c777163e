// Timers, messages and call activities through the store on a real database: the background
// timer loop wakes for a sooner timer, timers survive a new engine, a failing timer backs off,
// a called instance cannot be cancelled on its own, and the instance API shows the call tree.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Engine } from '../../src/engine/engine.js'
import { ManualClock } from '../../src/engine/executor/clock.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { listTimers } from '../../src/engine/store/timers.js'
import { listSubscriptions } from '../../src/engine/store/messages.js'
import { readHistory } from '../../src/engine/store/history.js'
import { testDatabase, ON_SERVER, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/engine.js'
import { bpmn, call, catchEvent, chain, end, process, start, startOn, user } from '../conformance/bpmn.js'

const WAIT = (duration: string) => bpmn({}, process('wait', start(), catchEvent('timer', { timer: { duration } }), end(), chain('start', 'timer', 'end')))
const PARENT = bpmn({}, process('parent', start(), call('call', 'child'), end(), chain('start', 'call', 'end')))
const CHILD = bpmn({}, process('child', start('cstart'), user('review'), end('cend'), chain('cstart', 'review', 'cend')))

let db: TestDatabase
test.before(async () => {
  db = await testDatabase()
})
test.after(async () => {
  await db.close()
})

const status = async (key: string) => (await getInstance(db.sql, key))!.status

test('the background timer loop fires a short timer on the real clock, woken by its own write', async () => {
  // A long poll interval: only the wake-up from the command that wrote the timer can fire it in time.
  const engine = new Engine({ db, timerOptions: { pollIntervalMs: 60_000 } })
  try {
    await engine.deploy([{ name: 'wait.bpmn', xml: WAIT('PT0.2S') }], 'per')
    const { key } = await engine.startInstance({ processId: 'wait' }, 'kari')
    assert.is(await status(key), 'active')
    await eventually(async () => (await status(key)) === 'completed', 5_000)
    const fired = (await readHistory(db.sql, key)).find((e) => e.type === 'timerFired')
    assert.is(fired?.actor, 'engine')
    assert.equal([...await listTimers(db.sql, { instanceKey: key })], [], 'a fired timer leaves no row')
  } finally {
    await engine.stop()
  }
})

test('a timer written by one engine fires in a new engine on the same database (a restart)', async () => {
  const clock = new ManualClock('2025-03-01T08:00:00Z')
  const first = new Engine({ db, clock: clock.now, timers: false })
  await first.deploy([{ name: 'wait.bpmn', xml: WAIT('PT1H') }], 'per')
  const { key } = await first.startInstance({ processId: 'wait' }, 'kari')
  await first.stop()
  clock.advance(3_600_000)
  const second = new Engine({ db, clock: clock.now, timers: false })
  assert.is(await second.fireDueTimers(), 1)
  assert.is(await status(key), 'completed')
  await second.stop()
})

test('a timer whose firing fails is retried later with a growing backoff, not in a hot loop', async () => {
  const clock = new ManualClock('2025-03-02T08:00:00Z')
  const engine = new Engine({ db, clock: clock.now, timers: false })
  await engine.deploy([{ name: 'wait.bpmn', xml: WAIT('PT1M') }], 'per')
  const { key } = await engine.startInstance({ processId: 'wait' }, 'kari')
  // Break the instance's row so firing fails for a technical reason (its definition is unreadable).
  await db.sql`update bpmn_resources set content = 'not xml' where checksum = (select d.checksum from process_definitions d join process_instances i on i.definition_key = d.key where i.key = ${key})`
  engine['models'].clear()
  clock.advance(60_000)
  assert.is(await engine.fireDueTimers(), 0)
  const [after] = await listTimers(db.sql, { instanceKey: key })
  assert.is(after!.attempts, 1)
  assert.ok(after!.lastError, 'the error is kept on the timer')
  assert.is(after!.dueAt.getTime(), clock.now().getTime() + 1000, 'tried again after 1 s')
  assert.is(await engine.fireDueTimers(), 0, 'not due again yet: no retry at once')
  assert.is((await listTimers(db.sql, { instanceKey: key }))[0]!.attempts, 1)
  await engine.stop()
})

test('a called instance cannot be cancelled on its own; cancelling its root cancels it, and the API shows the tree', async () => {
  const engine = new Engine({ db, timers: false })
  try {
    await engine.deploy([{ name: 'parent.bpmn', xml: PARENT }, { name: 'child.bpmn', xml: CHILD }], 'per')
    const { key } = await engine.startInstance({ processId: 'parent' }, 'kari')
    const [child] = await db.sql<{ key: string; parentKey: string; rootKey: string }[]>`
      select key::text, parent_key::text as "parentKey", root_key::text as "rootKey" from process_instances where parent_key = ${key}`
    assert.is(child!.rootKey, key)
    try {
      await engine.cancelInstance(child!.key, 'admin')
      assert.unreachable('cancelling a child directly is refused')
    } catch (error) {
      assert.is((error as { status?: number }).status, 409)
      assert.match((error as Error).message, new RegExp(`cancel the root instance ${key}`))
    }
    assert.is(await status(child!.key), 'active')
    await engine.cancelInstance(key, 'admin')
    assert.is(await status(key), 'cancelled')
    assert.is(await status(child!.key), 'cancelled')
    const count = (await db.sql<{ count: number }[]>`select count(*)::int as count from user_tasks where instance_key = ${child!.key} and state = 'created'`)[0]!.count
    assert.is(count, 0, 'the child\'s task is cancelled too')
  } finally {
    await engine.stop()
  }
})

test('deploying a new version replaces the old version\'s message start subscription', async () => {
  const engine = new Engine({ db, timers: false })
  try {
    const v1 = bpmn({ messages: { opened: null } }, process('opening', startOn('s', { message: 'opened' }), end(), chain('s', 'end')))
    const v2 = bpmn({ messages: { opened2: null } }, process('opening', startOn('s2', { message: 'opened2' }), end(), chain('s2', 'end')))
    await engine.deploy([{ name: 'opening.bpmn', xml: v1 }], 'per')
    await engine.deploy([{ name: 'opening.bpmn', xml: v2 }], 'per')
    const subscriptions = await listSubscriptions(db.sql, { processId: 'opening' })
    assert.equal(subscriptions.map((s) => s.messageName), ['opened2'])
    assert.equal((await engine.publishMessage({ name: 'opened', correlationKey: '' }, 'per')).correlations, [])
    const started = await engine.publishMessage({ name: 'opened2', correlationKey: '' }, 'per')
    assert.is(started.correlations.length, 1)
    assert.is(started.correlations[0]!.started, true)
  } finally {
    await engine.stop()
  }
})

const onServer = ON_SERVER ? test : test.skip
onServer('a timer written by another process wakes this process\'s timer loop through NOTIFY', async () => {
  const { openDatabase } = await import('../../src/db/connect.js')
  const other = await openDatabase({ databaseUrl: db.url, maxConnections: 2 })
  const sleeper = new Engine({ db, timerOptions: { pollIntervalMs: 60_000 } })
  const writer = new Engine({ db: other, timers: false })
  try {
    await writer.deploy([{ name: 'wait.bpmn', xml: WAIT('PT0.3S') }], 'per')
    await new Promise((resolve) => setTimeout(resolve, 200)) // let the sleeper settle into its long sleep
    const { key } = await writer.startInstance({ processId: 'wait' }, 'kari')
    await eventually(async () => (await status(key)) === 'completed', 5_000)
  } finally {
    await writer.stop()
    await sleeper.stop()
    await other.close()
  }
})

test.run()
