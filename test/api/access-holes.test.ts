// The holes issue 11 found, each tried as the attacker did: the case check stopped at
// /api/cases, the domain could be bypassed through the generic engine routes, and the intake
// group could give itself any case. Each test here failed on the code before the fix.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { openAccessOffice, readsOf, type AccessOffice } from './access-fixture.js'

let office: AccessOffice
test.before(async () => {
  office = await openAccessOffice()
})
test.after(async () => {
  await office.close()
})

const get = (url: string, user: string) => office.t.app.inject({ url, headers: office.auth[user] })
const post = (url: string, user: string, payload: unknown = {}) => office.t.app.inject({ method: 'POST', url, headers: office.auth[user], payload: payload as object })

test('a caseworker of another unit gets 404 on every engine and letter route of the case, and completing its task moves nothing', async () => {
  const { instanceKey, taskKey, letterId, caseId, name } = office.own
  for (const url of [
    `/api/cases/${caseId}`,
    `/api/process-instances/${instanceKey}`,
    `/api/process-instances/${instanceKey}/history`,
    `/api/user-tasks/${taskKey}`,
    `/api/user-tasks/${taskKey}/form`,
    `/api/cases/${caseId}/letters`,
    `/api/letters/${letterId}`,
    `/api/letters/${letterId}/pdf`,
  ]) {
    const response = await get(url, 'eva')
    assert.is(response.statusCode, 404, `${url}: ${response.statusCode}`)
    assert.not.match(response.body, name, url)
  }
  const list = json(await get(`/api/user-tasks?instanceKey=${instanceKey}`, 'eva'))
  assert.equal([list.items.length, list.total], [0, 0], 'the case\'s tasks are not in her list')
  assert.not.match(JSON.stringify(list), name)

  const preview = await post(`/api/letters/${letterId}/preview`, 'eva')
  assert.is(preview.statusCode, 404, preview.body)
  const complete = await post(`/api/user-tasks/${taskKey}/complete`, 'eva', { variables: { letterApproval: 'approved' } })
  assert.is(complete.statusCode, 404, complete.body)
  const [task] = await office.t.db.sql<{ state: string }[]>`select state from user_tasks where key = ${taskKey}`
  assert.is(task!.state, 'created', 'the task is still open')
  const [letter] = await office.t.db.sql<{ status: string }[]>`select status from letters where id = ${letterId}`
  assert.is(letter!.status, 'draft', 'the letter is not approved')
  assert.is(await readsOf(office, caseId, 'eva'), 0, 'nothing was shown, so nothing is recorded as read')
})

test('the intake group reads no case variables of a case off its agenda, and process owners see instances and tasks without them', async () => {
  const other = office.other
  const asMember = await get(`/api/process-instances/${other.instanceKey}`, 'ola')
  assert.is(asMember.statusCode, 404, 'a case on no agenda is not the intake group\'s')
  assert.is((await get(`/api/process-instances/${other.instanceKey}/history`, 'ola')).statusCode, 404)

  const instance = await get(`/api/process-instances/${other.instanceKey}`, 'per')
  assert.is(instance.statusCode, 200, instance.body)
  assert.equal([json(instance).variables, json(instance).withheld], [{}, true])
  assert.ok(json(instance).activeElements.some((e: any) => e.elementId === 'approveLetter'), 'the shape of the instance is there')
  const history = json(await get(`/api/process-instances/${other.instanceKey}/history`, 'per'))
  assert.ok(history.length > 5)
  assert.ok(history.every((entry: any) => Object.keys(entry.data).length === 0), 'history without its data')
  const tasks = json(await get(`/api/user-tasks?instanceKey=${other.instanceKey}&state=created`, 'per'))
  assert.is(tasks.items.length, 1)
  assert.equal(tasks.items[0].variables, {})
  for (const body of [instance.body, JSON.stringify(history), JSON.stringify(tasks)]) assert.not.match(body, other.name)
  assert.is(await readsOf(office, other.caseId, 'per'), 0)
})

test('every engine read that shows a case whole is recorded in its access log', async () => {
  const { caseId, instanceKey, taskKey, letterId, name } = office.own
  const reads = [
    [`/api/process-instances/${instanceKey}`, 'GET /api/process-instances/:key'],
    [`/api/process-instances/${instanceKey}/history`, 'GET /api/process-instances/:key/history'],
    [`/api/user-tasks?instanceKey=${instanceKey}`, 'GET /api/user-tasks (list)'],
    [`/api/user-tasks/${taskKey}`, 'GET /api/user-tasks/:key'],
    [`/api/user-tasks/${taskKey}/form`, 'GET /api/user-tasks/:key/form'],
    [`/api/letters/${letterId}`, 'GET /api/letters/:id'],
  ]
  for (const [url, purpose] of reads) {
    const response = await get(url!, 'siri')
    assert.is(response.statusCode, 200, `${url}: ${response.body}`)
    const log = json(await get(`/api/cases/${caseId}/access-log`, 'randi'))
    assert.is(log.at(-1).purpose, purpose, url)
    assert.is(log.at(-1).username, 'siri')
  }
  assert.match((await get(`/api/process-instances/${instanceKey}`, 'siri')).body, name, 'a caseworker of the unit sees the case whole')
})

test('the KE process cannot be started, changed, cancelled or messaged through the generic engine routes', async () => {
  const own = office.own
  const before = (await office.t.db.sql`select count(*)::int as n from process_instances where process_id = 'ke-sak'`)[0]!.n
  for (const user of ['kari', 'per', 'admin']) {
    const started = await post('/api/process-instances', user, { bpmnProcessId: 'ke-sak', variables: { caseId: own.caseId } })
    assert.is(started.statusCode, 403, `${user}: ${started.body}`)
    assert.match(json(started).message, 'POST /api/cases')
  }
  assert.is((await office.t.db.sql`select count(*)::int as n from process_instances where process_id = 'ke-sak'`)[0]!.n, before, 'no case process was started')

  const variables = await post(`/api/process-instances/${own.instanceKey}/variables`, 'admin', { variables: { description: 'overskrevet', status: 'assessment' } })
  assert.is(variables.statusCode, 403, variables.body)
  assert.match(json(variables).message, 'KE casework')
  const cancel = await post(`/api/process-instances/${own.instanceKey}/cancel`, 'admin')
  assert.is(cancel.statusCode, 403, cancel.body)
  const message = await post('/api/messages', 'per', { name: 'ke-withdrawn', correlationKey: own.caseId, variables: { withdrawnReason: 'falsk' } })
  assert.is(message.statusCode, 403, message.body)

  const [row] = await office.t.db.sql<{ status: string; instance: string }[]>`
    select c.status, i.status as instance from cases c join process_instances i on i.key = c.instance_key where c.id = ${own.caseId}`
  assert.equal(row, { status: 'decision-letter', instance: 'active' }, 'the case and its process are as they were')
  const [variable] = await office.t.db.sql<{ description: string }[]>`select state -> 'variables' ->> 'description' as description from process_instances where key = ${own.instanceKey}`
  assert.is.not(variable!.description, 'overskrevet')
})

test('a generic process that names a case the starter may not read is refused before it starts', async () => {
  const named = await post('/api/process-instances', 'eva', { bpmnProcessId: 'access-plain', variables: { caseId: office.own.caseId } })
  assert.is(named.statusCode, 404, named.body)
  const byKey = await post('/api/process-instances', 'eva', { bpmnProcessId: 'access-plain', businessKey: office.own.caseId })
  assert.is(byKey.statusCode, 404, byKey.body)
  const own = await post('/api/process-instances', 'eva', { bpmnProcessId: 'access-plain', variables: { caseId: office.other.caseId } })
  assert.is(own.statusCode, 201, 'her own unit\'s case may be named')
  assert.is((await get(`/api/process-instances/${json(own).key}`, 'kari')).statusCode, 404, 'and then it is that case\'s data: kari of another unit does not see it')
})

test('the intake group cannot give itself a case: members neither schedule meetings nor set agendas, and read only agenda cases', async () => {
  const other = office.other
  const meeting = await post('/api/meetings', 'ola', { startsAt: new Date(office.clock.now.getTime() + 86_400_000).toISOString() })
  assert.is(meeting.statusCode, 403, meeting.body)
  const agenda = await post(`/api/meetings/${office.meetingId}/agenda`, 'ola', { caseId: other.caseId })
  assert.is(agenda.statusCode, 403, agenda.body)
  const moved = await office.t.app.inject({ method: 'PATCH', url: `/api/meetings/${office.meetingId}`, headers: office.auth.ola, payload: { status: 'cancelled' } })
  assert.is(moved.statusCode, 403, moved.body)
  assert.is((await get(`/api/cases/${other.caseId}`, 'ola')).statusCode, 404, 'still not the group\'s case')
  const outcome = await office.t.app.inject({ method: 'PUT', url: `/api/meetings/${office.meetingId}/agenda/${other.caseId}/outcome`, headers: office.auth.ola, payload: { responsibleUnit: 'PPT', recommendation: 'PPT tar saken.' } })
  assert.is(outcome.statusCode, 404, outcome.body)

  // The secretary may put only a case they may read on an agenda.
  const foreign = await post(`/api/meetings/${office.meetingId}/agenda`, 'kari', { caseId: other.caseId })
  assert.is(foreign.statusCode, 404, foreign.body)
  // Members read the agenda's cases and record the group's outcome for them.
  const shown = json(await get(`/api/meetings/${office.meetingId}`, 'ola'))
  assert.equal(shown.agenda.map((item: any) => item.caseId), [office.own.caseId])
  assert.is((await get(`/api/cases/${office.own.caseId}`, 'ola')).statusCode, 200)
  const recorded = await office.t.app.inject({ method: 'PUT', url: `/api/meetings/${office.meetingId}/agenda/${office.own.caseId}/outcome`, headers: office.auth.ola, payload: { responsibleUnit: 'PPT', recommendation: 'PPT tar saken.' } })
  assert.is(recorded.statusCode, 200, recorded.body)
  // A caseworker of another unit does not see the KE case on the agenda.
  assert.equal(json(await get(`/api/meetings/${office.meetingId}`, 'eva')).agenda, [])
})

test.run()
