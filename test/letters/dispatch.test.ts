// Dispatch through a SvarUt-style service (nock stands in for it): success; a 5xx and then
// success through the job's retries; a timeout; a permanent 4xx that becomes an incident the
// caseworker resolves by resending or by post; and never the same letter twice.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import nock from 'nock'
import { testDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/engine.js'
import { definition, startEvent, endEvent, serviceTask, chain } from '../engine/helpers.js'
import { Engine } from '../../src/engine/engine.js'
import { Letters } from '../../src/letters/letters.js'
import { SvarUtClient } from '../../src/letters/dispatch/svarut.js'
import { DispatchError } from '../../src/letters/dispatch/errors.js'
import { DISPATCH_JOB_TYPE, dispatchHandler } from '../../src/letters/dispatch/worker.js'
import { loadTemplates } from '../../src/letters/template/load.js'
import { loadMunicipality } from '../../src/letters/municipality.js'
import { decisionData, testCase } from './fixtures.js'

const SERVICE = 'https://svarut.test'
const BASE = '/tjenester/api/forsendelse/v1'
// Generous: on embedded PGlite the database runs in this process and can hold the event loop for a
// while, and a reply must not look like a timeout because of that.
const TIMEOUT_MS = 1_000

let db: TestDatabase
let engine: Engine
let letters: Letters

test.before(async () => {
  nock.disableNetConnect()
  db = await testDatabase()
  engine = new Engine({ db })
  letters = new Letters({
    sql: db.sql,
    templates: loadTemplates('templates/letters'),
    municipality: loadMunicipality('templates/letters/municipality.json'),
    svarut: new SvarUtClient({ baseUrl: `${SERVICE}${BASE}`, username: 'fjordvik-ke', password: 'service-password', timeoutMs: TIMEOUT_MS }),
    engine,
    dispatchLeaseMs: 5_000,
  })
  engine.worker(DISPATCH_JOB_TYPE, dispatchHandler(letters), { pollIntervalMs: 50 })
  await engine.deploy([{ name: 'send.bpmn', xml: definition(startEvent(), serviceTask('send-letter', DISPATCH_JOB_TYPE, '', '3'), endEvent(), chain('start', 'send-letter', 'end')) }], 'per')
})
test.after.each(() => {
  const pending = nock.pendingMocks()
  nock.cleanAll()
  assert.equal(pending, [], 'every expected request to the dispatch service was made')
})
test.after(async () => {
  nock.enableNetConnect()
  await engine.stop()
  await db.close()
})

async function approvedLetter(): Promise<string> {
  const draft = await letters.create({ caseId: await testCase(db.sql), data: decisionData('nb'), createdBy: 'kari' })
  return (await letters.approve(draft.id, 'ola')).id
}

const service = () => nock(SERVICE).matchHeader('authorization', `Basic ${Buffer.from('fjordvik-ke:service-password').toString('base64')}`)
const status = (id: string, value: string) => service().get(`${BASE}/${id}/status`).reply(200, { forsendelseStatus: value, sisteStatusEndring: '2026-11-23T10:00:00+01:00' })

/** nock hands a binary (multipart) body over as hex. */
const asText = (body: unknown) => (typeof body === 'string' && /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : String(body))

async function startSending(letterId: string) {
  return (await engine.startInstance({ processId: 'p', variables: { letterId } }, 'kari')).key
}
const instanceStatus = async (key: string) => (await db.sql<{ status: string }[]>`select status from process_instances where key = ${key}`)[0]!.status
const activeIncidents = (key: string) => db.sql<{ message: string }[]>`select message from incidents where instance_key = ${key} and state = 'active'`

test('success: a shipment id is reserved, the letter sent under it with its idempotency key, and the status followed', async () => {
  const id = await approvedLetter()
  const letter = await letters.get(id)
  let sentBody = ''
  service().post(`${BASE}/startNyForsendelse`).matchHeader('idempotency-key', letter.idempotencyKey).reply(200, { id: 'f-1' })
  service()
    .post(`${BASE}/f-1/sendForsendelse`, (body) => ((sentBody = asText(body)), true))
    .matchHeader('idempotency-key', letter.idempotencyKey)
    .reply(200, { id: 'f-1' })
  status('f-1', 'MOTTATT')

  const sent = await letters.dispatch(id, { actor: 'kari' })
  assert.equal([sent.status, sent.channel, sent.dispatchId, sent.dispatchStatus, sent.sentBy], ['sent', 'svarut', 'f-1', 'MOTTATT', 'kari'])
  assert.ok(sent.sentAt)
  assert.ok(sentBody.includes(`"eksternReferanse":"${letter.idempotencyKey}"`), 'the shipment carries the idempotency key')
  assert.ok(sentBody.includes('"krevNiva4Innlogging":true'), 'health decisions need strong log-in')
  assert.ok(sentBody.includes('%PDF-'), 'the PDF is attached')

  // Dispatching a sent letter again asks nothing of the service (nock refuses any request).
  const again = await letters.dispatch(id, { actor: 'kari' })
  assert.is(again.sentAt?.getTime(), sent.sentAt!.getTime())
})

test('a 5xx fails the job; the retry after the backoff sends it once, and the process moves on', async () => {
  const id = await approvedLetter()
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-2' })
  service().post(`${BASE}/f-2/sendForsendelse`).reply(503, { message: 'Vedlikehold' })
  // The retry asks about the reserved id first: not received, so it sends.
  service().get(`${BASE}/f-2/status`).reply(404)
  service().post(`${BASE}/f-2/sendForsendelse`).reply(200, { id: 'f-2' })
  status('f-2', 'AKSEPTERT')

  const key = await startSending(id)
  await eventually(async () => (await instanceStatus(key)) === 'completed')
  const letter = await letters.get(id)
  assert.equal([letter.status, letter.dispatchId, letter.dispatchStatus, letter.dispatchAttempts, letter.lastError], ['sent', 'f-2', 'AKSEPTERT', 2, null])
  const failures = await db.sql<{ data: { errorMessage: string; retries: number } }[]>`select data from history where instance_key = ${key} and type = 'jobFailed'`
  assert.is(failures.length, 1)
  assert.match(failures[0]!.data.errorMessage, 'HTTP 503')
  assert.is(failures[0]!.data.retries, 2)
  const variables = await db.sql<{ name: string; value: unknown }[]>`select name, value from variables where instance_key = ${key} and name like 'letter%' order by name`
  assert.equal([...variables].map((v) => [v.name, v.value]), [['letterChannel', 'svarut'], ['letterId', id], ['letterStatus', 'sent']])
})

test('a timeout is transient: the letter stays approved with the reason, and the next try sends it', async () => {
  const id = await approvedLetter()
  service().post(`${BASE}/startNyForsendelse`).delay(TIMEOUT_MS * 3).reply(200, { id: 'f-lost' })
  try {
    await letters.dispatch(id, { actor: 'worker' })
    assert.unreachable('the timeout was not noticed')
  } catch (error) {
    assert.instance(error, DispatchError)
    assert.ok((error as DispatchError).transient)
    assert.match((error as Error).message, `no answer within ${TIMEOUT_MS} ms`)
    await letters.recordFailure(id, (error as Error).message, false)
  }
  const waiting = await letters.get(id)
  assert.equal([waiting.status, waiting.dispatchId], ['approved', null])
  assert.match(waiting.lastError!, 'no answer within')

  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-3' })
  service().post(`${BASE}/f-3/sendForsendelse`).reply(200, { id: 'f-3' })
  status('f-3', 'MOTTATT')
  const sent = await letters.dispatch(id, { actor: 'worker' })
  assert.equal([sent.status, sent.dispatchId, sent.lastError], ['sent', 'f-3', null])
})

test('a send whose answer is lost is not repeated: the retry finds the service already has it', async () => {
  const id = await approvedLetter()
  let sends = 0
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-4' })
  // The service receives the letter, but its answer comes too late for us.
  service().post(`${BASE}/f-4/sendForsendelse`).delay(TIMEOUT_MS * 3).reply(() => (sends++, [200, { id: 'f-4' }]))
  const lost = await letters.dispatch(id, { actor: 'worker' }).then(() => null, (error: unknown) => error)
  assert.ok(lost instanceof DispatchError && lost.transient, `the lost answer is a transient failure, got ${String(lost)}`)
  assert.equal((await letters.get(id)).dispatchId, 'f-4', 'the reserved id was stored before sending')

  service().get(`${BASE}/f-4/status`).reply(200, { forsendelseStatus: 'MOTTATT' })
  status('f-4', 'MOTTATT')
  const sent = await letters.dispatch(id, { actor: 'worker' })
  assert.equal([sent.status, sent.dispatchId], ['sent', 'f-4'])
  await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3))
  assert.is(sends, 1, 'the service got the letter once')
})

test('two senders at once: the letter is sent once', async () => {
  const id = await approvedLetter()
  service().post(`${BASE}/startNyForsendelse`).delay(50).reply(200, { id: 'f-5' })
  service().post(`${BASE}/f-5/sendForsendelse`).reply(200, { id: 'f-5' })
  status('f-5', 'MOTTATT')
  const results = await Promise.allSettled([letters.dispatch(id, { actor: 'a' }), letters.dispatch(id, { actor: 'b' })])
  const sent = results.filter((r) => r.status === 'fulfilled')
  const busy = results.filter((r) => r.status === 'rejected')
  assert.is(sent.length, 1, JSON.stringify(results))
  assert.is(busy.length, 1)
  assert.match(String((busy[0] as PromiseRejectedResult).reason.message), 'being sent by another sender')
  assert.ok((busy[0] as PromiseRejectedResult).reason.transient, 'the other sender retries later, and then finds it sent')
  assert.is((await letters.get(id)).status, 'sent')
})

test('a permanent 4xx is an incident at once; the caseworker sees why and resends, and the process moves on', async () => {
  const id = await approvedLetter()
  const before = await letters.get(id)
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-6' })
  service().post(`${BASE}/f-6/sendForsendelse`).reply(400, { message: 'Mottaker 01029400470 mangler gyldig postnummer' })

  const key = await startSending(id)
  const [incident] = await eventually(async () => { const rows = await activeIncidents(key); return rows.length > 0 ? [...rows] : null })
  assert.match(incident!.message, 'HTTP 400')
  const failed = await letters.get(id)
  assert.is(failed.status, 'failed')
  assert.match(failed.lastError!, 'refused the letter (HTTP 400): Mottaker *********** mangler gyldig postnummer')
  assert.not.ok(failed.lastError!.includes('01029400470'), 'an echoed identity number is scrubbed')
  assert.is(failed.dispatchId, null, 'the refused shipment is not reused')
  assert.is.not(failed.idempotencyKey, before.idempotencyKey, 'nor its key')
  assert.is((await db.sql`select 1 from history where instance_key = ${key} and type = 'jobFailed'`).length, 1, 'no retries of a refusal')

  service().post(`${BASE}/startNyForsendelse`).matchHeader('idempotency-key', failed.idempotencyKey).reply(200, { id: 'f-7' })
  service().post(`${BASE}/f-7/sendForsendelse`).reply(200, { id: 'f-7' })
  status('f-7', 'MOTTATT')
  const resent = await letters.resend(id, 'kari')
  assert.equal([resent.status, resent.dispatchId, resent.sentBy, resent.lastError], ['sent', 'f-7', 'kari', null])
  await eventually(async () => (await instanceStatus(key)) === 'completed')
  assert.is((await activeIncidents(key)).length, 0)
})

test('a refused letter marked as sent by post: recorded, the process moves on, and it is never dispatched after', async () => {
  const id = await approvedLetter()
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-8' })
  service().post(`${BASE}/f-8/sendForsendelse`).reply(422, { message: 'Ugyldig adresse' })
  const key = await startSending(id)
  await eventually(async () => (await activeIncidents(key)).length > 0)

  const posted = await letters.markSentByPost(id, 'kari')
  assert.equal([posted.status, posted.channel, posted.sentBy], ['sent-by-post', 'post', 'kari'])
  await eventually(async () => (await instanceStatus(key)) === 'completed')
  const variables = await db.sql<{ value: unknown }[]>`select value from variables where instance_key = ${key} and name = 'letterStatus'`
  assert.is(variables[0]!.value, 'sent-by-post')
  assert.is((await letters.dispatch(id, { actor: 'x' })).status, 'sent-by-post')
  try {
    await letters.markSentByPost(id, 'kari')
    assert.unreachable()
  } catch (error) {
    assert.is((error as { status: number }).status, 409)
  }
})

test('a draft is never sent: an incident says it needs approval', async () => {
  const draft = await letters.create({ caseId: await testCase(db.sql), data: decisionData('nn'), createdBy: 'kari' })
  const key = await startSending(draft.id)
  const [incident] = await eventually(async () => { const rows = await activeIncidents(key); return rows.length > 0 ? [...rows] : null })
  assert.match(incident!.message, 'must be approved before it is sent')
  assert.is((await letters.get(draft.id)).status, 'draft')
})

test('following the status: an undeliverable letter becomes failed, and a resend makes a new shipment', async () => {
  const id = await approvedLetter()
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-9' })
  service().post(`${BASE}/f-9/sendForsendelse`).reply(200, { id: 'f-9' })
  status('f-9', 'MOTTATT')
  const sent = await letters.dispatch(id, { actor: 'worker' })

  status('f-9', 'IKKE_LEVERT')
  assert.is(await letters.followStatuses(), 1)
  const failed = await letters.get(id)
  assert.equal([failed.status, failed.dispatchStatus], ['failed', 'IKKE_LEVERT'])
  assert.match(failed.lastError!, 'could not deliver')

  status('f-9', 'IKKE_LEVERT')
  service().post(`${BASE}/startNyForsendelse`).reply(200, { id: 'f-10' })
  service().post(`${BASE}/f-10/sendForsendelse`).reply(200, { id: 'f-10' })
  status('f-10', 'MOTTATT')
  const resent = await letters.resend(id, 'kari')
  assert.equal([resent.status, resent.dispatchId], ['sent', 'f-10'])
  assert.is.not(resent.idempotencyKey, sent.idempotencyKey, 'a new shipment gets a new key')

  status('f-10', 'LEST')
  assert.is(await letters.followStatuses(), 1)
  assert.is((await letters.get(id)).dispatchStatus, 'LEST')
  assert.is(await letters.followStatuses(), 0, 'a settled letter is not asked about again')
})

test.run()
