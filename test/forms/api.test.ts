// Forms through the API: deployed with BPMN, served to the tasklist, and enforced when a
// caseworker completes a task. Runs on PGlite, or on Postgres with DATABASE_URL.
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { definition, startEvent, endEvent, userTask, chain, ioMapping } from '../engine/helpers.js'

let t: TestApp
const auth: Record<string, { authorization: string }> = {}
test.before(async () => {
  t = await testApp()
  for (const user of ['per', 'kari', 'ola', 'randi']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
})
test.after(async () => {
  await t.close()
})

const form = (name: string) => readFileSync(new URL(`../../forms/${name}.form`, import.meta.url), 'utf8')
/** One user task linking `formId` (or none), in a process of its own. */
const process = (processId: string, task: string) => definition(startEvent(), task, endEvent(), chain('start', 'task', 'end')).replace('id="p"', `id="${processId}"`)
const linked = (processId: string, formId: string) => process(processId, userTask('task', `<zeebe:formDefinition formId="${formId}"/>`))

function multipart(files: { name: string; content: string }[]) {
  const boundary = '----samflyt-forms-test'
  const payload = files
    .map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${f.content}\r\n`)
    .join('') + `--${boundary}--\r\n`
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

const deploy = (files: { name: string; content: string }[]) => {
  const body = multipart(files)
  return t.app.inject({ method: 'POST', url: '/api/deployments', headers: { ...auth.per, ...body.headers }, payload: body.payload })
}

async function startTask(processId: string, variables: Record<string, unknown> = {}): Promise<string> {
  const started = await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.kari, payload: { bpmnProcessId: processId, variables } })
  assert.is(started.statusCode, 201, started.body)
  const tasks = json(await t.app.inject({ method: 'GET', url: `/api/user-tasks?instanceKey=${json(started).key}&state=created`, headers: auth.kari }))
  assert.is(tasks.items.length, 1)
  return tasks.items[0].key
}

const complete = (key: string, variables: Record<string, unknown>, user = 'kari') =>
  t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/complete`, headers: auth[user], payload: { variables } })

const validRegistration = () => ({
  channel: 'application',
  receivedDate: '2025-03-14',
  personName: 'Kari Nordmann',
  language: 'nn',
  services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten sone nord', longTerm: true, coordinated: true }],
  description: 'Trenger hjelp fra flere tjenester som må samarbeide.',
})

test('forms deploy with the BPMN that links them, versioned per form id; a byte-identical redeploy is the same version', async () => {
  const first = await deploy([{ name: 'registration.bpmn', content: linked('registration-process', 'ke-registration') }, { name: 'registration.form', content: form('registration') }])
  assert.is(first.statusCode, 201, first.body)
  assert.equal(json(first).forms.map((f: any) => [f.formId, f.version, f.isNew]), [['ke-registration', 1, true]])

  const again = await deploy([{ name: 'registration.form', content: form('registration') }])
  assert.is(again.statusCode, 201, again.body)
  assert.equal(json(again).forms.map((f: any) => [f.formId, f.version, f.isNew]), [['ke-registration', 1, false]])

  const changed = form('registration').replace('"Mottatt dato"', '"Dato mottatt"')
  const third = await deploy([{ name: 'registration.form', content: changed }])
  assert.equal(json(third).forms.map((f: any) => [f.formId, f.version, f.isNew]), [['ke-registration', 2, true]])

  const latest = json(await t.app.inject({ method: 'GET', url: '/api/forms/ke-registration', headers: auth.kari }))
  assert.is(latest.version, 2)
  assert.ok(JSON.stringify(latest.schema).includes('Dato mottatt'))
  const older = json(await t.app.inject({ method: 'GET', url: '/api/forms/ke-registration?version=1', headers: auth.kari }))
  assert.equal([older.version, older.schema.id], [1, 'ke-registration'])
  const list = json(await t.app.inject({ method: 'GET', url: '/api/forms', headers: auth.randi }))
  assert.equal(list.latest.filter((f: any) => f.formId === 'ke-registration').map((f: any) => f.version), [2])
  const missing = await t.app.inject({ method: 'GET', url: '/api/forms/ke-nothing', headers: auth.kari })
  assert.is(missing.statusCode, 404)
})

test('a valid submission completes the task; the tasklist gets the linked form', async () => {
  await deploy([{ name: 'consent.bpmn', content: linked('consent-process', 'ke-consent') }, { name: 'consent.form', content: form('consent') }])
  const key = await startTask('consent-process')
  const served = json(await t.app.inject({ method: 'GET', url: `/api/user-tasks/${key}/form`, headers: auth.kari }))
  assert.equal([served.source, served.formId, served.version, served.schema.id], ['deployed', 'ke-consent', 1, 'ke-consent'])

  const done = await complete(key, { consentDecision: 'given', consentScope: ['individual-plan', 'coordinator'], consentGivenBy: 'person', consentDate: '2025-03-20' })
  assert.is(done.statusCode, 200, done.body)
  assert.is(json(done).state, 'completed')
})

test('an invalid submission gets 400 with each field\'s problem; the task stays open and claimable', async () => {
  await deploy([{ name: 'registration2.bpmn', content: linked('registration-check', 'ke-registration') }])
  const key = await startTask('registration-check')
  const secret = '12345678901'
  const bad = await complete(key, { ...validRegistration(), identityNumber: secret, channel: 'fax', personName: '', language: undefined, sneaky: true, services: [{ name: 'Avlastning', sector: 'moon', provider: '' }] })
  assert.is(bad.statusCode, 400, bad.body)
  const body = json(bad)
  assert.is(body.code, 'SAMFLYT_VALIDATION')
  const problems = Object.fromEntries(body.details.map((d: any) => [`${d.path}:${d.code}`, d.message]))
  assert.equal(Object.keys(problems).sort(), [
    'channel:option', 'identityNumber:unknown', 'language:required', 'personName:required', 'services[0].provider:required', 'services[0].sector:option', 'sneaky:unknown',
  ])
  assert.match(problems['personName:required'], /«Navn» må fylles ut/)
  assert.not.ok(bad.body.includes(secret), 'the answer never repeats an identity number (the form has none: task variables are kept in the history)')
  assert.not.ok(t.logs().includes(secret), 'nor does the log')

  const task = json(await t.app.inject({ method: 'GET', url: `/api/user-tasks/${key}`, headers: auth.kari }))
  assert.is(task.state, 'created')
  const claimed = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/claim`, headers: auth.kari })
  assert.is(claimed.statusCode, 200, claimed.body)
  const history = json(await t.app.inject({ method: 'GET', url: `/api/process-instances/${task.instanceKey}/history`, headers: auth.randi }))
  assert.not.ok(history.some((e: any) => e.type === 'userTaskCompleted'), 'nothing was written')

  const good = await complete(key, validRegistration())
  assert.is(good.statusCode, 200, good.body)
})

test('a task whose form hides a field by condition does not require it', async () => {
  // The letter-approval form's conditional comment, under a form id of its own: completing a
  // real ke-letter-approval task is also four eyes' business (test/letters/api.test.ts).
  const conditional = form('letter-approval').replace('"id": "ke-letter-approval"', '"id": "conditional-comment"')
  assert.ok(conditional.includes('"id": "conditional-comment"'))
  await deploy([{ name: 'letter.bpmn', content: linked('letter-process', 'conditional-comment') }, { name: 'conditional-comment.form', content: conditional }])
  const approved = await complete(await startTask('letter-process'), { letterApproval: 'approved' })
  assert.is(approved.statusCode, 200, approved.body)
  const key = await startTask('letter-process')
  const returned = await complete(key, { letterApproval: 'returned' })
  assert.equal(json(returned).details.map((d: any) => [d.path, d.code]), [['approvalComment', 'required']])
})

test('options from the task\'s variables (valuesKey) are checked against them', async () => {
  await deploy([{ name: 'coordinator.bpmn', content: linked('coordinator-process', 'ke-coordinator-appointment') }, { name: 'coordinator-appointment.form', content: form('coordinator-appointment') }])
  const candidates = [{ label: 'Ingrid Hansen (barnekoordinator)', value: 'c-1' }, { label: 'Per Olsen', value: 'c-2' }]
  const key = await startTask('coordinator-process', { coordinatorCandidates: candidates, suggestedCoordinatorId: 'c-1' })
  const stranger = await complete(key, { coordinatorId: 'c-9' })
  assert.equal(json(stranger).details.map((d: any) => [d.path, d.code]), [['coordinatorId', 'option'], ['coordinatorChoiceReason', 'required']])
  const other = await complete(key, { coordinatorId: 'c-2', coordinatorChoiceReason: 'Personen ønsket Per Olsen.' })
  assert.is(other.statusCode, 200, other.body)
})

test('a user task without a form gets one generated from its output mappings, and it is enforced by type', async () => {
  const task = userTask('task', ioMapping({}, { approved: '=approved', decisionDate: '=decisionDate', note: '=note', amount: '=amount' }))
  await deploy([{ name: 'generated.bpmn', content: process('generated-process', task) }])
  const key = await startTask('generated-process', { approved: false, amount: 3 })
  const served = json(await t.app.inject({ method: 'GET', url: `/api/user-tasks/${key}/form`, headers: auth.kari }))
  assert.is(served.source, 'generated')
  assert.is(served.version, null)
  const fields = served.schema.components.filter((c: any) => c.key).map((c: any) => [c.key, c.type])
  assert.equal(fields, [['approved', 'checkbox'], ['decisionDate', 'datetime'], ['note', 'textfield'], ['amount', 'number']])

  const bad = await complete(key, { approved: 'yes', decisionDate: '2025-02-30', amount: 'many' })
  assert.equal(json(bad).details.map((d: any) => [d.path, d.code]), [['approved', 'type'], ['decisionDate', 'type'], ['amount', 'type']])
  const good = await complete(key, { approved: true, decisionDate: '2025-02-28', extra: 'kept: a generated form does not refuse other keys' })
  assert.is(good.statusCode, 200, good.body)
})

test('a broken form file refuses the whole deployment, naming the file and the component', async () => {
  const broken = JSON.stringify({ id: 'broken-form', type: 'default', schemaVersion: 19, components: [
    { type: 'textfield', id: 'ok', key: 'ok' },
    { type: 'textfield', id: 'noKey', label: 'Uten nøkkel' },
    { type: 'select', key: 'choice', values: [] },
    { type: 'textfield', key: 'bad', validate: { pattern: '([' } },
    { type: 'rocket', key: 'r' },
  ] })
  const refused = await deploy([{ name: 'brokenlink.bpmn', content: linked('broken-process', 'broken-form') }, { name: 'broken.form', content: broken }])
  assert.is(refused.statusCode, 400)
  const body = json(refused)
  assert.is(body.code, 'SAMFLYT_INVALID_DEFINITION')
  assert.equal(body.details.map((d: any) => d.path), ['broken.form#noKey', 'broken.form#choice', 'broken.form#bad', 'broken.form#r'])
  assert.match(body.details[0].message, /needs a "key"/)
  assert.match(body.details[3].message, /Unknown component type "rocket"/)
  const processes = json(await t.app.inject({ method: 'GET', url: '/api/process-definitions?processId=broken-process', headers: auth.per }))
  assert.is(processes.all.length, 0, 'the BPMN was not deployed either')
  assert.is((await t.app.inject({ method: 'GET', url: '/api/forms/broken-form', headers: auth.per })).statusCode, 404)
})

test('a malformed form file, or an oversized one, is refused', async () => {
  const malformed = await deploy([{ name: 'malformed.form', content: '{ "id": "x", "components": [ ' }])
  assert.is(malformed.statusCode, 400)
  assert.equal(json(malformed).details.map((d: any) => d.path), ['malformed.form'])
  assert.match(json(malformed).details[0].message, /not valid JSON/)

  // Larger than the request limit: refused before it is parsed (parse.test.ts covers the form limit itself).
  const huge = JSON.stringify({ id: 'huge', type: 'default', schemaVersion: 19, components: [{ type: 'text', text: 'x'.repeat(300 * 1024) }] })
  const oversized = await deploy([{ name: 'huge.form', content: huge }])
  assert.is(oversized.statusCode, 413)
  assert.is((await t.app.inject({ method: 'GET', url: '/api/forms/huge', headers: auth.per })).statusCode, 404)
})

test('a user task linking a form that is not deployed is refused at deploy time', async () => {
  const refused = await deploy([{ name: 'orphan.bpmn', content: linked('orphan-process', 'ke-does-not-exist') }])
  assert.is(refused.statusCode, 400)
  assert.equal(json(refused).details.map((d: any) => d.path), ['orphan.bpmn#task'])
  assert.match(json(refused).details[0].message, /links form ke-does-not-exist/)
})

test.run()
