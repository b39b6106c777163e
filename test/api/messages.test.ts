// POST /api/messages through the app: correlation to a waiting instance, buffering with a time to
// live, idempotent message ids, who may publish, and bad input refused naming the field.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { bpmn, catchEvent, chain, end, process, start } from '../conformance/bpmn.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { correlationsOf } from '../../src/engine/store/messages.js'

const WAIT_PAID = bpmn({ messages: { paid: '=orderId' } }, process('p', start(), catchEvent('paid', { message: 'paid' }), end(), chain('start', 'paid', 'end')))

let t: TestApp
let owner: string
test.before(async () => {
  t = await testApp()
  owner = await t.tokenFor('per')
  await t.engine.deploy([{ name: 'wait-paid.bpmn', xml: WAIT_PAID }], 'per')
})
test.after(async () => {
  await t.close()
})

const publish = (body: unknown, token = owner) =>
  t.app.inject({ method: 'POST', url: '/api/messages', headers: { authorization: `Bearer ${token}` }, payload: body as object })

test('a published message correlates to the waiting instance and says where it went', async () => {
  const { key } = await t.engine.startInstance({ processId: 'p', variables: { orderId: 'o-1' } }, 'kari')
  const response = await publish({ name: 'paid', correlationKey: 'o-1', variables: { amount: 12 } })
  assert.is(response.statusCode, 201, response.body)
  const body = json(response)
  assert.match(body.messageKey, /^\d+$/)
  assert.equal(body.correlations, [{ processId: 'p', instanceKey: key, elementId: 'paid', started: false }])
  const instance = (await getInstance(t.db.sql, key))!
  assert.is(instance.status, 'completed')
  assert.equal(instance.state.variables, { orderId: 'o-1', amount: 12 })
  const history = await t.app.inject({ method: 'GET', url: `/api/process-instances/${key}/history`, headers: { authorization: `Bearer ${owner}` } })
  assert.ok(json<{ type: string }[]>(history).some((e) => e.type === 'messageCorrelated'), 'the history shows the message')
})

test('a message with a time to live waits for an instance that subscribes later, and is correlated once', async () => {
  const response = await publish({ name: 'paid', correlationKey: 'o-2', timeToLive: 'PT10M' })
  assert.is(response.statusCode, 201)
  assert.equal(json(response).correlations, [])
  const first = await t.engine.startInstance({ processId: 'p', variables: { orderId: 'o-2' } }, 'kari')
  const second = await t.engine.startInstance({ processId: 'p', variables: { orderId: 'o-2' } }, 'kari')
  assert.is((await getInstance(t.db.sql, first.key))!.status, 'completed')
  assert.is((await getInstance(t.db.sql, second.key))!.status, 'active', 'a process gets a message once')
  assert.equal((await correlationsOf(t.db.sql, { messageKey: json(response).messageKey })).map((c) => c.instanceKey), [first.key])
})

test('the same message id while the first is buffered is a 409 and changes nothing', async () => {
  const first = await publish({ name: 'paid', correlationKey: 'o-3', timeToLive: 60_000, messageId: 'bank-77' })
  assert.is(first.statusCode, 201)
  const again = await publish({ name: 'paid', correlationKey: 'o-3', timeToLive: 60_000, messageId: 'bank-77' })
  assert.is(again.statusCode, 409)
  assert.match(json(again).message, /bank-77/)
  const count = (await t.db.sql<{ count: number }[]>`select count(*)::int as count from messages where message_id = 'bank-77'`)[0]!.count
  assert.is(count, 1)
  const otherName = await publish({ name: 'refunded', correlationKey: 'o-3', messageId: 'bank-77' })
  assert.is(otherName.statusCode, 201, 'ids are unique per message name')
})

test('bad input gets a 400 naming the field', async () => {
  const cases: [unknown, string][] = [
    [{ name: 'paid', correlationKey: null }, '/body/correlationKey'],
    [{ name: 'paid' }, '/body/correlationKey'],
    [{ name: '', correlationKey: 'x' }, '/body/name'],
    [{ name: 'paid', correlationKey: 'x', timeToLive: 'soon' }, '/body/timeToLive'],
    [{ name: 'paid', correlationKey: 'x', timeToLive: 'P1M' }, '/body/timeToLive'],
    [{ name: 'paid', correlationKey: 'x', timeToLive: -5 }, '/body/timeToLive'],
    [{ name: 'paid', correlationKey: 'x', variables: [1] }, '/body/variables'],
    [{ name: 'paid', correlationKey: 'x', extra: 1 }, '/body/extra'],
  ]
  for (const [body, path] of cases) {
    const response = await publish(body)
    assert.is(response.statusCode, 400, `${JSON.stringify(body)}: ${response.body}`)
    assert.ok(response.body.includes(path), `${JSON.stringify(body)} names ${path}: ${response.body}`)
  }
  const count = (await t.db.sql<{ count: number }[]>`select count(*)::int as count from messages where correlation_key = 'x'`)[0]!.count
  assert.is(count, 0, 'nothing was written')
})

test('only process owners and admins may publish', async () => {
  assert.is((await publish({ name: 'paid', correlationKey: 'z' }, await t.tokenFor('kari'))).statusCode, 403)
  assert.is((await publish({ name: 'paid', correlationKey: 'z' }, await t.tokenFor('randi'))).statusCode, 403)
  assert.is((await publish({ name: 'paid', correlationKey: 'z' }, await t.tokenFor('admin'))).statusCode, 201)
  assert.is((await t.app.inject({ method: 'POST', url: '/api/messages', payload: { name: 'paid', correlationKey: 'z' } })).statusCode, 401)
})

test.run()
