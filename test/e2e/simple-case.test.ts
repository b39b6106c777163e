// A simple case from intake to a granted decision, through the API on the real process.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, completeTask, identity, instanceEnded, openOffice, readCase, registerCase, registration, SIMPLE_FACTS, statusOf, type Office } from './helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

test('a simple case with consent is registered, assessed by the caseworker alone, granted, approved by a second person and closed', async () => {
  const number = identity('1980-05-17')
  const { case: registered, linkedTo } = await registerCase(office, {
    channel: 'application',
    person: { identityNumber: number, name: 'Ola Testmann', address: 'Storgata 1', postalCode: '5003', city: 'Bergen' },
    facts: SIMPLE_FACTS,
    consent: { consentGiven: true, ipDeclined: false },
    summary: 'Søker om koordinerte tjenester.',
  })
  assert.is(linkedTo, null)
  assert.match(registered.reference, /^KE-\d{4}-\d{5}$/)

  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Ola Testmann' }))
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused' }))
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await statusOf(office, registered.id, 'closed')
  assert.is(await instanceEnded(office, registered.id), 'completed')

  const view = await readCase(office, registered.id)
  assert.is(view.route, 'simple')
  assert.is(view.decision.outcome, 'granted')
  assert.equal(view.intakeGroup, [], 'a simple case never goes to the intake group')
  assert.ok(view.ruleDecisions.some((d: any) => d.ruleSetId === 'complexity'), 'the complexity evaluation is recorded on the case')
  assert.is(view.person.identityNumber, number, 'a caseworker sees the full number')
  const auditorView = await readCase(office, registered.id, 'randi')
  assert.is(auditorView.person.identityNumber, `${number.slice(0, 6)}*****`, 'an auditor sees it masked')
  const log = json(await office.t.app.inject({ url: `/api/cases/${registered.id}/access-log`, headers: office.auth.randi }))
  assert.ok(log.some((entry: any) => entry.username === 'kari' && entry.fullIdentity === true))
  assert.ok(log.some((entry: any) => entry.username === 'randi' && entry.fullIdentity === false))

  const decisions = await office.t.app.inject({ url: `/api/decisions?caseReference=${registered.id}`, headers: office.auth.randi })
  assert.is(decisions.statusCode, 200, decisions.body)
  assert.ok(json(decisions).length >= 4, 'complexity and the three rights')
  const byInstance = await office.t.app.inject({ url: `/api/decisions?processInstanceKey=${view.instanceKey}&ruleSetId=complexity`, headers: office.auth.kari })
  assert.is(json(byInstance).length, 1)
  const reads = json(await office.t.app.inject({ url: `/api/cases/${registered.id}/access-log`, headers: office.auth.randi }))
    .filter((entry: any) => entry.purpose === 'GET /api/decisions').map((entry: any) => entry.username)
  assert.equal(reads, ['randi', 'kari'], 'reading a case\'s decisions is recorded as a read of the case')
  const elsewhere = await office.t.tokenAs({ username: 'nils', roles: ['caseworker'], unit: 'NAV' })
  const refused = await office.t.app.inject({ url: `/api/decisions?caseReference=${registered.id}`, headers: { authorization: `Bearer ${elsewhere}` } })
  assert.is(refused.statusCode, 404, 'a caseworker of another unit may not read the case\'s decisions')
})

test.run()
