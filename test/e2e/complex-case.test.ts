// Complex cases: through the intake group (agenda of its next meeting, agencies notified, the
// group's outcome recorded), then a coordinator appointed from the rules' suggestions; and a
// child-coordinator case, where only a qualified child coordinator is suggested.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, COMPLEX_FACTS, CONSENT_TO_SHARE, completeTask, identity, recordIntakeOutcome, openOffice, readCase, registerCase, registration, statusOf, taskOf, type Office } from './helpers.js'

let office: Office
const coordinators: Record<string, string> = {}
test.before(async () => {
  office = await openOffice()
  for (const [name, child] of [['Anne Koordinator', false], ['Berit Barnekoordinator', true]] as const) {
    const response = await office.t.app.inject({
      method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
      payload: { name, unit: 'Helse og omsorg', profession: 'Sykepleier', username: child ? 'ingrid' : null, trainingCompleted: true, childCoordinatorQualified: child, capacity: 5 },
    })
    assert.is(response.statusCode, 201, response.body)
    coordinators[name] = json(response).id
  }
})
test.after(async () => {
  await office.close()
})

test('a complex case goes onto the next meeting\'s agenda, the agencies are told, the group\'s outcome is recorded, and a coordinator is appointed', async () => {
  const meeting = json(await office.t.app.inject({ method: 'POST', url: '/api/meetings', headers: office.auth.kari, payload: { startsAt: new Date(office.clock.now.getTime() + 3 * 86_400_000).toISOString(), location: 'Rådhuset, møterom 2' } }))
  const number = identity('1975-02-03')
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', sender: { name: 'Per Veileder', organisation: 'NAV Sentrum' },
    person: { identityNumber: number, name: 'Kari Kompleks' }, facts: COMPLEX_FACTS, consent: CONSENT_TO_SHARE,
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Kari Kompleks' }))
  await taskOf(office, registered.id, 'intakeMeeting')

  const agenda = json(await office.t.app.inject({ url: `/api/meetings/${meeting.id}`, headers: office.auth.ola }))
  assert.equal(agenda.agenda.map((item: any) => item.caseId), [registered.id], 'on the agenda of the next planned meeting')
  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'individual-plan-and-coordinator', responsibleAgency: 'health-and-care', intakeGroupNotes: 'Helse og omsorg tar ansvaret.' })
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId: coordinators['Anne Koordinator'] })
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await statusOf(office, registered.id, 'closed')

  const view = await readCase(office, registered.id)
  assert.is(view.route, 'complex')
  assert.is(view.intakeGroup[0].responsibleUnit, 'health-and-care')
  assert.is(view.intakeGroup[0].recommendation, 'individual-plan-and-coordinator')
  assert.is(view.coordinator.name, 'Anne Koordinator')
  const kinds = view.notifications.map((n: any) => `${n.kind} ${n.recipient}`)
  assert.ok(kinds.includes('agency-notice agency:NAV Sentrum'), kinds.join(', '))
  assert.ok(kinds.includes('agency-notice agency:Hjemmetjenesten'), kinds.join(', '))
  assert.ok(kinds.some((k: string) => k.startsWith('coordinator-appointed')), kinds.join(', '))
  const complexity = view.ruleDecisions.find((d: any) => d.ruleSetId === 'complexity')
  assert.ok(complexity.reasons.some((r: any) => r.rule === 'sectors-and-providers'), 'the reason that made it complex is on the case')
  // The intake group reads the case (it was on their agenda), with the identity masked.
  assert.match((await readCase(office, registered.id, 'ola')).person.identityNumber, /\*{5}$/)
})

test('a child-coordinator case suggests only qualified child coordinators, and the coordinator sees the case', async () => {
  const child = identity('2016-04-10')
  const { case: registered } = await registerCase(office, {
    channel: 'health-personnel-notice', sender: { name: 'Lege Hansen', organisation: 'Haukeland universitetssjukehus' },
    person: { identityNumber: child, name: 'Lille Barn' },
    guardians: [{ name: 'Mor Barn', relation: 'parent', mayConsent: true }],
    facts: {
      childHasSeriousCondition: true,
      services: [
        { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
        { name: 'Spesialpedagogisk hjelp', sector: 'kindergarten', provider: 'Solsikken barnehage', longTerm: true, coordinated: true },
      ],
    },
    consent: { ...CONSENT_TO_SHARE, givenBy: 'parent' },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'health-personnel-notice', personName: 'Lille Barn' }))
  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'child-coordinator', responsibleAgency: 'ke' })
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused', child: 'granted' }))

  const key = await taskOf(office, registered.id, 'chooseCoordinator')
  const [task] = await office.t.db.sql<{ variables: any }[]>`select variables from user_tasks where key = ${key}`
  assert.equal(task!.variables.coordinatorCandidates.map((c: any) => c.value), [coordinators['Berit Barnekoordinator']], 'the unqualified coordinator is excluded')
  assert.is(task!.variables.suggestedCoordinatorId, coordinators['Berit Barnekoordinator'])
  const childDecision = (await readCase(office, registered.id)).ruleDecisions.find((d: any) => d.ruleSetId === 'child-coordinator')
  assert.ok(childDecision.events.some((e: any) => e.type === 'child-coordinator-right'))

  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId: coordinators['Berit Barnekoordinator'] })
  await statusOf(office, registered.id, 'decision-letter')
  const mine = json(await office.t.app.inject({ url: '/api/cases', headers: office.auth.ingrid }))
  assert.equal(mine.items.map((c: any) => c.id), [registered.id], 'the coordinator lists the cases appointed to them')
})

test.run()
