// The case history page in a real browser, as randi (internal control): a finished case that
// kari registered, ola's intake group discussed and siri decided. She states a purpose before
// the case opens; the diagram has the path drawn on it, the timeline names kari, ola and siri for
// their steps with what they entered, the decisions' reasons are there, the record is whole, the
// access log shows this very visit with its purpose, a click on a step filters the timeline, and
// the exported PDF holds the timeline.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { accessibilityProblems, openBrowser, screenshot, signIn, webServer, type Browsing, type WebServer } from './helpers.js'
import { json } from '../helpers/app.js'
import { flat, pdfText } from '../letters/fixtures.js'
import { assessment, COMPLEX_FACTS, CONSENT_TO_SHARE, completeTask, identity, instanceEnded, recordIntakeOutcome, registerCase, registration, type Office } from '../e2e/helpers.js'
import { addCoordinator } from '../audit/helpers.js'

let server: WebServer
let browsing: Browsing
let caseId: string

test.before(async () => {
  const clock = { now: new Date(), advanceDays(days: number) { this.now = new Date(this.now.getTime() + days * 86_400_000) } }
  server = await webServer({}, { clock: () => clock.now, cases: true })
  const auth: Office['auth'] = {}
  for (const user of ['kari', 'siri', 'ola', 'randi', 'admin']) auth[user] = { authorization: `Bearer ${await server.tokenFor(user)}` }
  const office: Office = { t: server, auth, clock, close: async () => {} }
  const coordinatorId = await addCoordinator(office)
  const meeting = await server.app.inject({ method: 'POST', url: '/api/meetings', headers: auth.kari, payload: { startsAt: new Date(clock.now.getTime() + 3 * 86_400_000).toISOString(), location: 'Rådhuset' } })
  assert.is(meeting.statusCode, 201, meeting.body)
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', sender: { name: 'Per Veileder', organisation: 'NAV Sentrum' },
    person: { identityNumber: identity('1975-02-03'), name: 'Kari Kompleks' }, facts: COMPLEX_FACTS, consent: CONSENT_TO_SHARE,
  })
  caseId = registered.id
  await completeTask(office, caseId, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Kari Kompleks' }))
  // The group's outcome is recorded once its meeting has begun, with who attended.
  await recordIntakeOutcome(office, caseId, { intakeGroupOutcome: 'individual-plan-and-coordinator', responsibleAgency: 'health-and-care', intakeGroupNotes: 'Helse og omsorg tar ansvaret.' })
  await completeTask(office, caseId, 'decide', 'siri', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, caseId, 'chooseCoordinator', 'siri', { coordinatorId })
  await completeTask(office, caseId, 'approveLetter', 'kari', { letterApproval: 'approved' })
  assert.is(await instanceEnded(office, caseId), 'completed')
  browsing = await openBrowser({ width: 1280, height: 900 })
})

test.after(async () => {
  await browsing?.close()
  await server?.close()
})

test('randi states a purpose, and the case history opens: the path drawn, the timeline in words, the record whole', async () => {
  const { page, problems } = browsing
  await signIn(page, server, 'randi', `/saker/${caseId}/historikk`)
  await page.getByRole('heading', { level: 1, name: `Historikk for sak ${caseId}` }).waitFor()
  await page.getByRole('button', { name: 'Åpne historikken' }).click()
  await page.getByText('Skriv formålet med innsynet').waitFor()
  await screenshot(page, 'saker-historikk-formaal')
  assert.equal(await accessibilityProblems(page), [])
  await page.getByLabel('Formål med innsynet').fill('Klage fra foresatte')
  await page.getByRole('button', { name: 'Åpne historikken' }).click()

  const timeline = page.getByRole('list', { name: 'Tidslinje' })
  await timeline.getByText('Siri Dahl (saksbehandler) fullførte «Vurder og avgjør saken»').waitFor()
  const text = await timeline.innerText()
  assert.match(text, /Kari Nordmann \(saksbehandler\) fullførte «Kontroller henvendelsen» \d+\. \w+ \d{4} kl\. \d{2}\.\d{2}/)
  assert.match(text, /Ola Hansen \(mottaksgruppen\) fullførte «Behandle saken i mottaksgruppen»/)
  assert.ok(text.includes('Helse og omsorg tar ansvaret.'), 'what ola entered')
  assert.ok(text.includes('Begrunnelsen for vedtaket, slik den skal stå i vedtaksbrevet.'), 'what siri entered')
  assert.match(text, /Regelverket «Kompleks sak» \(versjon \d+\) vurderte saken/)
  assert.ok(text.includes('Begrunnelse'), 'the reasons that fired')
  assert.not.match(text, /vm:\d+|worker:/, 'no worker or host named')
  await page.getByText('Saksloggen er hel').waitFor()

  // The diagram: flows taken and steps visited are marked on it (bpmn-js's own element classes).
  await page.locator('.djs-connection.sf-taken').first().waitFor({ state: 'attached' })
  assert.ok(await page.locator('.djs-connection.sf-taken').count() > 10, 'flows taken are drawn')
  assert.ok(await page.locator('.djs-element.sf-visited').count() > 10, 'steps visited are marked')
  assert.ok(await page.getByTitle('Besøkt 1 ganger').count() > 5, 'visit counts on the steps')

  const log = page.getByRole('table', { name: 'Innsynslogg' })
  await log.getByText('GET /api/cases/:id/timeline: Klage fra foresatte').waitFor()
  assert.ok((await log.innerText()).includes('randi'), 'this very visit, by randi')
  await screenshot(page, 'saker-historikk')
  assert.equal(await accessibilityProblems(page), [])
  // The 401 is the shell asking who is signed in before sign-in (as in shell.test.ts).
  assert.equal(problems.filter((problem) => !/401|Unauthorized/.test(problem)), [])
})

test('a click on a step filters the timeline to it', async () => {
  const { page } = browsing
  await page.locator('[data-element-id="decide"]').first().click()
  await page.getByText('Viser bare steget decide.').waitFor()
  const items = await page.getByRole('list', { name: 'Tidslinje' }).getByRole('listitem').allInnerTexts()
  assert.ok(items.length >= 1 && items.every((item) => item.includes('Vurder og avgjør saken')), items.join('\n---\n'))
  await screenshot(page, 'saker-historikk-filtrert')
  await page.getByRole('button', { name: 'Vis alt' }).click()
  assert.ok(await page.getByRole('list', { name: 'Tidslinje' }).getByRole('listitem').count() > items.length)
})

test('the dossier downloads as PDF and holds the timeline; as JSON with the same access log', async () => {
  const { page } = browsing
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned som PDF' }).click()])
  const file = await download.path()
  assert.ok(file, 'downloaded')
  const text = flat(await pdfText(readFileSync(file!)))
  assert.ok(text.includes('Saksloggen er hel'), text.slice(0, 500))
  assert.ok(text.includes('Ola Hansen (mottaksgruppen) fullførte «Behandle saken i mottaksgruppen»'), text.slice(0, 2000))
  assert.ok(text.includes('Klage fra foresatte'), 'the purpose is in it')
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned som JSON' }).click()])
  const dossier = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'))
  assert.ok(dossier.accessLog.some((row: any) => row.username === 'randi' && row.purpose.endsWith('Klage fra foresatte')))
  const response = await server.app.inject({ url: `/api/cases/${caseId}/integrity`, headers: { authorization: `Bearer ${await server.tokenFor('randi')}` } })
  assert.ok(json(response).ok)
})

test.run()
