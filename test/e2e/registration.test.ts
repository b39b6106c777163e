// What the caseworker registers and decides beyond the plain facts: the person's wish of
// coordinator, chosen from the register, weighs in the suggestion; and a case the caseworker
// escalates by hand (from the registration or the assessment form) goes to the intake group
// with the complexity rule's manual-escalation reason and the caseworker's own words.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, completeTask, identity, openOffice, readCase, registerCase, registration, SIMPLE_FACTS, taskOf, COORDINATED_FACTS, type Office , CONSENT_TO_SHARE, recordIntakeOutcome } from './helpers.js'

let office: Office
const coordinators: Record<string, string> = {}
test.before(async () => {
  office = await openOffice()
  // Equal but for the name: without a wish, Anne ranks first (ties go by name).
  for (const name of ['Anne Aas', 'Berit Bø']) {
    const response = await office.t.app.inject({
      method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
      payload: { name, unit: 'Helse og omsorg', profession: 'Sykepleier', trainingCompleted: true, childCoordinatorQualified: false, capacity: 5 },
    })
    assert.is(response.statusCode, 201, response.body)
    coordinators[name] = json(response).id
  }
})
test.after(async () => {
  await office.close()
})


async function taskVariables(caseId: string, elementId: string) {
  const key = await taskOf(office, caseId, elementId)
  const [task] = await office.t.db.sql<{ variables: Record<string, any> }[]>`select variables from user_tasks where key = ${key}`
  return { key, variables: task!.variables }
}

const complete = (key: string, user: string, variables: Record<string, unknown>) =>
  office.t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/complete`, headers: office.auth[user], payload: { variables } })

test('the coordinator wish is chosen from the register in the registration form, and the wished coordinator is suggested first', async () => {
  const { case: registered } = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1961-03-03'), name: 'Vilde Vilje' }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false } })
  const verify = await taskVariables(registered.id, 'verify')
  assert.equal(verify.variables.coordinatorOptions.map((o: any) => o.value), [coordinators['Anne Aas'], coordinators['Berit Bø']], 'the register is offered')
  assert.match(verify.variables.coordinatorOptions[1].label, /^Berit Bø \(Helse og omsorg, sykepleier\)$/)

  const notInRegister = await complete(verify.key, 'kari', registration({ personName: 'Vilde Vilje', coordinatorWish: 'Berit' }))
  assert.is(notInRegister.statusCode, 400, 'a typed name is not a register entry')
  assert.equal(json(notInRegister).details.map((d: any) => `${d.path}:${d.code}`), ['coordinatorWish:option'])

  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Vilde Vilje', coordinatorWish: coordinators['Berit Bø'] }))
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'granted' }))
  const choose = await taskVariables(registered.id, 'chooseCoordinator')
  assert.is(choose.variables.suggestedCoordinatorId, coordinators['Berit Bø'])
  assert.equal(choose.variables.coordinatorCandidates.map((c: any) => c.value), [coordinators['Berit Bø'], coordinators['Anne Aas']])
  const wish = choose.variables.coordinatorSuggestionResult.reasons.find((r: any) => r.rule === 'wished-by-person')
  assert.is(wish.candidateId, coordinators['Berit Bø'])
  assert.is((await readCase(office, registered.id)).facts.coordinatorWish, coordinators['Berit Bø'], 'the wish is kept on the case')
})

test('an enquiry naming a coordinator wish that is not in the register is refused at intake', async () => {
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/cases', headers: office.auth.kari,
    payload: { channel: 'application', person: { identityNumber: identity('1962-04-04'), name: 'Ulla Ukjent' }, facts: { coordinatorWish: 'Berit Bø' } },
  })
  assert.is(response.statusCode, 400, response.body)
  assert.equal(json(response).details.map((d: any) => d.path), ['/facts/coordinatorWish'])
})

test('escalated by hand in the registration form: the complexity rule fires with its reason, and the case goes to the intake group', async () => {
  const { case: registered } = await registerCase(office, { channel: 'internal-notice', person: { identityNumber: identity('1983-07-07'), name: 'Eskil Eskalert' }, facts: SIMPLE_FACTS, consent: CONSENT_TO_SHARE })
  const verify = await taskVariables(registered.id, 'verify')
  const withoutReason = await complete(verify.key, 'kari', registration({ channel: 'internal-notice', personName: 'Eskil Eskalert', escalateAtRegistration: true }))
  assert.equal(json(withoutReason).details.map((d: any) => `${d.path}:${d.code}`), ['manualEscalation.reason:required'])

  const reason = 'Skolen og hjemmetjenesten er ikke enige om tiltakene; bør drøftes i mottaksgruppen.'
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'internal-notice', personName: 'Eskil Eskalert', escalateAtRegistration: true, manualEscalation: { reason } }))
  await taskOf(office, registered.id, 'intakeMeeting')
  const view = await readCase(office, registered.id)
  assert.is(view.route, 'complex')
  assert.equal(view.facts.manualEscalation, { reason })
  const complexity = view.ruleDecisions.find((d: any) => d.ruleSetId === 'complexity')
  assert.equal(complexity.reasons.map((r: any) => r.rule), ['manual-escalation'])
  const [recorded] = await office.t.db.sql<{ facts: any }[]>`select facts from decisions where id = ${complexity.id}`
  assert.equal(recorded!.facts.manualEscalation, { reason }, 'the caseworker\'s own words are in the recorded facts beside the rule\'s reason')
})

test('escalated by hand from the assessment form: assessed again, on the intake group\'s agenda, then back to the caseworker to decide', async () => {
  const { case: registered } = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1979-09-09'), name: 'Anders Andregang' }, facts: SIMPLE_FACTS, consent: CONSENT_TO_SHARE })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Anders Andregang' }))
  const decide = await taskVariables(registered.id, 'decide')
  assert.is(decide.variables.complex, false)
  const withoutReason = await complete(decide.key, 'kari', { escalateAtAssessment: true })
  assert.equal(json(withoutReason).details.map((d: any) => `${d.path}:${d.code}`), ['manualEscalation.reason:required'], 'escalating needs a reason, and no decision')

  const reason = 'Det er uklart om NAV eller kommunen skal ha ansvaret for oppfølgingen.'
  await completeTask(office, registered.id, 'decide', 'kari', { escalateAtAssessment: true, manualEscalation: { reason } })
  await taskOf(office, registered.id, 'intakeMeeting')
  const onAgenda = await readCase(office, registered.id)
  assert.is(onAgenda.status, 'intake-group')
  assert.is(onAgenda.intakeGroup.length, 1, 'on the agenda of the next meeting')
  const complexities = onAgenda.ruleDecisions.filter((d: any) => d.ruleSetId === 'complexity')
  assert.equal(complexities.map((d: any) => d.reasons.map((r: any) => r.rule)), [['not-complex'], ['manual-escalation']], 'the first assessment found it simple; the second fired the manual escalation')
  assert.ok(onAgenda.notifications.some((n: any) => n.kind === 'manual-escalation' && n.recipient === 'intake-group' && n.message.includes(reason)))

  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'coordinator', responsibleAgency: 'nav' })
  const again = await taskVariables(registered.id, 'decide')
  assert.equal([again.variables.complex, again.variables.escalateAtAssessment], [true, false], 'the escalation is spent; the form hides it for a complex case')
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'refused', coordinator: 'granted' }))
  await taskOf(office, registered.id, 'chooseCoordinator')
})

test.run()
