// The chain itself: the canonical JSON form (RFC 8785's rules, and the same text after a round
// trip through Postgres's jsonb), the hash of a history row pinned to the documented text, and
// chains that stay whole when group commit writes many commands' rows in one transaction (two
// jobs of one instance completed together, claims beside completions, a call activity's child).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import { canonicalJson, CanonicalJsonError } from '../../src/audit/canonical.js'
import { historyHash, historyHashCanonical, dataHash } from '../../src/audit/hash.js'
import { verifyAll } from '../../src/audit/verify-all.js'
import { testEngine, eventually, type TestEngine } from '../helpers/engine.js'
import { definitionOf, startEvent, endEvent, serviceTask, userTask, gateway, chain, flow, callActivity } from '../engine/helpers.js'

test('canonical JSON sorts keys by UTF-16 code units, prints numbers as ECMAScript does, escapes only what JSON must', () => {
  // RFC 8785, 3.2.3: the sort order of these keys.
  const keys = { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 }
  assert.is(canonicalJson(keys), '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}')
  assert.is(canonicalJson([1e30, 4.5, 0.002, 1e-7, -0, 333333333.3333333, 1e21, 9007199254740992]), '[1e+30,4.5,0.002,1e-7,0,333333333.3333333,1e+21,9007199254740992]')
  assert.is(canonicalJson({ b: 'tab\there, «æøå», \u001f', a: [true, false, null] }), '{"a":[true,false,null],"b":"tab\\there, «æøå», \\u001f"}')
  assert.is(canonicalJson({ at: new Date('2026-12-01T13:02:00.5Z'), gone: undefined, list: [undefined, () => 1] }), '{"at":"2026-12-01T13:02:00.500Z","list":[null,null]}')
  assert.throws(() => canonicalJson({ n: Number.NaN }), (e: unknown) => e instanceof CanonicalJsonError)
  assert.throws(() => canonicalJson({ n: Infinity }), (e: unknown) => e instanceof CanonicalJsonError)
  assert.throws(() => canonicalJson(10n), (e: unknown) => e instanceof CanonicalJsonError)
})

test('a value inside itself has no canonical form and is refused by name, while a value shared twice is written twice', () => {
  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic.self = { back: cyclic }
  assert.throws(() => canonicalJson(cyclic), (error: unknown) => error instanceof CanonicalJsonError && /circular/.test(error.message))
  const shared = { n: 1 }
  assert.is(canonicalJson({ x: shared, y: [shared] }), '{"x":{"n":1},"y":[{"n":1}]}')
})

test('a history row\'s hash is the SHA-256 of the documented canonical text', () => {
  const data = { variables: { decision: 'granted', personName: 'Åse' } }
  const digest = dataHash(data)
  assert.is(digest, createHash('sha256').update('{"variables":{"decision":"granted","personName":"Åse"}}').digest('hex'))
  const frame = { instanceKey: '42', seq: 7, type: 'userTaskCompleted', elementId: 'decide', elementInstanceId: 12, actor: 'siri', at: new Date('2026-12-01T13:02:00Z') }
  const text = `{"chain":"history","prev":"${'ab'.repeat(32)}","row":{"actor":"siri","at":"2026-12-01T13:02:00.000Z","dataHash":"${digest}","elementId":"decide","elementInstanceId":12,"instanceKey":"42","seq":7,"type":"userTaskCompleted"}}`
  assert.is(historyHash('ab'.repeat(32), frame, digest), createHash('sha256').update(text).digest('hex'))
  // The engine's fast form is the general canonical form, whatever the fields hold.
  for (const other of [
    { ...frame, elementId: null, elementInstanceId: null, actor: null },
    { ...frame, actor: 'vm:1/"quoted"\\ «ø»\n', type: 'flowTaken', seq: 123456 },
    { ...frame, at: '2026-12-01T13:02:00.000Z', instanceKey: '9007199254740993' },
  ]) assert.is(historyHash(null, other, digest), historyHashCanonical(null, other, digest))
})

let t: TestEngine
test.before(async () => {
  t = await testEngine({ timers: false })
  await t.engine.deploy([
    { name: 'two-jobs.bpmn', xml: definitionOf('two-jobs', startEvent(), gateway('parallel', 'fork'), serviceTask('a', 'left'), serviceTask('b', 'right'), gateway('parallel', 'join'), userTask('review'), endEvent(),
      flow('start', 'fork'), flow('fork', 'a'), flow('fork', 'b'), flow('a', 'join'), flow('b', 'join'), flow('join', 'review'), flow('review', 'end')) },
    { name: 'child.bpmn', xml: definitionOf('child', startEvent(), serviceTask('inner', 'inner'), endEvent(), chain('start', 'inner', 'end')) },
    { name: 'parent.bpmn', xml: definitionOf('parent', startEvent(), callActivity('call', 'child'), endEvent(), chain('start', 'call', 'end')) },
  ], 'per')
})
test.after(async () => {
  await t?.close()
})

test('canonical text is the same after a round trip through jsonb', async () => {
  const value = { z: [1.5, 1e-7, 123456789012345680000, -0.25], '\u00f6': { '\ud83d\ude00': 'x', '\r': null }, a: 'Ørsta «kommune»\n' }
  const [row] = await t.db.sql<{ value: unknown }[]>`select ${t.db.sql.json(value as never)}::jsonb as value`
  assert.is(canonicalJson(row!.value), canonicalJson(value))
})

test('chains stay whole when group commit writes many commands in one transaction', async () => {
  const sql = t.db.sql
  const started = await Promise.all(Array.from({ length: 30 }, (_, i) => t.engine.startInstance({ processId: 'two-jobs', variables: { i, name: `Person ${i}` } }, 'kari')))
  const keys = started.map((s) => s.key)
  const jobs = await sql<{ key: string; instanceKey: string; elementId: string }[]>`
    select key::text, instance_key::text as "instanceKey", element_id as "elementId" from jobs where instance_key = any(${keys}::bigint[])`
  assert.is(jobs.length, 60)
  // Both jobs of each instance at once: one instance written twice in one transaction.
  await Promise.all(jobs.map((job) => t.engine.completeJob({ key: job.key, instanceKey: job.instanceKey }, { [job.elementId]: true }, undefined)))
  const tasks = await eventually(async () => {
    const rows = await sql<{ key: string }[]>`select key::text from user_tasks where instance_key = any(${keys}::bigint[]) and state = 'created'`
    return rows.length === 30 ? rows : undefined
  })
  // Claims (written straight out) beside completions (through the write buffer).
  await Promise.all(tasks.slice(0, 10).map((task) => t.engine.assignUserTask(task.key, 'siri', 'siri')))
  await Promise.all(tasks.map((task, i) => t.engine.completeUserTask(task.key, { approved: i % 2 === 0 }, i < 10 ? 'siri' : 'kari')))
  const [shared] = await sql<{ n: number }[]>`select count(distinct xmin::text)::int as n from history where instance_key = any(${keys}::bigint[]) and type = 'userTaskCompleted'`
  assert.ok(shared!.n < 30, `completions shared transactions (${shared!.n} for 30)`)

  const parents = await Promise.all(Array.from({ length: 10 }, () => t.engine.startInstance({ processId: 'parent' }, 'kari')))
  const inner = await eventually(async () => {
    const rows = await sql<{ key: string; instanceKey: string }[]>`select j.key::text, j.instance_key::text as "instanceKey" from jobs j join process_instances p on p.key = j.instance_key where p.process_id = 'child'`
    return rows.length === 10 ? rows : undefined
  })
  await Promise.all(inner.map((job) => t.engine.completeJob({ key: job.key, instanceKey: job.instanceKey }, {}, undefined)))
  await eventually(async () => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from process_instances where key = any(${parents.map((p) => p.key)}::bigint[]) and status = 'completed'`
    return row!.n === 10 ? true : undefined
  })

  const report = await verifyAll(sql) as Awaited<ReturnType<typeof verifyAll>> & { chainsChecked: number }
  assert.ok(report.ok, JSON.stringify(report.problems.slice(0, 3)))
  assert.is(report.chainsChecked, 30 + 10 + 10)
  const [unchained] = await sql<{ n: number }[]>`select count(*)::int as n from history where hash is null`
  assert.is(unchained!.n, 0, 'every row hashed')
  const heads = await sql<{ n: number }[]>`
    select count(*)::int as n from process_instances p
    where p.history_hash is distinct from (select h.hash from history h where h.instance_key = p.key order by seq desc limit 1)`
  assert.is(heads[0]!.n, 0, 'every instance\'s head is its last row')
})

test.run()
