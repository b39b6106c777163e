// The intake group's pages in a real browser: the secretary (kari) finds the meeting the KE
// process put a complex case on and puts another case on its agenda by hand; a member (ola)
// records the group's outcome through the page, and the KE process moves on; a page left open
// after someone else recorded the outcome is refused in Norwegian; nynorsk; others are told the
// pages are not for them.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Page } from 'playwright-core'
import { accessibilityProblems, openBrowser, screenshot, signIn, type Browsing } from './helpers.js'
import { completeTask, focusOutline, openOffice, openTask, overflowsWidth, registeredCase, type Office } from './intake-office.js'

let office: Office
let browsing: Browsing
let meetingId: string
let complex: { id: string; reference: string }
let second: { id: string; reference: string }
let simple: { id: string; reference: string }

test.before(async () => {
  office = await openOffice()
  const meeting = await office.request('kari', 'POST', '/api/meetings', { startsAt: new Date(office.clock.now.getTime() + 3_600_000).toISOString(), location: 'Rådhuset, møterom 2' })
  assert.is(meeting.status, 201)
  meetingId = meeting.body.id
  const held = await office.request('kari', 'POST', '/api/meetings', { startsAt: new Date(office.clock.now.getTime() - 2 * 86_400_000).toISOString(), location: 'Rådhuset, møterom 1' })
  assert.is(held.status, 201)
  complex = await registeredCase(office, 'Kari Kompleks', '1975-02-03')
  second = await registeredCase(office, 'Per Sammensatt', '1981-06-14')
  simple = await registeredCase(office, 'Siv Enkel', '1950-01-20', {
    services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: false }],
  })
  await openTask(office, complex.id, 'intakeMeeting')
  await openTask(office, second.id, 'intakeMeeting')
  browsing = await openBrowser({ width: 1024, height: 768 })
})

test.after(async () => {
  await browsing?.close()
  await office?.close()
})

const caseCard = (page: Page, reference: string) => page.locator('.sf-agenda-item').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })

test('kari (the secretary) finds the meeting, reads its agenda, and puts a case on it by hand', async () => {
  const { page } = browsing
  await signIn(page, office.server, 'kari', '/mottaksgruppe')
  await page.getByRole('heading', { level: 1, name: 'Mottaksgruppe' }).waitFor()
  const upcoming = page.getByRole('region', { name: 'Kommende møter' })
  await upcoming.getByText('Rådhuset, møterom 2').waitFor()
  await page.getByRole('heading', { name: 'Sett opp et møte' }).waitFor()
  await page.getByRole('region', { name: 'Tidligere møter' }).getByText('Rådhuset, møterom 1').waitFor()
  assert.is(await upcoming.getByText('Rådhuset, møterom 1').count(), 0, 'a past meeting is not among the coming ones')
  await screenshot(page, 'mottaksgruppe-kari')
  assert.equal(await accessibilityProblems(page), [])
  assert.is(await overflowsWidth(page), false, 'nothing leaves the page at 1024 px')

  // A new meeting: without a date it is told at the field; with one it is on the list.
  const form = page.getByRole('region', { name: 'Sett opp et møte' })
  await form.getByRole('button', { name: 'Sett opp møtet' }).click()
  await form.getByText('Velg datoen for møtet.').waitFor()
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + 14 * 86_400_000))
  await form.getByLabel('Dato').fill(day)
  await form.getByLabel('Klokkeslett').fill('10:30')
  await form.getByLabel('Sted').fill('Rådhuset, møterom Ulriken')
  await form.getByRole('button', { name: 'Sett opp møtet' }).click()
  await form.getByText(/^Møtet .* kl\. 10:30 er satt opp\.$/).waitFor()
  await upcoming.getByText('Rådhuset, møterom Ulriken').waitFor()
  const meetings = (await office.request('kari', 'GET', '/api/meetings')).body
  const created = meetings.find((m: any) => m.location === 'Rådhuset, møterom Ulriken')
  assert.is(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(new Date(created.startsAt)), `${day} 10:30`)

  await upcoming.getByRole('link').first().click()
  await page.waitForURL((url) => url.pathname === `/mottaksgruppe/${meetingId}`)
  await page.getByRole('heading', { level: 1, name: /^Møte i mottaksgruppen / }).waitFor()
  const card = caseCard(page, complex.reference)
  await card.getByRole('heading', { name: `1. ${complex.reference} – Kari Kompleks` }).waitFor()
  // Why it needs the group, in the rules' words, and the agencies the process told.
  const agenda = (await office.request('kari', 'GET', `/api/meetings/${meetingId}`)).body.agenda
  const needs = agenda.find((item: any) => item.caseId === complex.id).needs
  assert.ok(needs.length > 0, 'the complexity rules gave a reason')
  await card.getByText(needs[0].reason).waitFor()
  await card.getByText('NAV Sentrum').waitFor()
  await card.getByText('Hjemmetjenesten').waitFor()
  await card.getByRole('link', { name: `Åpne saken ${complex.reference}` }).waitFor()
  // The outcome is the members' to record, in their task; the secretary sees that it waits for them.
  await card.getByText('Venter på konklusjonen fra mottaksgruppen.', { exact: false }).waitFor()
  assert.is(await card.getByRole('button', { name: /^Lagre konklusjonen/ }).count(), 0)

  // The simple case is not on the agenda: kari puts it there, from the keyboard.
  const chooser = page.getByLabel('Sak', { exact: true })
  await chooser.selectOption({ label: `${simple.reference} – Siv Enkel` })
  await chooser.focus()
  await page.keyboard.press('Tab')
  assert.is(await page.evaluate(() => document.activeElement?.textContent), 'Sett saken på sakslisten', 'Tab moves on to the button')
  assert.not.equal(await focusOutline(page), 'none', 'keyboard focus is visible')
  await page.keyboard.press('Enter')
  await page.getByText(`${simple.reference} er satt på sakslisten.`).waitFor()
  const byHand = caseCard(page, simple.reference)
  await byHand.getByText('Saken er satt på sakslisten for hånd. Konklusjonen føres i møtereferatet', { exact: false }).waitFor()
  const after = (await office.request('kari', 'GET', `/api/meetings/${meetingId}`)).body.agenda.map((item: any) => item.caseId)
  assert.equal(after, [complex.id, second.id, simple.id])

  // Its outcome goes into the minutes, which the secretary keeps; the casework goes on as before.
  await byHand.getByRole('button', { name: `Lagre konklusjonen for ${simple.reference}` }).click()
  await byHand.getByText('Utfall må fylles ut.').waitFor()
  await byHand.getByLabel('Annen oppfølging, ikke behov for koordinering').check()
  await byHand.getByLabel('Ansvarlig instans').selectOption({ label: 'Helse og omsorg' })
  await byHand.getByLabel('Anbefaling og merknader fra gruppen').fill('Hjemmetjenesten følger opp.')
  await byHand.getByRole('button', { name: `Lagre konklusjonen for ${simple.reference}` }).click()
  await byHand.getByText('Ført av kari', { exact: false }).waitFor()
  const minuted = (await office.request('kari', 'GET', `/api/meetings/${meetingId}`)).body.agenda.find((item: any) => item.caseId === simple.id)
  assert.is(minuted.recommendation, 'other-follow-up')
  assert.is(minuted.responsibleUnit, 'health-and-care')
  assert.is(minuted.outcomeNote, 'Hjemmetjenesten følger opp.')
  assert.ok(await openTask(office, simple.id, 'decide'), 'the caseworker still decides the case')
  await screenshot(page, 'mottaksgruppe-mote-kari')
  assert.equal(await accessibilityProblems(page), [])
  assert.is(await overflowsWidth(page), false)
})

test('ola records the group\'s outcome through the page; a missing field is told at the field, and the KE process moves on', async () => {
  const { page } = browsing
  office.clock.advanceHours(2) // the meeting has begun
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await signIn(page, office.server, 'ola', `/mottaksgruppe/${meetingId}`)
  const card = caseCard(page, complex.reference)
  const save = card.getByRole('button', { name: `Lagre konklusjonen for ${complex.reference}` })
  await save.waitFor()
  // No form for ola to set up meetings or agendas: that is the secretary's.
  assert.is(await page.getByRole('heading', { name: 'Sett en sak på sakslisten' }).count(), 0)

  // Saved with nothing chosen: the server's check, told at the fields in Norwegian.
  await save.click()
  await card.getByText('Utfall må fylles ut.').waitFor()
  await card.getByText('Ansvarlig instans må fylles ut.').waitFor()
  assert.ok(await openTask(office, complex.id, 'intakeMeeting'), 'the task is still open')

  // Filled in from the keyboard.
  await card.getByLabel('Koordinator uten individuell plan').focus()
  await page.keyboard.press('Space')
  assert.ok(await card.getByLabel('Koordinator uten individuell plan').isChecked())
  await card.getByLabel('Ansvarlig instans').focus()
  await card.getByLabel('Ansvarlig instans').selectOption('health-and-care')
  await card.getByLabel('Anbefaling og merknader fra gruppen').fill('Helse og omsorg tar ansvaret; NAV deltar.')
  // After the meeting-timing change the form also asks who attended: fill it when it does.
  const attendees = card.getByLabel('Til stede i møtet')
  if (await attendees.count()) await attendees.fill('Ola Hansen, PPT\nKari Nordmann, KE')
  await save.focus()
  await page.keyboard.press('Enter')
  await card.getByText(`Konklusjonen for ${complex.reference} er lagret, og saken går videre.`, { exact: false }).waitFor()

  // Through the API: the group's task is done, the case is back with the caseworker to decide,
  // and the outcome is on the agenda.
  await openTask(office, complex.id, 'decide')
  const view = (await office.request('kari', 'GET', `/api/cases/${complex.id}`)).body
  assert.is(view.status, 'assessment')
  assert.is(view.intakeGroup[0].responsibleUnit, 'health-and-care')
  assert.is(view.intakeGroup[0].recommendation, 'coordinator')
  assert.is(view.intakeGroup[0].recordedBy, 'ola')

  // The page shows the outcome as recorded.
  await card.getByText('Ført av ola', { exact: false }).waitFor()
  await card.getByText('Koordinator uten individuell plan').waitFor()
  await card.getByText('Helse og omsorg', { exact: true }).waitFor()
  await screenshot(page, 'mottaksgruppe-mote-ola')
  assert.equal(await accessibilityProblems(page), [])
  assert.is(await overflowsWidth(page), false)
})

test('an outcome recorded meanwhile by someone else is refused in Norwegian, and nynorsk reads the same page', async () => {
  const { page } = browsing
  const card = caseCard(page, second.reference)
  await card.getByRole('button', { name: `Lagre konklusjonen for ${second.reference}` }).waitFor()
  // Another member records the outcome for the second case while ola's page still shows the form.
  await completeTask(office, 'ola', second.id, 'intakeMeeting', await withAttendees(office, second.id, { intakeGroupOutcome: 'other-follow-up', responsibleAgency: 'nav' }))
  await card.getByLabel('Barnekoordinator').check()
  await card.getByLabel('Ansvarlig instans').selectOption('ke')
  const attendees = card.getByLabel('Til stede i møtet')
  if (await attendees.count()) await attendees.fill('Ola Hansen, PPT')
  await card.getByRole('button', { name: `Lagre konklusjonen for ${second.reference}` }).click()
  await card.getByText('Samflyt tok ikke imot dette').waitFor()
  await card.getByText(/Saken er ikke lenger i en tilstand der dette kan gjøres/).waitFor()
  await screenshot(page, 'mottaksgruppe-avvist')
  assert.equal(await accessibilityProblems(page), [])
  await card.getByRole('button', { name: 'Last inn på nytt' }).click()
  await card.getByText('Annen oppfølging, ikke behov for koordinering').waitFor()

  await page.getByRole('button', { name: 'Nynorsk' }).click()
  await page.getByRole('heading', { level: 1, name: /^Møte i mottaksgruppa / }).waitFor()
  await caseCard(page, complex.reference).getByText('Konklusjonen til gruppa').waitFor()
  await caseCard(page, complex.reference).getByText('Koordinator utan individuell plan').waitFor()
  await screenshot(page, 'mottaksgruppe-mote-nynorsk')
  await page.getByRole('button', { name: 'Bokmål' }).click()
  await page.getByRole('heading', { level: 1, name: /^Møte i mottaksgruppen / }).waitFor()
})

test('a coordinator is told in words that the intake group\'s pages are not for her', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await signIn(page, office.server, 'ingrid', `/mottaksgruppe/${meetingId}`)
  await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor()
  await page.getByText(/er ikke for deg\. Den er for: saksbehandler, mottaksgruppe, revisor, administrator\. Du er logget inn som koordinator\./).waitFor()
  assert.is(await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mottaksgruppe' }).count(), 0)
  assert.equal(await accessibilityProblems(page), [])
})

/** The form's required fields beyond the outcome itself (who attended, once the form asks). */
async function withAttendees(office: Office, caseId: string, variables: Record<string, unknown>) {
  const key = await openTask(office, caseId, 'intakeMeeting')
  const form = (await office.request('ola', 'GET', `/api/user-tasks/${key}/form`)).body
  const asks = (form.schema.components as { key?: string }[]).some((c) => c.key === 'meetingAttendees')
  return asks ? { ...variables, meetingAttendees: 'Ola Hansen, PPT' } : variables
}

test.run()
