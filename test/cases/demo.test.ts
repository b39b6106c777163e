// The demo office (embedded default): seeded on a fresh database by driving the real KE process,
// it looks like a working office to a new user: cases at every step, tasks waiting for Kari
// (caseworker) and Ola (intake group), Ingrid (coordinator) appointed to a case, a register and
// the intake group's next meetings. A second run adds nothing.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { seedDemoOffice } from '../../src/demo/office.js'
import { DEMO_COORDINATORS } from '../../src/demo/register.js'

let t: TestApp
const auth: Record<string, { authorization: string }> = {}
test.before(async () => {
  t = await testApp({}, { cases: true })
  for (const user of ['kari', 'ola', 'ingrid', 'randi', 'admin']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
})
test.after(async () => {
  await t.close()
})

const get = async (url: string, user: string) => {
  const response = await t.app.inject({ url, headers: auth[user] })
  assert.is(response.statusCode, 200, `${url}: ${response.body}`)
  return json(response)
}

const counts = async () => (await t.db.sql<Record<string, number>[]>`
  select (select count(*)::int from cases) as cases, (select count(*)::int from coordinators) as coordinators,
         (select count(*)::int from intake_meetings) as meetings, (select count(*)::int from users) as users,
         (select count(*)::int from process_instances) as instances`)[0]!

test('a fresh embedded office gets cases at every step of the process, tasks for each role, the register and the meeting schedule', async () => {
  const result = await seedDemoOffice(t.db.sql, t.engine)
  assert.ok(result.seeded)
  if (!result.seeded) return
  assert.equal(result.cases.map((c) => c.waitsAt), ['verify', 'consentReply', 'decide', 'intakeMeeting', 'chooseCoordinator', 'approveLetter', 'closed'])

  const cases = await get('/api/cases?limit=50', 'kari')
  assert.is(cases.total, 7, 'Kari sees her unit\'s cases')
  assert.equal(cases.items.map((c: any) => c.status).sort(), ['assessment', 'awaiting-consent', 'closed', 'coordinator-appointment', 'decision-letter', 'intake-group', 'registered'])
  assert.ok(cases.items.every((c: any) => /^\d{6}\*{5}$/.test(c.person.identityNumber)), 'identity numbers masked in the list')
  assert.equal(cases.items.filter((c: any) => c.route === 'complex').length, 3, 'three cases went to the intake group')

  const kari = await get('/api/user-tasks?candidateGroup=caseworker&state=created', 'kari')
  assert.equal(kari.items.map((task: any) => task.elementId).sort(), ['approveLetter', 'chooseCoordinator', 'consentReply', 'decide', 'verify'])
  const ola = await get('/api/user-tasks?candidateGroup=intake-group&state=created', 'ola')
  assert.equal(ola.items.map((task: any) => task.elementId), ['intakeMeeting'])
  const ingrid = await get('/api/cases', 'ingrid')
  assert.equal(ingrid.items.map((c: any) => c.status), ['closed'], 'Ingrid is the child coordinator of the decided case')
  assert.is((await get(`/api/cases/${ingrid.items[0].id}`, 'ingrid')).coordinator.name, 'Ingrid Berg')

  const register = await get('/api/coordinators', 'kari')
  assert.equal(register.map((c: any) => c.name).sort(), DEMO_COORDINATORS.map((c) => c.name).sort())
  const ingridInRegister = register.find((c: any) => c.username === 'ingrid')
  assert.equal([ingridInRegister.childCoordinatorQualified, ingridInRegister.trainingCompleted, ingridInRegister.currentLoad], [true, true, 0], 'a closed case is no load')
  assert.is(register.find((c: any) => c.name === 'Lars Haugen').currentLoad, 1, 'appointed to the case whose letter awaits approval')
  assert.ok(register.every((c: any) => c.email?.endsWith('@samflyt.example') && c.phone?.startsWith('+47')), 'contact details, on a reserved domain')

  const meetings = await get('/api/meetings', 'ola')
  assert.is(meetings.length, 4)
  assert.ok(meetings.every((m: any) => new Date(m.startsAt) > t.engine.clock() && m.status === 'planned'))
  const next = await get(`/api/meetings/${meetings[0].id}`, 'ola')
  assert.is(next.agenda.length, 1, 'the child\'s case, whose parents consented to sharing, waits for the next meeting')
  assert.is(next.agenda[0].recordedAt, null)
  // The two decided complex cases had no consent to share: the KE handled them alone, and said so.
  const alone = await t.db.sql<{ n: number }[]>`select count(*)::int as n from case_notifications where kind = 'handled-alone'`
  assert.is(alone[0]!.n, 2)

  // Kari registered the cases and Siri assessed them, so Kari may approve the waiting letter.
  const letterTask = kari.items.find((task: any) => task.elementId === 'approveLetter')
  const approved = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${letterTask.key}/complete`, headers: auth.kari, payload: { variables: { letterApproval: 'approved' } } })
  assert.is(approved.statusCode, 200, approved.body)

  // The enquiry received over a month ago, still waiting for consent, got an interim reply and was escalated.
  const waiting = cases.items.find((c: any) => c.status === 'awaiting-consent')
  assert.is(waiting.overdue, true)
  await eventually(async () => {
    const view = await get(`/api/cases/${waiting.id}`, 'kari')
    return view.interimReplySentAt && view.escalatedAt ? view : undefined
  })
})

test('a second run (a restart) adds nothing', async () => {
  const before = await counts()
  const again = await seedDemoOffice(t.db.sql, t.engine)
  assert.equal(again.seeded, false)
  assert.equal(await counts(), before)
})

test('an office with cases of its own gets no demo data', async () => {
  const own = await testApp({}, { cases: true })
  try {
    await own.db.sql`insert into coordinators (name, unit, profession, training_completed, child_coordinator_qualified, capacity) values ('Egen Koordinator', 'KE', 'Sykepleier', true, false, 3)`
    const result = await seedDemoOffice(own.db.sql, own.engine)
    assert.equal(result.seeded, false)
    const [row] = await own.db.sql<{ cases: number }[]>`select count(*)::int as cases from cases`
    assert.is(row!.cases, 0)
  } finally {
    await own.close()
  }
})

test.run()
