// A small KE office for the access tests: two cases of known people, one in the KE unit (kari's)
// and one in another unit (registered by eva, a caseworker there), each with an open
// letter-approval task and a draft decision letter; the KE case on an intake-group meeting's
// agenda and appointed to ingrid as coordinator; and a process that belongs to no case.
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, completeTask, identity, openOffice, registerCase, registration, taskOf, SIMPLE_FACTS, type Office } from '../e2e/helpers.js'

export interface Target {
  caseId: string
  name: string
  identityNumber: string
  instanceKey: string
  taskKey: string
  letterId: string
}

export interface AccessOffice extends Office {
  own: Target
  other: Target
  /** A process that belongs to no case: its instance and open task. */
  plain: { instanceKey: string; taskKey: string }
  meetingId: string
  coordinatorId: string
}

/** A process of no case, with one user task open to anyone. */
export const PLAIN_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://samflyt.test">
  <bpmn:process id="access-plain" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="look" />
    <bpmn:userTask id="look" name="Se på"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="look" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`

export const OTHER_UNIT = 'Bydel Nord'

async function caseUpToLetter(office: Office, user: string, name: string, unit?: string): Promise<Target> {
  const identityNumber = identity('1971-03-04')
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/cases', headers: office.auth[user],
    payload: { channel: 'application', person: { identityNumber, name }, facts: SIMPLE_FACTS, consent: { consentGiven: true, ipDeclined: false }, summary: `Søknad fra ${name}.`, ...(unit ? { unit } : {}) },
  })
  assert.is(response.statusCode, 201, response.body)
  const caseId = json(response).case.id as string
  await completeTask(office, caseId, 'verify', user, registration({ personName: name }))
  await completeTask(office, caseId, 'decide', user, assessment({ ip: 'granted', coordinator: 'refused' }))
  const taskKey = await taskOf(office, caseId, 'approveLetter')
  const [row] = await office.t.db.sql<{ instanceKey: string; letterId: string }[]>`
    select c.instance_key::text as "instanceKey", l.id::text as "letterId" from cases c join letters l on l.case_id = c.id where c.id = ${caseId}`
  return { caseId, name, identityNumber, instanceKey: row!.instanceKey, taskKey, letterId: row!.letterId }
}

export async function openAccessOffice(): Promise<AccessOffice> {
  const office = await openOffice()
  office.auth.eva = { authorization: `Bearer ${await office.t.tokenAs({ username: 'eva', roles: ['caseworker'], unit: OTHER_UNIT })}` }
  const own = await caseUpToLetter(office, 'kari', 'Ragnhild Tilgangsen')
  const other = await caseUpToLetter(office, 'eva', 'Oddvar Fremmedsen')

  const meeting = await office.t.app.inject({ method: 'POST', url: '/api/meetings', headers: office.auth.kari, payload: { startsAt: new Date(office.clock.now.getTime() + 3 * 86_400_000).toISOString() } })
  assert.is(meeting.statusCode, 201, meeting.body)
  const meetingId = json(meeting).id as string
  const added = await office.t.app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/agenda`, headers: office.auth.kari, payload: { caseId: own.caseId } })
  assert.is(added.statusCode, 201, added.body)

  const coordinator = await office.t.app.inject({
    method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
    payload: { name: 'Ingrid Berg', unit: 'Fysio/ergo', profession: 'Fysioterapeut', username: 'ingrid', trainingCompleted: true, childCoordinatorQualified: false, capacity: 5 },
  })
  assert.is(coordinator.statusCode, 201, coordinator.body)
  const coordinatorId = json(coordinator).id as string
  // The relation under test, set as the coordinator-appointment step sets it (this simple case has none).
  await office.t.db.sql`update cases set coordinator_id = ${coordinatorId}, coordinator_appointed_at = now() where id = ${own.caseId}`

  const deployed = await office.t.app.inject({ method: 'POST', url: '/api/deployments?name=access-plain.bpmn', headers: { ...office.auth.per, 'content-type': 'application/xml' }, payload: PLAIN_BPMN })
  assert.is(deployed.statusCode, 201, deployed.body)
  const started = await office.t.app.inject({ method: 'POST', url: '/api/process-instances', headers: office.auth.per, payload: { bpmnProcessId: 'access-plain', variables: { note: 'ingen sak' } } })
  assert.is(started.statusCode, 201, started.body)
  const instanceKey = json(started).key as string
  const [task] = await office.t.db.sql<{ key: string }[]>`select key::text from user_tasks where instance_key = ${instanceKey}`
  return { ...office, own, other, plain: { instanceKey, taskKey: task!.key }, meetingId, coordinatorId }
}

/** How many reads of the case the access log holds for this user. */
export async function readsOf(office: Office, caseId: string, username: string): Promise<number> {
  const [row] = await office.t.db.sql<{ n: number }[]>`select count(*)::int as n from case_access_log where case_id = ${caseId} and username = ${username}`
  return row!.n
}
