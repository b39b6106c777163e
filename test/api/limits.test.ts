// Hard limits on every input, through the API: each refused with a 4xx that names the limit and
// where, none a 500, none a hang; and after the hostile inputs the engine still answers at once.
import { suite } from 'uvu'
const test = suite('limits')
let began = 0
test.before.each(() => { began = Date.now() })
test.after.each((context) => { if (process.env.SAMFLYT_TEST_TIMES) console.log(`${Date.now() - began} ms`, context.__test__) })
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { chain, definition, definitionOf, endEvent, multiInstance, startEvent, userTask } from '../engine/helpers.js'
import { listIncidents } from '../../src/engine/store/incidents.js'

let t: TestApp
let per: { authorization: string }
let kari: { authorization: string }
test.before(async () => {
  t = await testApp()
  per = { authorization: `Bearer ${await t.tokenFor('per')}` }
  kari = { authorization: `Bearer ${await t.tokenFor('kari')}` }
  const deployed = await deployXml(definition(startEvent(), userTask('review'), endEvent(), chain('start', 'review', 'end')), 'review.bpmn')
  assert.is(deployed.statusCode, 201, deployed.body)
})
test.after(async () => {
  await t.close()
})

const deployXml = (xml: string, name = 'diagram.bpmn') =>
  t.app.inject({ method: 'POST', url: `/api/deployments?name=${name}`, headers: { ...per, 'content-type': 'application/xml' }, payload: xml })
const start = (payload: unknown, headers = per) =>
  t.app.inject({ method: 'POST', url: '/api/process-instances', headers: { ...headers, 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) })

function nested(levels: number, leaf = '1'): string {
  let text = leaf
  for (let i = 0; i < levels; i++) text = `{"a":${text}}`
  return text
}

/** A 4xx whose body names the path (and, for a limit, the setting): what a caller needs to fix it. */
function refused(response: { statusCode: number; body: string }, status: number, path: string, words: string[] = []) {
  assert.is(response.statusCode, status, response.body)
  const body = json(response as never)
  assert.ok(body.details?.some((d: { path: string }) => d.path.startsWith(path)), `details name ${path}: ${response.body.slice(0, 300)}`)
  const said = [body.message, ...(body.details ?? []).map((d: { message: string }) => d.message)].join(' ')
  for (const word of words) assert.ok(said.includes(word), `the message names ${word}: ${said.slice(0, 300)}`)
}

/** A start and the completion of its task, each answered within a second. */
async function startAndCompleteAtOnce() {
  const t0 = Date.now()
  const started = await start({ bpmnProcessId: 'p', variables: { ok: true } })
  assert.is(started.statusCode, 201, started.body)
  assert.ok(Date.now() - t0 < 1000, `start answered in ${Date.now() - t0} ms`)
  const tasks = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${json(started).key}`, headers: per }))
  const t1 = Date.now()
  const completed = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${tasks.items[0].key}/complete`, headers: kari, payload: { variables: { done: true } } })
  assert.is(completed.statusCode, 200, completed.body)
  assert.ok(Date.now() - t1 < 1000, `completion answered in ${Date.now() - t1} ms`)
  return { instanceKey: json(started).key as string, taskKey: tasks.items[0].key as string }
}

test('variables nested 10,000 levels deep are refused on a start and a completion, again and again, and the engine still answers', async () => {
  // Before: the driver overflowed its stack serializing them half way through a statement, the
  // connection never answered again, and after four every start and completion hung.
  for (let i = 0; i < 6; i++) {
    refused(await start(`{"bpmnProcessId":"p","variables":{"x":${nested(10_000)}}}`), 400, '/body/variables/x/a', ['SAMFLYT_VARIABLES_MAX_DEPTH=64'])
  }
  const { instanceKey } = await startAndCompleteAtOnce()
  const waiting = await start({ bpmnProcessId: 'p' })
  const tasks = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${json(waiting).key}`, headers: per }))
  for (let i = 0; i < 5; i++) {
    const deep = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${tasks.items[0].key}/complete`, headers: { ...kari, 'content-type': 'application/json' }, payload: `{"variables":{"x":${nested(10_000)}}}` })
    refused(deep, 400, '/body/variables/x', ['SAMFLYT_VARIABLES_MAX_DEPTH'])
  }
  const variables = await t.app.inject({ method: 'POST', url: `/api/process-instances/${instanceKey}/variables`, headers: { ...per, 'content-type': 'application/json' }, payload: `{"variables":{"x":${nested(65)}}}` })
  refused(variables, 400, '/body/variables/x', ['64'])
  // 64 levels is within the limit.
  assert.is((await start(`{"bpmnProcessId":"p","variables":${nested(64)}}`)).statusCode, 201)
  await startAndCompleteAtOnce()
})

test('a body nested deeper than SAMFLYT_BODY_MAX_DEPTH is refused before anything reads it', async () => {
  refused(await start(`{"bpmnProcessId":"p","businessKey":${'['.repeat(5000)}${']'.repeat(5000)}}`), 400, '/body/businessKey', ['SAMFLYT_BODY_MAX_DEPTH=80'])
  refused(await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":${nested(2000)},"password":"x"}` }), 400, '/body/username')
})

test('a NUL or a lone surrogate anywhere in a request is a 400 naming where, never a database error', async () => {
  refused(await start({ bpmnProcessId: 'p\u0000' }), 400, '/body/bpmnProcessId', ['NUL'])
  refused(await start({ bpmnProcessId: 'p', businessKey: 'a\ud800b' }), 400, '/body/businessKey', ['surrogate'])
  refused(await start({ bpmnProcessId: 'p', variables: { note: 'x\u0000y' } }), 400, '/body/variables/note')
  refused(await start({ bpmnProcessId: 'p', variables: { ['bad\udc00name']: 1 } }), 400, '/body/variables/bad')
  refused(await start('{"bpmnProcessId":"p","variables":{"list":["ok","\\udfff"]}}'), 400, '/body/variables/list/1')
  refused(await t.app.inject({ url: '/api/process-definitions?processId=a%00b', headers: per }), 400, '/querystring/processId', ['NUL'])
  refused(await t.app.inject({ url: '/api/user-tasks?candidateGroup=a&candidateGroup=b%00', headers: per }), 400, '/querystring/candidateGroup')
  refused(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari\u0000', password: 'kari-demo' } }), 400, '/body/username')
  refused(await t.app.inject({ method: 'POST', url: '/api/messages', headers: per, payload: { name: 'm\ud800', correlationKey: 'k' } }), 400, '/body/name')
  // In BPMN: a NUL in the file, and one written as a character reference, which the parser reads as the character.
  refused(await deployXml(definitionOf('nul', startEvent()).replace('<bpmn:startEvent', '<bpmn:startEvent name="a\u0000b"'), 'nul.bpmn'), 400, '/body')
  refused(await deployXml(definitionOf('ref', startEvent()).replace('<bpmn:startEvent', '<bpmn:startEvent name="a&#0;b"'), 'ref.bpmn'), 400, 'ref.bpmn#ref')
})

test('numbers outside their column are refused: keys above bigint, version at 2^31 and 1e308, offset=1e309', async () => {
  for (const url of ['/api/process-instances/9223372036854775808', '/api/process-instances/9999999999999999999/history', '/api/user-tasks/9223372036854775808']) {
    refused(await t.app.inject({ url, headers: per }), 404, '/params/key')
  }
  refused(await t.app.inject({ method: 'POST', url: '/api/incidents/9223372036854775808/resolve', headers: per }), 404, '/params/key')
  refused(await t.app.inject({ url: '/api/user-tasks?instanceKey=9223372036854775808', headers: per }), 400, '/querystring/instanceKey')
  assert.is((await t.app.inject({ url: '/api/process-instances/9223372036854775807', headers: per })).statusCode, 404)
  refused(await start({ bpmnProcessId: 'p', version: 2 ** 31 }), 400, '/body/version')
  refused(await start('{"bpmnProcessId":"p","version":1e+308}'), 400, '/body/version')
  refused(await t.app.inject({ method: 'POST', url: '/api/rule-sets/complexity/evaluate', headers: per, payload: { facts: {}, version: 2 ** 31 } }), 400, '/body/version')
  refused(await start('{"bpmnProcessId":"p","variables":{"n":1e309}}'), 400, '/body/variables/n')
  refused(await t.app.inject({ url: '/api/user-tasks?offset=1e309', headers: per }), 400, '/querystring/offset')
  refused(await t.app.inject({ url: '/api/incidents?limit=1&offset=3000000000', headers: per }), 400, '/querystring/offset')
  refused(await t.app.inject({ url: '/api/process-instances/1/history?after=1e309', headers: per }), 400, '/querystring/after')
})

test('a truncated or boundary-less multipart deployment is a 400', async () => {
  const boundary = '----samflyt'
  const whole = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bpmn"\r\nContent-Type: application/xml\r\n\r\n${definitionOf('mp', startEvent())}\r\n--${boundary}--\r\n`
  const send = (payload: string, contentType: string) =>
    t.app.inject({ method: 'POST', url: '/api/deployments', headers: { ...per, 'content-type': contentType }, payload })
  refused(await send(whole.slice(0, whole.length / 2), `multipart/form-data; boundary=${boundary}`), 400, '/body')
  refused(await send(whole, 'multipart/form-data'), 400, '/body')
  assert.is((await send(whole, `multipart/form-data; boundary=${boundary}`)).statusCode, 201)
})

test('ids, names and processes per file are limited at deployment; a file is stored once and lists carry no XML', async () => {
  refused(await deployXml(definitionOf('x'.repeat(300), startEvent())), 400, 'diagram.bpmn#xxxx', ['SAMFLYT_BPMN_ID_MAX_LENGTH=256'])
  refused(await deployXml(definitionOf('named', startEvent()).replace('<bpmn:startEvent', `<bpmn:startEvent name="${'n'.repeat(2001)}"`)), 400, 'diagram.bpmn#start', ['SAMFLYT_BPMN_NAME_MAX_LENGTH'])
  refused(await start({ bpmnProcessId: 'x'.repeat(60_000) }), 400, 'processId', ['SAMFLYT_BPMN_ID_MAX_LENGTH'])
  const process = (id: string) => `<bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="${id}-start"/></bpmn:process>`
  const file = (count: number) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="many" targetNamespace="http://bpmn.io/schema/bpmn">
${Array.from({ length: count }, (_, i) => process(`many-${i}`)).join('\n')}
</bpmn:definitions>`
  refused(await deployXml(file(101), 'many.bpmn'), 400, 'many.bpmn', ['SAMFLYT_DEPLOYMENT_MAX_PROCESSES'])
  const deployed = await deployXml(file(30), 'many.bpmn')
  assert.is(deployed.statusCode, 201, deployed.body)
  assert.is(json(deployed).processes.length, 30)
  const [{ count }] = await t.db.sql<[{ count: number }]>`select count(*)::int as count from bpmn_resources where content like '%many-29%'`
  assert.is(count, 1, 'one row for the file, not one per process')
  const listed = await t.app.inject({ url: '/api/process-definitions', headers: per })
  assert.is(listed.statusCode, 200)
  assert.not.ok(listed.body.includes('bpmn:definitions'), 'no XML in the list')
  assert.ok(json(listed).all.length >= 31)
  const one = json(await t.app.inject({ url: `/api/process-definitions/${json(deployed).processes[7].key}`, headers: per }))
  assert.ok(one.xml.includes('many-7-start'), 'one definition has its XML')
})

test('a multi-instance over 1..1000000 or 100,000 items is an incident at once, not a hang or 300,010 history rows', async () => {
  const loops = (id: string, collection: string) =>
    definitionOf(id, startEvent(), `<bpmn:userTask id="each">${multiInstance({ inputCollection: collection, inputElement: 'item' })}</bpmn:userTask>`, endEvent(), chain('start', 'each', 'end'))
  assert.is((await deployXml(loops('million', '=for i in 1..1000000 return i'), 'million.bpmn')).statusCode, 201)
  assert.is((await deployXml(loops('many', '=for i in 1..100000 return i'), 'many-items.bpmn')).statusCode, 201)
  for (const [processId, reason] of [['million', 'at most 100000 items'], ['many', 'SAMFLYT_MULTI_INSTANCE_MAX']] as const) {
    const t0 = Date.now()
    const started = await start({ bpmnProcessId: processId })
    assert.is(started.statusCode, 201, started.body)
    // Evaluating 100,000 items takes about 100 ms on an idle machine: an answer, never a hang.
    assert.ok(Date.now() - t0 < 3000, `${processId} answered in ${Date.now() - t0} ms`)
    const incidents = await listIncidents(t.db.sql, { instanceKey: json(started).key, limit: 10, offset: 0 })
    assert.equal(incidents.map((incident) => [incident.elementId, incident.type]), [['each', 'EXTRACT_VALUE_ERROR']])
    assert.ok(incidents[0]!.message.includes(reason), incidents[0]!.message)
    const [{ rows }] = await t.db.sql<[{ rows: number }]>`select count(*)::int as rows from history where instance_key = ${json(started).key}`
    assert.ok(rows < 20, `${rows} history rows`)
  }
  await startAndCompleteAtOnce()
})

test('/ready says the engine is ready', async () => {
  const ready = await t.app.inject({ url: '/ready' })
  assert.is(ready.statusCode, 200, ready.body)
})

test.run()
