// The KE casework's processes are ke-sak and every process it calls, in every deployed version,
// with the messages they wait for: the generic engine routes refuse to start them, change them or
// message them, while a process of nobody's case runs as before.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { callActivity, catchEvent, chain, definitionOf, endEvent, message, messageRef, startEvent, userTask } from '../engine/helpers.js'

let t: TestApp
let per: { authorization: string }

// A stand-in for the KE diagram: it calls a child process, which waits for a message.
const KE = definitionOf('ke-sak', startEvent(), callActivity('call', 'ke-sak-part'), endEvent(), chain('start', 'call', 'end'))
const PART = definitionOf('ke-sak-part', message('ready', 'ke-part-ready', '=caseId'), startEvent(), catchEvent('wait', messageRef('ready')), endEvent(), chain('start', 'wait', 'end'))
const OTHER = definitionOf('leave-request', message('answer', 'leave-answer', '=employee'), startEvent(), userTask('approve'), catchEvent('wait', messageRef('answer')), endEvent(), chain('start', 'approve', 'wait', 'end'))

test.before(async () => {
  t = await testApp()
  per = { authorization: `Bearer ${await t.tokenFor('per')}` }
  await t.engine.deploy([{ name: 'ke.bpmn', xml: KE }, { name: 'part.bpmn', xml: PART }, { name: 'other.bpmn', xml: OTHER }], 'per')
})
test.after(async () => {
  await t.close()
})

const post = (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: per, payload })

test('a process the KE process calls is the casework\'s too: it is not started here, nor messaged', async () => {
  for (const processId of ['ke-sak', 'ke-sak-part']) {
    const response = await post('/api/process-instances', { bpmnProcessId: processId })
    assert.is(response.statusCode, 403, response.body)
    assert.match(json(response).message, 'started only by registering an enquiry (POST /api/cases)')
  }
  const refused = await post('/api/messages', { name: 'ke-part-ready', correlationKey: '7' })
  assert.is(refused.statusCode, 403, refused.body)
  assert.match(json(refused).message, "Message 'ke-part-ready' is for a process the KE casework runs")
  assert.is((await t.db.sql`select count(*)::int as n from messages`)[0]!.n, 0, 'nothing was buffered')
})

test('a called KE instance is neither changed nor cancelled here', async () => {
  const { key: root } = await t.engine.startInstance({ processId: 'ke-sak', variables: { caseId: '7' } }, 'samflyt')
  const [child] = await t.db.sql<{ key: string }[]>`select key::text from process_instances where root_key = ${root}`
  for (const url of [`/api/process-instances/${child!.key}/variables`, `/api/process-instances/${root}/variables`]) {
    const response = await post(url, { variables: { caseId: '8' } })
    assert.is(response.statusCode, 403, `${url}: ${response.body}`)
    assert.match(json(response).message, 'its variables change only through its tasks\' forms')
  }
  const cancel = await post(`/api/process-instances/${root}/cancel`)
  assert.is(cancel.statusCode, 403, cancel.body)
  assert.match(json(cancel).message, 'POST /api/cases/{id}/withdraw')
})

test('a process of no case is started, changed, messaged and cancelled as before', async () => {
  const started = await post('/api/process-instances', { bpmnProcessId: 'leave-request', variables: { employee: 'e-1' } })
  assert.is(started.statusCode, 201, started.body)
  const key = json(started).key
  const changed = await post(`/api/process-instances/${key}/variables`, { variables: { days: 3 } })
  assert.is(changed.statusCode, 200, changed.body)
  assert.equal(json(changed).variables, { employee: 'e-1', days: 3 })
  const published = await post('/api/messages', { name: 'leave-answer', correlationKey: 'e-1', timeToLive: 'PT1M' })
  assert.is(published.statusCode, 201, published.body)
  assert.is((await post(`/api/process-instances/${key}/cancel`)).statusCode, 200)
})

test.run()
