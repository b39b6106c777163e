// What can happen to a case besides a plain decision: consent refused (the IP part closes, the
// coordinator is still offered), withdrawal half-way, an interim reply when a month passes
// without an answer (the engine clock moves), and a duplicate enquiry linked to the open case.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { assessment, completeTask, identity, instanceEnded, openOffice, readCase, registerCase, registration, statusOf, taskOf, COORDINATED_FACTS, type Office } from './helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})


test('consent refused: the IP part closes, and the coordinator is still offered', async () => {
  const number = identity('1968-11-30')
  const { case: registered } = await registerCase(office, { channel: 'internal-notice', person: { identityNumber: number, name: 'Nils Nei' }, facts: COORDINATED_FACTS })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'internal-notice', personName: 'Nils Nei' }))
  await statusOf(office, registered.id, 'awaiting-consent')
  await completeTask(office, registered.id, 'consentReply', 'kari', { consentDecision: 'refused', consentGivenBy: 'person', consentDate: new Date().toISOString().slice(0, 10) })
  await taskOf(office, registered.id, 'decide')

  const view = await readCase(office, registered.id)
  assert.is(view.ipPartClosed, true)
  assert.is(view.consent.status, 'refused')
  const coordinator = view.ruleDecisions.find((d: any) => d.ruleSetId === 'coordinator')
  assert.ok(coordinator.events.some((e: any) => e.type === 'coordinator-consent-refused'), JSON.stringify(coordinator.events))
  assert.match(coordinator.reasons.find((r: any) => r.rule === 'consent-refused').reason, /tilbudet om koordinator står/)
  assert.not.ok(coordinator.reasons.some((r: any) => /ikke fått svar/.test(r.reason)), 'a refusal is not missing consent')
  assert.ok(view.notifications.some((n: any) => n.kind === 'consent-request'), 'consent was asked for')

  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'declined', coordinator: 'granted' }))
  await taskOf(office, registered.id, 'approveLetter')
  const [appointment] = await office.t.db.sql`select 1 from user_tasks t join cases c on c.instance_key = t.instance_key where c.id = ${registered.id} and t.element_id = 'chooseCoordinator'`
  assert.is(appointment, undefined, 'no coordinator is appointed without consent; the letter carries the offer')
  assert.equal((await readCase(office, registered.id)).decision.rights, { individualPlan: 'declined', coordinator: 'granted', childCoordinator: 'not-relevant' })
})

test('a case withdrawn half-way ends cleanly, with the reason recorded and its open task cancelled', async () => {
  const number = identity('1990-01-20')
  const { case: registered } = await registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Vera Trekk' }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false } })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Vera Trekk' }))
  const decideTask = await taskOf(office, registered.id, 'decide')
  const response = await office.t.app.inject({ method: 'POST', url: `/api/cases/${registered.id}/withdraw`, headers: office.auth.kari, payload: { reason: 'Personen har flyttet til en annen kommune.' } })
  assert.is(response.statusCode, 202, response.body)
  await statusOf(office, registered.id, 'withdrawn')
  assert.is(await instanceEnded(office, registered.id), 'completed')
  const [task] = await office.t.db.sql<{ state: string }[]>`select state from user_tasks where key = ${decideTask}`
  assert.is(task!.state, 'cancelled')
  const view = await readCase(office, registered.id)
  assert.is(view.withdrawnReason, 'Personen har flyttet til en annen kommune.')
  const again = await office.t.app.inject({ method: 'POST', url: `/api/cases/${registered.id}/withdraw`, headers: office.auth.kari, payload: { reason: 'igjen' } })
  assert.is(again.statusCode, 409)
})

test('a duplicate enquiry about a person with an open case is linked to it, not opened twice', async () => {
  const number = identity('1955-06-06')
  const first = await registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Dina Dobbel' }, facts: COORDINATED_FACTS })
  const second = await registerCase(office, { channel: 'nav-referral', person: { identityNumber: number, name: 'Dina Dobbel' } })
  assert.equal(second.linkedTo, { id: first.case.id, reference: first.case.reference })
  assert.is(second.case.status, 'linked')
  assert.is(await instanceEnded(office, second.case.id), 'completed')
  await eventually(async () => (await readCase(office, first.case.id)).notifications.some((n: any) => n.kind === 'duplicate-linked'))
  const view = await readCase(office, first.case.id)
  assert.equal(view.linkedCases.map((c: any) => c.id), [second.case.id])
  const search = json(await office.t.app.inject({ method: 'POST', url: '/api/cases/search', headers: office.auth.kari, payload: { identityNumber: number } }))
  assert.equal(search.items.map((c: any) => c.id).sort(), [first.case.id, second.case.id].sort(), 'a search by identity number (in the body) finds both')
})

test('two enquiries about one person at once make one open case and one linked to it; the open one has its first task when intake answers', async () => {
  const number = identity('1966-02-02')
  const [a, b] = await Promise.all([
    registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Sam Samtidig' }, facts: COORDINATED_FACTS }),
    registerCase(office, { channel: 'internal-notice', person: { identityNumber: number, name: 'Sam Samtidig' } }),
  ])
  const [open, linked] = a.linkedTo ? [b, a] : [a, b]
  assert.is(open.linkedTo, null)
  assert.equal(linked.linkedTo, { id: open.case.id, reference: open.case.reference })
  const [task] = await office.t.db.sql`
    select 1 from user_tasks t join cases c on c.instance_key = t.instance_key where c.id = ${open.case.id} and t.element_id = 'verify' and t.state = 'created'`
  assert.ok(task, 'the registration task was made in the intake\'s own transaction')
  assert.is(open.case.status, 'registered')
})

test('no answer within a month gives an interim reply, and a case past its deadline escalates to the leader', async () => {
  const number = identity('1972-08-08')
  const { case: registered } = await registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Lars Lang' }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false } })
  await taskOf(office, registered.id, 'verify')
  office.clock.advanceDays(32)
  // The engine fires timers due by its own clock; a test that moves the clock asks it to look now.
  await office.t.engine.fireDueTimers()
  const view = await eventually(async () => {
    const v = await readCase(office, registered.id)
    return v.interimReplySentAt && v.escalatedAt ? v : undefined
  })
  const kinds = view.notifications.map((n: any) => `${n.kind} ${n.recipient}`)
  assert.ok(kinds.includes('interim-reply person'), kinds.join(', '))
  assert.ok(kinds.includes('overdue-escalation ke-leader'), kinds.join(', '))
  assert.match(view.notifications.find((n: any) => n.kind === 'interim-reply').message, /Foreløpig svar/)
  const overdue = json(await office.t.app.inject({ url: '/api/cases?overdue=true', headers: office.auth.kari }))
  assert.ok(overdue.items.some((c: any) => c.id === registered.id))
  // The case goes on: the verification task is still open.
  await taskOf(office, registered.id, 'verify')
})

test('bad enquiries get 400 naming each field, without quoting the identity number; numbers never travel in URLs', async () => {
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/cases', headers: office.auth.kari,
    payload: { channel: 'nav-referral', sender: { role: 'person' }, person: { identityNumber: '12345678901', name: 'Feil' } },
  })
  assert.is(response.statusCode, 400)
  const paths = json(response).details.map((d: any) => d.path)
  assert.ok(paths.includes('/person/identityNumber'), paths.join(', '))
  assert.ok(paths.includes('/sender/role'), paths.join(', '))
  assert.not.match(response.body, /12345678901/)
  // The facts are a documented vocabulary (the OpenAPI document): a wrong one is refused at the door, by its path.
  const facts = await office.t.app.inject({
    method: 'POST', url: '/api/cases', headers: office.auth.kari,
    payload: { channel: 'nav-referral', person: { identityNumber: identity('1970-01-01'), name: 'Feil' }, facts: { services: [{ name: 'x' }] } },
  })
  assert.is(facts.statusCode, 400)
  assert.ok(json(facts).details.some((d: any) => d.path.startsWith('/body/facts/services/0')), facts.body)
  const inUrl = await office.t.app.inject({ url: '/api/cases?q=12345678901', headers: office.auth.kari })
  assert.is(inUrl.statusCode, 400)
  assert.not.match(office.t.logs(), new RegExp(identity('1999-09-09').slice(0, 6) + '\\d{5}'))
})

test.run()
