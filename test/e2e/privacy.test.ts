// The identity number lives on the person only. Process variables are copied into the history,
// every job and every user task, and kept for good, so the KE process carries the birth date
// (all the rules need for the age) and a reference to the person instead.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, completeTask, identity, openOffice, readCase, registerCase, registration, statusOf, type Office , CONSENT_TO_SHARE, recordIntakeOutcome } from './helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
    payload: { name: 'Berit Barnekoordinator', unit: 'Helse og omsorg', profession: 'Sykepleier', username: 'ingrid', trainingCompleted: true, childCoordinatorQualified: true, capacity: 5 },
  })
  assert.is(response.statusCode, 201, response.body)
})
test.after(async () => {
  await office.close()
})

/** Rows of the engine's and the rules' tables whose text holds `value` anywhere. */
async function rowsHolding(value: string) {
  const found: Record<string, number> = {}
  const pattern = `%${value}%`
  const sql = office.t.db.sql
  const tables = {
    process_instances: sql`select count(*)::int as n from process_instances t where t::text like ${pattern}`,
    history: sql`select count(*)::int as n from history t where t::text like ${pattern}`,
    jobs: sql`select count(*)::int as n from jobs t where t::text like ${pattern}`,
    user_tasks: sql`select count(*)::int as n from user_tasks t where t::text like ${pattern}`,
    incidents: sql`select count(*)::int as n from incidents t where t::text like ${pattern}`,
    timers: sql`select count(*)::int as n from timers t where t::text like ${pattern}`,
    message_subscriptions: sql`select count(*)::int as n from message_subscriptions t where t::text like ${pattern}`,
    decisions: sql`select count(*)::int as n from decisions t where t::text like ${pattern}`,
    case_notifications: sql`select count(*)::int as n from case_notifications t where t::text like ${pattern}`,
  }
  for (const [table, query] of Object.entries(tables)) {
    const [row] = (await query) as unknown as { n: number }[]
    if (row!.n > 0) found[table] = row!.n
  }
  return found
}

test('after a child-coordinator case runs from intake to a closed case, no variable, history row, job or task holds an identity number; the rules still knew the age', async () => {
  const child = identity('2015-05-05')
  const parent = identity('1985-08-08')
  const { case: registered } = await registerCase(office, {
    channel: 'application', sender: { role: 'parent', name: 'Mor Personvern' },
    person: { identityNumber: child, name: 'Pia Personvern' },
    guardians: [{ name: 'Mor Personvern', relation: 'parent', identityNumber: parent, mayConsent: true }],
    facts: {
      childHasSeriousCondition: true,
      services: [
        { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
        { name: 'Spesialundervisning', sector: 'school', provider: 'Nordnes skole', longTerm: true, coordinated: true },
      ],
    },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Pia Personvern' }))
  await completeTask(office, registered.id, 'consentReply', 'kari', { consentDecision: 'given', consentScope: ['individual-plan', 'coordinator', 'information-sharing'], consentGivenBy: 'guardian', consentDate: new Date().toISOString().slice(0, 10) })
  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'child-coordinator', responsibleAgency: 'ke' })
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused', child: 'granted' }))
  const coordinatorId = json(await office.t.app.inject({ url: '/api/coordinators', headers: office.auth.admin }))[0].id
  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId })
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await statusOf(office, registered.id, 'closed')

  assert.equal(await rowsHolding(child), {}, 'the child\'s number is in no engine or rules row')
  assert.equal(await rowsHolding(parent), {}, 'nor the parent\'s')
  // ...while what the rules need is there: the birth date and the person reference.
  const view = await readCase(office, registered.id)
  const [instance] = await office.t.db.sql<{ variables: Record<string, unknown> }[]>`select state -> 'variables' as variables from process_instances where key = ${view.instanceKey}`
  assert.equal([instance!.variables.birthDate, instance!.variables.personId], ['2015-05-05', (await office.t.db.sql`select person_id::text as id from cases where id = ${registered.id}`)[0]!.id])
  const childCoordinator = view.ruleDecisions.find((d: any) => d.ruleSetId === 'child-coordinator')
  assert.ok(childCoordinator.events.some((e: any) => e.type === 'child-coordinator-right'), 'the child coordinator right fired on the age from the birth date')
  const [decision] = await office.t.db.sql<{ facts: any }[]>`select facts from decisions where id = ${childCoordinator.id}`
  assert.is(decision!.facts.birthDate, '2015-05-05')
  assert.is(decision!.facts.childUnder18, true)
  assert.is(view.person.identityNumber, child, 'the caseworker still sees the full number, from the person')
})

test.run()
