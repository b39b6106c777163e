// The case pages in a real browser at 1024 px: kari registers an enquiry through /saker/ny (a bad
// identity number is refused at the field, then a good one), sees that a person has an open case
// before saving, opens the case, shows the full identity number for a stated reason (and the
// access log has that read), and finds cases by name and by identity number without the number
// ever being in an address. Others are told in words that the pages are not for them.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Page } from 'playwright-core'
import { accessibilityProblems, openBrowser, screenshot, signIn, webServer, type Browsing, type WebServer } from './helpers.js'
import { identityNumber } from '../forms/identity.js'
import { assessment, completeTask, registerCase, registration, statusOf, SIMPLE_FACTS, type Office } from '../e2e/helpers.js'

let server: WebServer
let browsing: Browsing
const requested: string[] = []

const child = identityNumber('150690')
const known = identityNumber('230375')
let knownReference = ''
let registeredId = ''

test.before(async () => {
  server = await webServer({}, { cases: true })
  browsing = await openBrowser({ width: 1024, height: 800 })
  browsing.page.on('request', (request) => requested.push(request.url()))
  // A person with an open case, registered through the API.
  const token = await server.tokenFor('kari')
  const response = await server.app.inject({
    method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` },
    payload: { channel: 'application', person: { identityNumber: known, name: 'Dina Dobbel' } },
  })
  assert.is(response.statusCode, 201, response.body)
  knownReference = JSON.parse(response.body).case.reference
})

test.after(async () => {
  await browsing?.close()
  await server?.close()
})

/** Nothing is wider than the window: no sideways scrolling at this width. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px window`)
}

async function accessLog(caseId: string) {
  const token = await server.tokenFor('randi')
  const response = await server.app.inject({ url: `/api/cases/${caseId}/access-log`, headers: { authorization: `Bearer ${token}` } })
  assert.is(response.statusCode, 200, response.body)
  return JSON.parse(response.body) as { username: string; purpose: string; fullIdentity: boolean }[]
}

test('a bad identity number is refused at the field, in Norwegian, and the error summary lists what to fix', async () => {
  const { page } = browsing
  await signIn(page, server, 'kari', '/saker/ny')
  await page.getByRole('heading', { level: 1, name: 'Ny henvendelse' }).waitFor()
  await page.getByRole('radio', { name: 'Melding fra helsepersonell (helsepersonelloven § 38 a)' }).check()
  await page.getByLabel('Avsenderens navn').fill('Lege Lise Lund')
  await page.getByLabel('Virksomhet').fill('Helse Bergen, barneklinikken')
  const wrong = `${child.slice(0, 10)}${(Number(child[10]) + 1) % 10}`
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(wrong)
  await page.getByLabel('Navn', { exact: true }).focus()
  await page.getByText('Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet av riktig.').waitFor()
  assert.is(await page.getByLabel('Fødselsnummer eller D-nummer').getAttribute('aria-invalid'), 'true')

  await page.getByRole('button', { name: 'Registrer henvendelse' }).click()
  const summary = page.getByRole('group', { name: 'Før du kan registrere henvendelsen, må du rette opp dette:' })
  await summary.waitFor()
  assert.equal(await summary.getByRole('link').allTextContents(), [
    'Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet av riktig.',
    'Skriv navnet til personen.',
  ])
  await screenshot(page, 'saker-ny-feil')
  assert.equal(await accessibilityProblems(page), [])
  await fitsWidth(page)
  // The summary's link takes the person to the field.
  await summary.getByRole('link', { name: 'Skriv navnet til personen.' }).click()
  assert.is(await page.evaluate(() => document.activeElement?.id), 'name')
})

test('with a good number the enquiry is registered, with a guardian who consents, and the case page opens', async () => {
  const { page } = browsing
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(child)
  await page.getByLabel('Navn', { exact: true }).fill('Theo Testesen')
  await page.getByText('Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet av riktig.').first().waitFor({ state: 'detached' })
  await page.getByRole('button', { name: 'Legg til foresatt eller verge' }).click()
  const guardian = page.getByRole('group', { name: 'Foresatt eller verge 1' })
  await guardian.getByLabel('Navn').fill('Tone Testesen')
  await guardian.getByLabel('Relasjon til personen').selectOption('parent')
  await guardian.getByLabel('Kan samtykke på vegne av personen').check()
  await page.getByLabel('Hva gjelder henvendelsen?').fill('Behov for koordinerte tjenester etter langvarig sykehusopphold.')
  await page.getByRole('radio', { name: 'Samtykke er gitt' }).check()
  await page.getByRole('group', { name: 'Hvem svarte?' }).getByRole('radio', { name: 'En forelder' }).check()
  await screenshot(page, 'saker-ny-utfylt')
  await fitsWidth(page)
  await page.getByRole('button', { name: 'Registrer henvendelse' }).click()
  await page.waitForURL((url) => /^\/saker\/\d+$/.test(url.pathname))
  registeredId = new URL(page.url()).pathname.split('/').pop()!
  const status = page.getByRole('status').filter({ hasText: 'Henvendelsen er registrert som' })
  await status.waitFor()
  const reference = (await status.textContent())!.match(/KE-\d{4}-\d{5,}/)![0]
  await page.getByRole('heading', { level: 1, name: `Sak ${reference}` }).waitFor()
  const panel = page.getByRole('region', { name: 'Saken' })
  await panel.getByText('Melding fra helsepersonell (helsepersonelloven § 38 a)').waitFor()
  await panel.getByText('Theo Testesen').waitFor()
  await panel.getByText(`${child.slice(0, 6)}*****`).waitFor()
  assert.is(await panel.getByText(child).count(), 0, 'the full number is not shown without a reason')
  await panel.getByText('Tone Testesen (forelder, kan samtykke)').waitFor()
  await panel.getByText('Gitt').waitFor()
  await panel.getByText(/\d+ dager igjen/).waitFor()
})

test('the case page: open tasks link to the tasklist, no serious accessibility problem, nothing wider than 1024 px', async () => {
  const { page } = browsing
  const panel = page.getByRole('region', { name: 'Saken' })
  await panel.getByRole('heading', { name: 'Åpne oppgaver' }).waitFor()
  const task = panel.getByRole('link').filter({ has: page.locator('xpath=self::a[starts-with(@href, "/oppgaver/")]') }).first()
  await task.waitFor()
  assert.match((await task.getAttribute('href'))!, /^\/oppgaver\/\d+$/)
  await screenshot(page, 'saker-sak')
  assert.equal(await accessibilityProblems(page), [])
  await fitsWidth(page)
  // In nynorsk too, and back.
  await page.getByRole('button', { name: 'Nynorsk' }).click()
  const nynorsk = page.getByRole('region', { name: 'Saka' })
  await nynorsk.getByRole('heading', { name: 'Opne oppgåver' }).waitFor()
  await nynorsk.getByText('Melding frå helsepersonell (helsepersonellova § 38 a)').waitFor()
  await nynorsk.getByText(/\d+ dagar att/).waitFor()
  await screenshot(page, 'saker-sak-nynorsk')
  await page.getByRole('button', { name: 'Bokmål' }).click()
  await page.getByRole('region', { name: 'Saken' }).waitFor()
})

test('the full identity number is shown only with a reason, and the access log records who read it and why', async () => {
  const { page } = browsing
  const panel = page.getByRole('region', { name: 'Saken' })
  await panel.getByRole('button', { name: 'Vis hele fødselsnummeret' }).click()
  await panel.getByRole('button', { name: 'Vis nummeret' }).click()
  await panel.getByText('Skriv hvorfor du trenger nummeret (minst 3 tegn).').waitFor()
  assert.is(await panel.getByText(child).count(), 0)
  await panel.getByLabel('Hvorfor trenger du hele nummeret?').fill('Oppslag i Folkeregisteret')
  await screenshot(page, 'saker-sak-grunn')
  await panel.getByRole('button', { name: 'Vis nummeret' }).click()
  await panel.getByText(child, { exact: true }).waitFor()
  await panel.getByText('Vist fordi: Oppslag i Folkeregisteret').waitFor()
  await screenshot(page, 'saker-sak-vist')
  assert.equal(await accessibilityProblems(page), [])

  const log = await accessLog(registeredId)
  const shown = log.filter((entry) => entry.fullIdentity)
  assert.equal(shown.map((entry) => [entry.username, entry.purpose]), [['kari', 'Identity number shown: Oppslag i Folkeregisteret']],
    'the one full read is the one with the reason; the page itself read the case masked')
  assert.ok(log.some((entry) => entry.username === 'kari' && entry.purpose === 'GET /api/cases/:id' && !entry.fullIdentity))

  await panel.getByRole('button', { name: 'Skjul nummeret' }).click()
  await panel.getByText(`${child.slice(0, 6)}*****`).waitFor()
})

test('a person with an open case is shown before saving, and the new enquiry is linked to that case', async () => {
  const { page } = browsing
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Ny henvendelse' }).click()
  await page.getByRole('heading', { level: 1, name: 'Ny henvendelse' }).waitFor()
  await page.getByRole('radio', { name: 'Henvisning fra NAV' }).check()
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(known)
  const warning = page.getByText(`Dina Dobbel har en åpen sak: ${knownReference}. Den nye henvendelsen blir knyttet til den saken.`)
  await warning.waitFor()
  await screenshot(page, 'saker-ny-apen-sak')
  assert.equal(await accessibilityProblems(page), [])
  await fitsWidth(page)
  await page.getByLabel('Navn', { exact: true }).fill('Dina Dobbel')
  await page.getByRole('button', { name: 'Registrer henvendelse' }).click()
  await page.waitForURL((url) => /^\/saker\/\d+$/.test(url.pathname))
  await page.getByText(new RegExp(`Henvendelsen er registrert som KE-\\d{4}-\\d{5,} og knyttet til den åpne saken ${knownReference}\\.`)).waitFor()
  await page.getByRole('region', { name: 'Saken' }).getByText('Knyttet til en åpen sak').first().waitFor()
})

test('/saker lists the cases, open first, and finds them by name and by identity number, the number never in an address', async () => {
  const { page } = browsing
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor()
  const list = page.getByRole('table', { name: /Viser \d+ av \d+/ })
  await list.waitFor()
  assert.ok(await list.getByRole('link', { name: knownReference }).count() === 1, 'the open case is listed')
  await page.getByLabel('Vis').selectOption('linked')
  await page.getByRole('table', { name: 'Viser 1 av 1' }).waitFor()
  await page.getByLabel('Vis').selectOption('open')

  await page.getByLabel('Søk etter saksnummer, navn eller fødselsnummer').fill('testesen')
  await page.getByRole('button', { name: 'Søk', exact: true }).click()
  const results = page.getByRole('table', { name: 'Søkeresultat: 1 treff' })
  await results.waitFor()
  await results.getByText(`${child.slice(0, 6)}*****`).waitFor()

  await page.getByLabel('Søk etter saksnummer, navn eller fødselsnummer').fill(known)
  await page.getByRole('button', { name: 'Søk', exact: true }).click()
  const byNumber = page.getByRole('table', { name: 'Søkeresultat: 2 treff' })
  await byNumber.waitFor()
  await byNumber.getByRole('link', { name: knownReference }).waitFor()
  await screenshot(page, 'saker')
  assert.equal(await accessibilityProblems(page), [])
  await fitsWidth(page)

  await byNumber.getByRole('link', { name: knownReference }).click()
  await page.getByRole('heading', { level: 1, name: `Sak ${knownReference}` }).waitFor()
  const leaked = requested.filter((url) => url.includes(child) || url.includes(known))
  assert.equal(leaked, [], 'no identity number in any address the browser asked for')
  // The one 401 is GET /api/auth/me before signing in.
  assert.equal(browsing.problems.filter((problem) => !/401|Unauthorized/.test(problem)), [])
})

test('a decided case: the rules\' decisions with their reasons and rule-set versions, the decision, and the sent letter as PDF', async () => {
  const { page } = browsing
  // Driven through the API as the tasklist would (the tasklist's own tests drive the forms).
  const auth: Office['auth'] = {}
  for (const user of ['kari', 'siri']) auth[user] = { authorization: `Bearer ${await server.tokenFor(user)}` }
  const office = { t: server, auth, clock: { now: new Date(), advanceDays() {} }, close: async () => {} } as Office
  const { case: decided } = await registerCase(office, {
    channel: 'application', person: { identityNumber: identityNumber('040485'), name: 'Vera Vedtak' },
    facts: SIMPLE_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, decided.id, 'verify', 'kari', registration({ personName: 'Vera Vedtak' }))
  await completeTask(office, decided.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused' }))
  await completeTask(office, decided.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await statusOf(office, decided.id, 'closed')

  await page.goto(`${server.url}/saker/${decided.id}`)
  const panel = page.getByRole('region', { name: 'Saken' })
  await panel.getByText('Avsluttet', { exact: true }).waitFor()
  await panel.getByText('Vedtak: Innvilget').waitFor()
  await panel.getByText('Individuell plan: innvilget').waitFor()
  await panel.getByText('Koordinator: avslått').waitFor()
  await panel.getByText('Begrunnelsen for vedtaket, slik den skal stå i vedtaksbrevet.').waitFor()
  await panel.getByText(/^Regelsett «complexity», versjon \d+$/).waitFor()
  const letter = panel.getByRole('link', { name: 'Vedtaksbrev (Bokmål), PDF' })
  await letter.waitFor()
  await panel.getByText('Sendt', { exact: true }).waitFor()
  await panel.getByText('Ingen åpne oppgaver.').waitFor()
  const pdf = await page.request.get(`${server.url}${await letter.getAttribute('href')}`)
  assert.is(pdf.status(), 200)
  assert.is(pdf.headers()['content-type'], 'application/pdf')
  await screenshot(page, 'saker-sak-vedtak')
  assert.equal(await accessibilityProblems(page), [])
  await fitsWidth(page)
})

test('the case pages are not for the intake group, who are told so; a coordinator sees the list of their own cases', async () => {
  const context = await browsing.browser.newContext({ viewport: { width: 1024, height: 800 } })
  try {
    const page = await context.newPage()
    await signIn(page, server, 'ola', '/saker')
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor()
    await page.getByText('Siden «Saker» er ikke for deg. Den er for: saksbehandler, koordinator, administrator. Du er logget inn som mottaksgruppe.').waitFor()
    await page.goto(`${server.url}/saker/ny`)
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor()
    await page.getByRole('button', { name: 'Logg ut' }).click()
    await page.getByText('Du er logget ut.').waitFor()

    await signIn(page, server, 'ingrid', '/saker')
    await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor()
    await page.getByText('Sakene du er koordinator for, de åpne først.').waitFor()
    await page.getByText('Ingen saker å vise.').waitFor()
    assert.is(await page.getByLabel('Søk etter saksnummer, navn eller fødselsnummer').count(), 0)
    assert.is(await page.getByRole('link', { name: 'Registrer ny henvendelse' }).count(), 0)
    await screenshot(page, 'saker-koordinator')
    assert.equal(await accessibilityProblems(page), [])
  } finally {
    await context.close()
  }
})

test.run()
