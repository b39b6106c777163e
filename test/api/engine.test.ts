// The engine through the API, as process owners and caseworkers use it.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { definition, startEvent, endEvent, userTask, serviceTask, gateway, flow, chain } from '../engine/helpers.js'

let t: TestApp
const auth: Record<string, { authorization: string }> = {}
test.before(async () => {
  t = await testApp()
  for (const user of ['per', 'kari', 'siri', 'ola', 'admin', 'randi']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
  // The review task links form review-form, which must be deployed before the BPMN that links it.
  const reviewForm = JSON.stringify({ id: 'review-form', type: 'default', schemaVersion: 19, components: [
    { type: 'checkbox', key: 'approved', label: 'Godkjent' }, { type: 'textfield', key: 'by', label: 'Fullført av' }] })
  const form = multipart([{ name: 'review.form', content: reviewForm }])
  const deployed = await t.app.inject({ method: 'POST', url: '/api/deployments', headers: { ...auth.per, ...form.headers }, payload: form.payload })
  assert.is(deployed.statusCode, 201, deployed.body)
})
test.after(async () => {
  await t.close()
})

const APPROVAL = definition(
  startEvent(),
  gateway('exclusive', 'route', 'route-manual'),
  userTask('review', '<zeebe:assignmentDefinition candidateGroups="caseworker"/><zeebe:formDefinition formId="review-form"/>'),
  serviceTask('auto', 'auto-approve'),
  endEvent(),
  flow('start', 'route'),
  flow('route', 'auto', '=amount < 100'),
  flow('route', 'review', undefined, 'route-manual'),
  chain('review', 'end'),
  flow('auto', 'end'),
)

function multipart(files: { name: string; content: string }[]) {
  const boundary = '----samflyt-test'
  const body = files
    .map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/xml\r\n\r\n${f.content}\r\n`)
    .join('') + `--${boundary}--\r\n`
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

const deployXml = (xml: string, user = 'per', name = 'approval.bpmn') =>
  t.app.inject({ method: 'POST', url: `/api/deployments?name=${name}`, headers: { ...auth[user], 'content-type': 'application/xml' }, payload: xml })

test('a process owner deploys; a byte-identical redeploy is the same version, a changed one is the next', async () => {
  const first = await deployXml(APPROVAL)
  assert.is(first.statusCode, 201, first.body)
  assert.equal(json(first).processes.map((p: any) => [p.processId, p.version, p.isNew]), [['p', 1, true]])
  const again = await deployXml(APPROVAL)
  assert.equal(json(again).processes.map((p: any) => [p.version, p.isNew]), [[1, false]])
  const changed = await deployXml(APPROVAL.replace('amount &lt; 100', 'amount &lt; 50'))
  assert.equal(json(changed).processes.map((p: any) => [p.version, p.isNew]), [[2, true]])
  const listed = json(await t.app.inject({ url: '/api/process-definitions', headers: auth.kari }))
  assert.equal(listed.latest.map((d: any) => d.version), [2])
  assert.equal(listed.all.map((d: any) => d.version), [2, 1])
  const one = json(await t.app.inject({ url: `/api/process-definitions/${listed.latest[0].key}`, headers: auth.per }))
  assert.ok(one.xml.includes('amount &lt; 50'))
})

test('a caseworker may not deploy', async () => {
  assert.is((await deployXml(APPROVAL, 'kari')).statusCode, 403)
})

test('a bad deployment gets 400 naming the file and element, and nothing of it is deployed', async () => {
  const good = definition(startEvent(), endEvent(), chain('start', 'end')).replace('id="p"', 'id="other"')
  const bad = definition(startEvent(), serviceTask('charge', ''), endEvent(), chain('start', 'charge', 'end'), flow('charge', 'nowhere')).replace('id="p"', 'id="broken"')
  const response = await t.app.inject({ method: 'POST', url: '/api/deployments', ...(() => { const m = multipart([{ name: 'good.bpmn', content: good }, { name: 'bad.bpmn', content: bad }]); return { payload: m.payload, headers: { ...auth.per, ...m.headers } } })() })
  assert.is(response.statusCode, 400, response.body)
  const body = json(response)
  assert.is(body.code, 'SAMFLYT_INVALID_DEFINITION')
  assert.ok(body.details.some((d: any) => d.path === 'bad.bpmn#charge'), JSON.stringify(body.details))
  assert.ok(body.details.some((d: any) => d.path.startsWith('bad.bpmn#') && /nowhere/.test(d.message)), JSON.stringify(body.details))
  const listed = json(await t.app.inject({ url: '/api/process-definitions?processId=other', headers: auth.per }))
  assert.equal(listed.all, [], 'the good file of a refused deployment is not deployed either')
})

test('XML that does not parse is a 400 saying where', async () => {
  const response = await deployXml('<bpmn:definitions><oops', 'per', 'broken.bpmn')
  assert.is(response.statusCode, 400)
  assert.is(json(response).details[0].path, 'broken.bpmn')
})

async function startReview() {
  const response = await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.kari, payload: { bpmnProcessId: 'p', variables: { amount: 500 }, businessKey: 'case-7' } })
  assert.is(response.statusCode, 201, response.body)
  const instance = json(response)
  const tasks = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${instance.key}&state=created`, headers: auth.kari }))
  return { instance, task: tasks.items[0] }
}

test('a user task is listed for its group, claimed, and only its holder may complete it; the history says who', async () => {
  const { instance, task } = await startReview()
  assert.equal(instance.activeElements.map((e: any) => e.elementId), ['review'])
  assert.equal([task.elementId, task.candidateGroups, task.formId], ['review', ['caseworker'], 'review-form'])
  const byGroup = json(await t.app.inject({ url: '/api/user-tasks?candidateGroup=caseworker&state=created', headers: auth.kari }))
  assert.ok(byGroup.items.some((i: any) => i.key === task.key))

  assert.is((await t.app.inject({ method: 'POST', url: `/api/user-tasks/${task.key}/claim`, headers: auth.kari })).statusCode, 200)
  const stolen = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${task.key}/complete`, headers: auth.siri, payload: { variables: { approved: false } } })
  assert.is(stolen.statusCode, 409)
  assert.match(json(stolen).message, /claimed by kari/)
  // A task for caseworkers is none of the intake group's business: not listed, not found, not theirs to complete.
  const ola = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${instance.key}`, headers: auth.ola }))
  assert.equal(ola.items, [])
  assert.is((await t.app.inject({ url: `/api/user-tasks/${task.key}`, headers: auth.ola })).statusCode, 404)
  const notHis = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${task.key}/complete`, headers: auth.ola, payload: { variables: { approved: false } } })
  assert.is(notHis.statusCode, 404)
  assert.is((await t.app.inject({ url: `/api/user-tasks/${task.key}`, headers: auth.randi })).statusCode, 200, 'an auditor sees every task')
  const done = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${task.key}/complete`, headers: auth.kari, payload: { variables: { approved: true } } })
  assert.is(done.statusCode, 200, done.body)
  assert.equal([json(done).state, json(done).completedBy], ['completed', 'kari'])

  const after = json(await t.app.inject({ url: `/api/process-instances/${instance.key}`, headers: auth.randi }))
  assert.is(after.status, 'completed')
  assert.is(after.variables.approved, true)
  const history = json(await t.app.inject({ url: `/api/process-instances/${instance.key}/history`, headers: auth.randi }))
  const claimed = history.find((e: any) => e.type === 'userTaskClaimed')
  const completed = history.find((e: any) => e.type === 'userTaskCompleted')
  assert.is(claimed.actor, 'kari')
  assert.equal([completed.actor, completed.data.variables], ['kari', { approved: true }])
})

test('two people completing the same task at once: exactly one wins', async () => {
  const { instance, task } = await startReview()
  const attempts = await Promise.all(['kari', 'siri', 'admin'].map((user) =>
    t.app.inject({ method: 'POST', url: `/api/user-tasks/${task.key}/complete`, headers: auth[user], payload: { variables: { by: user } } })))
  assert.equal(attempts.map((a) => a.statusCode).sort(), [200, 409, 409])
  const history = json(await t.app.inject({ url: `/api/process-instances/${instance.key}/history`, headers: auth.randi }))
  assert.is(history.filter((e: any) => e.type === 'userTaskCompleted').length, 1)
})

test('an instance can be cancelled, which closes its open task; unknown keys are 404', async () => {
  const { instance, task } = await startReview()
  const cancelled = await t.app.inject({ method: 'POST', url: `/api/process-instances/${instance.key}/cancel`, headers: auth.admin })
  assert.is(json(cancelled).status, 'cancelled')
  assert.is(json(await t.app.inject({ url: `/api/user-tasks/${task.key}`, headers: auth.kari })).state, 'cancelled')
  const again = await t.app.inject({ method: 'POST', url: `/api/process-instances/${instance.key}/cancel`, headers: auth.admin })
  assert.is(again.statusCode, 409)
  const missing = await t.app.inject({ url: '/api/process-instances/999999', headers: auth.kari })
  assert.equal([missing.statusCode, json(missing).message], [404, 'Process instance 999999 does not exist'])
  const unknownProcess = await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.kari, payload: { bpmnProcessId: 'nope' } })
  assert.is(unknownProcess.statusCode, 404)
})

test('an exclusive gateway with no matching flow and no default is an incident, listed and resolved through the API', async () => {
  const strict = definition(startEvent(), gateway('exclusive', 'route'), endEvent('big'), endEvent('small'),
    flow('start', 'route'), flow('route', 'big', '=amount >= 100'), flow('route', 'small', '=amount < 10')).replace('id="p"', 'id="strict"')
  assert.is((await deployXml(strict, 'per', 'strict.bpmn')).statusCode, 201)
  const started = await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.kari, payload: { bpmnProcessId: 'strict', variables: { amount: 50 } } })
  const instance = json(started)
  assert.is(instance.incidents.length, 1, started.body)
  const [incident] = json(await t.app.inject({ url: `/api/incidents?instanceKey=${instance.key}&state=active`, headers: auth.per }))
  assert.is(incident.elementId, 'route')
  assert.match(incident.message, /route/)
  const resolvedTooSoon = await t.app.inject({ method: 'POST', url: `/api/incidents/${incident.key}/resolve`, headers: auth.per })
  assert.is(resolvedTooSoon.statusCode, 200, 'resolving retries the gateway, which fails again with a new incident')
  const again = json(await t.app.inject({ url: `/api/process-instances/${instance.key}`, headers: auth.per }))
  assert.is(again.incidents.length, 1)
  assert.is.not(again.incidents[0].key, incident.key)
  const forbidden = await t.app.inject({ method: 'POST', url: `/api/incidents/${again.incidents[0].key}/resolve`, headers: auth.kari })
  assert.is(forbidden.statusCode, 403)
  const fixed = await t.app.inject({ method: 'POST', url: `/api/process-instances/${instance.key}/variables`, headers: auth.per, payload: { variables: { amount: 5 } } })
  assert.is(fixed.statusCode, 200, fixed.body)
  await t.app.inject({ method: 'POST', url: `/api/incidents/${again.incidents[0].key}/resolve`, headers: auth.per })
  const done = json(await t.app.inject({ url: `/api/process-instances/${instance.key}`, headers: auth.per }))
  assert.equal([done.status, done.incidents.length], ['completed', 0])
})

test.run()
