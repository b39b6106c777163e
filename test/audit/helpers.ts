// A KE case taken from intake to its sent decision letter, by the people the four eyes need:
// kari registers and checks it, siri assesses and decides, kari approves the letter.
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, completeTask, identity, instanceEnded, registerCase, registration, COORDINATED_FACTS, type Office } from '../e2e/helpers.js'

export async function addCoordinator(office: Office): Promise<string> {
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
    payload: { name: 'Anne Koordinator', unit: 'Hjemmetjenesten', profession: 'Sykepleier', phone: '55 55 07 07', email: 'anne.koordinator@fjordvik.example', trainingCompleted: true, childCoordinatorQualified: false, capacity: 50 },
  })
  assert.is(response.statusCode, 201, response.body)
  return json(response).id
}

export async function decidedCase(office: Office, coordinatorId: string, name = 'Åse Ødegård'): Promise<{ id: string; reference: string; instanceKey: string }> {
  const { case: registered } = await registerCase(office, {
    channel: 'application', person: { identityNumber: identity('1979-02-01'), name, address: 'Bjørkeveien 7', postalCode: '5003', city: 'Bergen' },
    facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: name }))
  await completeTask(office, registered.id, 'decide', 'siri', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, registered.id, 'chooseCoordinator', 'siri', { coordinatorId })
  await completeTask(office, registered.id, 'approveLetter', 'kari', { letterApproval: 'approved' })
  assert.is(await instanceEnded(office, registered.id), 'completed')
  const [row] = await office.t.db.sql<{ instanceKey: string }[]>`select instance_key::text as "instanceKey" from cases where id = ${registered.id}`
  return { ...registered, instanceKey: row!.instanceKey }
}

export const integrityOf = async (office: Office, caseId: string, user = 'randi') => {
  const response = await office.t.app.inject({ url: `/api/cases/${caseId}/integrity?purpose=kontroll`, headers: office.auth[user]! })
  assert.is(response.statusCode, 200, response.body)
  return json(response)
}
