// What belongs to a case besides its own KE instance: an instance whose business key or caseId
// variable names the case, the instances it calls (they belong to their root's case), their
// tasks and their incidents. Each is shown only to those who may read the case.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { callActivity, catchEvent, chain, definitionOf, endEvent, startEvent, timer, userTask } from '../engine/helpers.js'
import { openAccessOffice, readsOf, type AccessOffice } from './access-fixture.js'

let office: AccessOffice
test.before(async () => {
  office = await openAccessOffice()
  const parent = definitionOf('access-parent', startEvent(), callActivity('call', 'access-child'), endEvent(), chain('start', 'call', 'end'))
  const child = definitionOf('access-child', startEvent(), userTask('note', '<zeebe:assignmentDefinition candidateGroups="caseworker"/>'), endEvent(), chain('start', 'note', 'end'))
  // A timer whose duration is missing: an incident at once.
  const broken = definitionOf('access-broken', startEvent(), catchEvent('wait', timer('duration', '=missingDuration')), endEvent(), chain('start', 'wait', 'end'))
  await office.t.engine.deploy([{ name: 'parent.bpmn', xml: parent }, { name: 'child.bpmn', xml: child }, { name: 'broken.bpmn', xml: broken }], 'per')
})
test.after(async () => {
  await office.close()
})

const get = (url: string, user: string) => office.t.app.inject({ url, headers: office.auth[user] })
const start = async (user: string, body: object) => {
  const response = await office.t.app.inject({ method: 'POST', url: '/api/process-instances', headers: office.auth[user], payload: body })
  assert.is(response.statusCode, 201, response.body)
  return json(response).key as string
}

test('an instance a case\'s instance called belongs to the case: its caseworkers see it whole (recorded), another unit gets 404, process owners see it withheld', async () => {
  const other = office.other
  const root = await start('eva', { bpmnProcessId: 'access-parent', businessKey: other.caseId, variables: { personName: other.name } })
  const [child] = await office.t.db.sql<{ key: string }[]>`select key::text from process_instances where root_key = ${root}`
  const [task] = await office.t.db.sql<{ key: string }[]>`select key::text from user_tasks where instance_key = ${child!.key}`

  const before = await readsOf(office, other.caseId, 'eva')
  const seen = await get(`/api/process-instances/${child!.key}`, 'eva')
  assert.is(seen.statusCode, 200, seen.body)
  assert.is(json(seen).variables.personName, other.name, 'the child got the parent\'s variables')
  assert.is(await readsOf(office, other.caseId, 'eva'), before + 1, 'reading the child is a read of the case')

  for (const url of [`/api/process-instances/${child!.key}`, `/api/process-instances/${child!.key}/history`, `/api/user-tasks/${task!.key}`, `/api/user-tasks/${task!.key}/form`]) {
    const response = await get(url, 'kari')
    assert.is(response.statusCode, 404, `${url}: ${response.body}`)
  }
  const listed = json(await get('/api/user-tasks?state=created&processId=access-child', 'kari'))
  assert.equal([listed.items, listed.total], [[], 0], 'nor in her task list, nor in its count')
  assert.is(json(await get('/api/user-tasks?state=created&processId=access-child', 'eva')).total, 1)

  const withheld = json(await get(`/api/process-instances/${child!.key}`, 'per'))
  assert.equal([withheld.variables, withheld.withheld, withheld.parent.rootInstanceKey], [{}, true, root])
  const form = await get(`/api/user-tasks/${task!.key}/form`, 'per')
  assert.is(form.statusCode, 200, form.body)
  assert.not.match(form.body, other.name)
})

test('an incident of a case\'s instance is listed to those who may read the case and to those who oversee the processes', async () => {
  const key = await start('eva', { bpmnProcessId: 'access-broken', variables: { caseId: office.other.caseId } })
  const keysOf = async (user: string) => json(await get(`/api/incidents?state=active`, user)).map((incident: any) => incident.instanceKey)
  assert.ok((await keysOf('eva')).includes(key), 'the case\'s caseworker sees it')
  for (const user of ['per', 'admin', 'randi']) assert.ok((await keysOf(user)).includes(key), `${user} oversees every incident`)
  assert.not.ok((await keysOf('kari')).includes(key), 'a caseworker of another unit does not')
  assert.equal(json(await get(`/api/incidents?instanceKey=${key}`, 'kari')), [])
  const plain = await start('kari', { bpmnProcessId: 'access-broken' })
  assert.ok((await keysOf('kari')).includes(plain), 'an incident of no case is hers to see')
})

test('the case list shows a reader exactly the cases they may open, whatever mix of roles they hold', async () => {
  const readers = {
    'caseworker and intake group': await office.t.tokenAs({ username: 'tove', roles: ['caseworker', 'intake-group'], unit: 'Bydel Nord' }),
    'coordinator': await office.t.tokenFor('ingrid'),
    'intake group': await office.t.tokenFor('ola'),
    'caseworker': await office.t.tokenFor('kari'),
  }
  for (const [who, token] of Object.entries(readers)) {
    const headers = { authorization: `Bearer ${token}` }
    const listed = json(await office.t.app.inject({ url: '/api/cases?limit=200', headers })).items.map((c: any) => c.id).sort()
    const opened = []
    for (const id of [office.own.caseId, office.other.caseId]) if ((await office.t.app.inject({ url: `/api/cases/${id}`, headers })).statusCode === 200) opened.push(id)
    assert.equal(listed, opened.sort(), who)
  }
})

test.run()
