// The coordinators' page in a real browser: ingrid, appointed child coordinator in a case, sees
// that case and her tasks; kari (the KE) reads the register with each coordinator's load and
// edits a coordinator's training, the register's rules told at the field; the intake group reads
// the register without editing it; a process owner is told the page is not for him.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { accessibilityProblems, openBrowser, screenshot, signIn, type Browsing } from './helpers.js'
import { completeTask, focusOutline, openOffice, openTask, overflowsWidth, registeredCase, type Office } from './intake-office.js'
import { eventually } from '../helpers/engine.js'

let office: Office
let browsing: Browsing
let childCase: { id: string; reference: string }
const ids: Record<string, string> = {}

/** A follow-up task for one coordinator (the KE process has none of its own for coordinators). */
const followUp = (user: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-${user}" targetNamespace="http://samflyt.example">
  <bpmn:process id="follow-up-${user}" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="meet" name="Følg opp planen (${user})">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="${user}" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="meet" />
    <bpmn:sequenceFlow id="f2" sourceRef="meet" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`

const osloDay = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(at)

test.before(async () => {
  office = await openOffice()
  for (const coordinator of [
    { name: 'Ingrid Berg', unit: 'Fysio/ergo', profession: 'Fysioterapeut', username: 'ingrid', trainingCompleted: true, trainedOn: '2023-10-12', childCoordinatorQualified: true, capacity: 6 },
    { name: 'Jonas Dahl', unit: 'Kultur og oppvekst', profession: 'Miljøterapeut', trainingCompleted: false, childCoordinatorQualified: false, capacity: 3 },
  ]) {
    const response = await office.request('kari', 'POST', '/api/coordinators', coordinator)
    assert.is(response.status, 201, JSON.stringify(response.body))
    ids[coordinator.name] = response.body.id
  }
  // A child-coordinator case through the intake group to an appointed coordinator: Ingrid.
  await office.request('kari', 'POST', '/api/meetings', { startsAt: new Date(office.clock.now.getTime() + 3_600_000).toISOString() })
  childCase = await registeredCase(office, 'Lille Barn', '2016-04-10', {
    childHasSeriousCondition: true,
    services: [
      { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
      { name: 'Spesialpedagogisk hjelp', sector: 'kindergarten', provider: 'Solsikken barnehage', longTerm: true, coordinated: true },
    ],
  }, { guardians: [{ name: 'Mor Barn', relation: 'parent', mayConsent: true }], consent: { consentGiven: true, ipDeclined: false, givenBy: 'parent' } })
  const intakeKey = await openTask(office, childCase.id, 'intakeMeeting')
  office.clock.advanceHours(2) // the meeting has begun
  const form = (await office.request('ola', 'GET', `/api/user-tasks/${intakeKey}/form`)).body
  const asksAttendees = (form.schema.components as { key?: string }[]).some((c) => c.key === 'meetingAttendees')
  await completeTask(office, 'ola', childCase.id, 'intakeMeeting', { intakeGroupOutcome: 'child-coordinator', responsibleAgency: 'ke', ...(asksAttendees ? { meetingAttendees: 'Ola Hansen, PPT' } : {}) })
  await completeTask(office, 'kari', childCase.id, 'decide', {
    assessment: 'Barnet har en alvorlig sykdom og trenger langvarige tjenester fra helse og barnehage.',
    individualPlanRight: 'granted', coordinatorRight: 'refused', childCoordinatorRight: 'granted',
    reasons: 'Vilkårene for barnekoordinator er oppfylt.',
  })
  await completeTask(office, 'kari', childCase.id, 'chooseCoordinator', { coordinatorId: ids['Ingrid Berg'] })
  await eventually(async () => (await office.request('kari', 'GET', `/api/cases/${childCase.id}`)).body.coordinator?.name === 'Ingrid Berg' || undefined)
  for (const user of ['ingrid', 'anne']) {
    await office.server.engine.deploy([{ name: `follow-up-${user}.bpmn`, xml: followUp(user) }], 'per')
    await office.server.engine.startInstance({ processId: `follow-up-${user}` }, 'kari')
  }
  browsing = await openBrowser({ width: 1024, height: 768 })
})

test.after(async () => {
  await browsing?.close()
  await office?.close()
})

test('ingrid sees the case she coordinates and her own tasks, and not the register', async () => {
  const { page } = browsing
  await signIn(page, office.server, 'ingrid', '/koordinatorer')
  await page.getByRole('heading', { level: 1, name: 'Koordinatorer' }).waitFor()
  const cases = page.getByRole('region', { name: 'Sakene du er koordinator for' })
  await cases.getByRole('link', { name: childCase.reference }).waitFor()
  await cases.getByText('Lille Barn').waitFor()
  const tasks = page.getByRole('region', { name: 'Oppgavene dine' })
  await tasks.getByRole('link', { name: 'Følg opp planen (ingrid)' }).waitFor()
  assert.is(await tasks.getByText('Følg opp planen (anne)').count(), 0, 'another coordinator\'s task is not hers')
  assert.is(await page.getByRole('heading', { name: 'Koordinatorregisteret' }).count(), 0)
  await screenshot(page, 'koordinatorer-ingrid')
  assert.equal(await accessibilityProblems(page), [])
  assert.is(await overflowsWidth(page), false, 'nothing leaves the page at 1024 px')

  await cases.getByRole('link', { name: childCase.reference }).click()
  await page.waitForURL((url) => url.pathname === `/saker/${childCase.id}`)
})

test('kari reads the register with each coordinator\'s load and edits Jonas Dahl\'s training; a date in the future is told at the field', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await signIn(page, office.server, 'kari', '/koordinatorer')
  const table = page.getByRole('table')
  const ingrid = table.getByRole('row').filter({ hasText: 'Ingrid Berg' })
  await ingrid.getByText('1 av 6').waitFor()
  await ingrid.getByText('Fullført 12. oktober 2023').waitFor()
  const jonas = table.getByRole('row').filter({ hasText: 'Jonas Dahl' })
  await jonas.getByText('Ikke fullført').waitFor()
  await screenshot(page, 'koordinatorer-kari')
  assert.equal(await accessibilityProblems(page), [])
  assert.is(await overflowsWidth(page), false)

  // From the keyboard: Tab to the row's button, Enter opens the form with focus on its heading.
  await ingrid.getByRole('button', { name: 'Endre Ingrid Berg' }).focus()
  await page.keyboard.press('Tab')
  assert.is(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Endre Jonas Dahl')
  assert.not.equal(await focusOutline(page), 'none', 'keyboard focus is visible')
  await page.keyboard.press('Enter')
  const form = page.getByRole('region', { name: 'Endre Jonas Dahl' })
  await form.waitFor()
  assert.is(await page.evaluate(() => document.activeElement?.textContent), 'Endre Jonas Dahl')

  await form.getByLabel('Opplæringen er fullført').check()
  const future = osloDay(new Date(office.clock.now.getTime() + 3 * 86_400_000))
  await form.getByLabel('Dato for fullført opplæring').fill(future)
  await form.getByRole('button', { name: 'Lagre endringene' }).click()
  await form.getByText('Datoen kan ikke være senere enn i dag.').waitFor()
  assert.is((await office.request('kari', 'GET', `/api/coordinators/${ids['Jonas Dahl']}`)).body.trainingCompleted, false, 'nothing written')
  await screenshot(page, 'koordinatorer-endre-feil')
  assert.equal(await accessibilityProblems(page), [])

  await form.getByLabel('Dato for fullført opplæring').fill('2026-11-03')
  await form.getByRole('button', { name: 'Lagre endringene' }).click()
  await page.getByText('Endringene for Jonas Dahl er lagret.').waitFor()
  await jonas.getByText('Fullført 3. november 2026').waitFor()
  assert.is(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Endre Jonas Dahl', 'focus back on the row')
  const saved = (await office.request('kari', 'GET', `/api/coordinators/${ids['Jonas Dahl']}`)).body
  assert.is(saved.trainingCompleted, true)
  assert.is(saved.trainedOn, '2026-11-03')
  assert.is(saved.capacity, 3, 'what was not changed stays')
})

test('the intake group reads the register but cannot edit it; a process owner is told the page is not for him', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await signIn(page, office.server, 'ola', '/koordinatorer')
  await page.getByRole('heading', { name: 'Koordinatorregisteret' }).waitFor()
  await page.getByText('Registeret føres av koordinerende enhet.').waitFor()
  await page.getByRole('table').getByText('Jonas Dahl').waitFor()
  assert.is(await page.getByRole('button', { name: /^Endre / }).count(), 0)
  assert.equal(await accessibilityProblems(page), [])

  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await signIn(page, office.server, 'per', '/koordinatorer')
  await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor()
  await page.getByText(/Siden «Koordinatorer» er ikke for deg\./).waitFor()
  assert.equal(await accessibilityProblems(page), [])
})

test.run()
