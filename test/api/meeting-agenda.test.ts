// What an agenda tells the intake group about each case: the person's name (never the identity
// number), why the case needs the group (the complexity rules' reasons in bokmål and nynorsk), the
// agencies the process notified, and the open task in which the outcome is recorded, gone once
// it is.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { COMPLEX_FACTS, completeTask, identity, openOffice, recordIntakeOutcome, registerCase, registration, taskOf, type Office } from '../e2e/helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

test('an agenda item names the person, the reasons, the agencies told and the outcome task', async () => {
  const meeting = json(await office.t.app.inject({ method: 'POST', url: '/api/meetings', headers: office.auth.kari, payload: { startsAt: new Date(office.clock.now.getTime() + 3_600_000).toISOString() } }))
  const number = identity('1975-02-03')
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', person: { identityNumber: number, name: 'Kari Kompleks' }, facts: COMPLEX_FACTS,
    // Consent to share is what lets the case go to the group and its agencies (hpl. § 21 ff.).
    consent: { consentGiven: true, ipDeclined: false, scope: ['individual-plan', 'coordinator', 'information-sharing'] },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Kari Kompleks' }))
  const key = await taskOf(office, registered.id, 'intakeMeeting')

  const response = await office.t.app.inject({ url: `/api/meetings/${meeting.id}`, headers: office.auth.ola })
  assert.is(response.statusCode, 200, response.body)
  assert.not.match(response.body, number, 'no identity number on the agenda')
  const [item] = json(response).agenda
  assert.is(item.personName, 'Kari Kompleks')
  assert.is(item.caseStatus, 'intake-group')
  assert.equal(item.notifiedAgencies, ['Hjemmetjenesten', 'NAV Sentrum'])
  assert.is(item.outcomeTaskKey, key)
  assert.ok(item.needs.length > 0, 'the reasons the case is complex')
  for (const need of item.needs) assert.ok(need.rule && need.reason && need.reasonNn, JSON.stringify(need))

  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'coordinator', responsibleAgency: 'nav' })
  await taskOf(office, registered.id, 'decide')
  const [after] = json(await office.t.app.inject({ url: `/api/meetings/${meeting.id}`, headers: office.auth.ola })).agenda
  assert.is(after.outcomeTaskKey, null, 'no outcome task once the outcome is recorded')
  assert.is(after.responsibleUnit, 'nav')
})

test.run()
