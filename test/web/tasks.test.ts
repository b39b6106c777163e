// The caseworkers' tasklist in a real browser, on the demo office driven through the real KE
// process: kari finds a demo case's task, takes it, sees a field error for a bad value and
// corrects it, reloads mid-form and finds her draft, completes it and is offered the next task.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { seedDemoOffice } from '../../src/demo/office.js'
import { accessibilityProblems, openBrowser, screenshot, signIn, webServer, type Browsing, type WebServer } from './helpers.js'

let server: WebServer
let browsing: Browsing
let reference: string

test.before(async () => {
  server = await webServer({}, { cases: true })
  const office = await seedDemoOffice(server.db.sql, server.engine)
  if (!office.seeded) throw new Error(`demo office not seeded: ${office.reason}`)
  reference = office.cases.find((c) => c.waitsAt === 'verify')!.reference
  browsing = await openBrowser()
})

test.after(async () => {
  await browsing?.close()
  await server?.close()
})

test("the tasklist shows kari's queues with counts, finds a case's task by its reference, and is accessible", async () => {
  const { page } = browsing
  await signIn(page, server, 'kari', '/oppgaver')
  const queues = page.getByRole('group', { name: 'Køer' })
  await queues.getByRole('button', { name: /^Gruppens \(\d+\)$/ }).click()
  await page.waitForURL((url) => url.searchParams.get('ko') === 'groups')
  await page.getByRole('table').waitFor()
  await screenshot(page, 'oppgaver-gruppens')
  assert.equal(await accessibilityProblems(page), [])
  // On a small laptop or a tablet in landscape nothing leaves the page's width.
  await page.setViewportSize({ width: 1024, height: 768 })
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 1024), 'fits 1024 px')
  await screenshot(page, 'oppgaver-1024')
  await page.setViewportSize({ width: 1280, height: 800 })

  const filtered = page.waitForResponse((response) => new URL(response.url()).searchParams.get('caseReference') === reference)
  await page.getByLabel('Saksnummer').fill(reference)
  await filtered
  await page.waitForURL((url) => url.searchParams.get('sak') === reference)
  await page.getByRole('table').and(page.locator('[aria-busy="false"]')).waitFor()
  const rows = page.getByRole('table').getByRole('row')
  assert.is(await rows.count(), 2, 'a header and the one task of that case')
  await page.getByRole('row', { name: new RegExp(reference) }).getByRole('link', { name: 'Kontroller henvendelsen' }).click()
  await page.getByRole('heading', { level: 1, name: 'Kontroller henvendelsen' }).waitFor()
})

test('the task shows its form prefilled from the case; kari takes it, and a bad value gets a Norwegian error at its field', async () => {
  const { page } = browsing
  await page.getByText('Oppgaven er ikke tildelt noen.').waitFor()
  await page.getByRole('button', { name: 'Ta oppgaven' }).click()
  await page.getByText('Oppgaven er tildelt deg.').waitFor()
  const name = page.getByRole('textbox', { name: 'Navn', exact: true })
  assert.is(await name.inputValue(), 'Eva Johansen', 'prefilled from the task')
  await name.fill('E')
  await name.blur()
  await page.getByText('«Navn» må ha minst 2 tegn.').first().waitFor()
  await page.getByRole('button', { name: 'Fullfør oppgaven' }).click()
  await page.getByText('Rett opp dette før du fullfører:').waitFor()
  assert.ok(await page.getByText('Oppgaven er tildelt deg.').isVisible(), 'still open, nothing sent')
  await screenshot(page, 'oppgave-feil')
  assert.equal(await accessibilityProblems(page), [])
  const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith('/draft') && (response.request().postData() ?? '').includes('Eva Marie Johansen'))
  await name.fill('Eva Marie Johansen')
  await name.blur()
  assert.is((await saved).status(), 200, 'the draft is saved as she types')
  assert.is(await page.getByText('«Navn» må ha minst 2 tegn.').count(), 0, 'corrected: the error is gone')
})

test('what kari typed is saved as a draft on the server and is there after a reload', async () => {
  const { page } = browsing
  await page.getByText(/^Utkast lagret /).waitFor()
  await page.reload()
  await page.getByRole('heading', { level: 1, name: 'Kontroller henvendelsen' }).waitFor()
  await page.getByText(/^Utkastet ditt fra .* er hentet fram\.$/).waitFor()
  assert.is(await page.getByRole('textbox', { name: 'Navn', exact: true }).inputValue(), 'Eva Marie Johansen')
})

test('when the session ends mid-form, kari signs in again and is back at the task with what she typed', async () => {
  const { page, context } = browsing
  // The server no longer accepts her session (as when it has expired).
  const cookies = await context.cookies()
  await context.clearCookies()
  await context.addCookies(cookies.map((cookie) => (cookie.name === 'samflyt_session' ? { ...cookie, value: `${cookie.value}x` } : cookie)))
  const description = page.getByRole('textbox', { name: 'Beskrivelse av behovet' })
  await description.fill('Melding om behov for individuell plan og koordinator etter hjerneslag. Skrevet etter at økten gikk ut.')
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  await page.getByText('Økten din er utløpt. Logg inn igjen for å fortsette der du var.').waitFor()
  await page.getByLabel('Brukernavn').fill('kari')
  await page.getByLabel('Passord').fill('kari-demo')
  const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith('/draft'))
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.getByRole('heading', { level: 1, name: 'Kontroller henvendelsen' }).waitFor()
  assert.match(await description.inputValue(), /Skrevet etter at økten gikk ut\.$/)
  assert.is((await saved).status(), 200, 'and it is saved on the server now')
})

test('completing the task offers the next task of the same case, which kari may take', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Fullfør oppgaven' }).click()
  await page.getByText('Oppgaven er fullført.').waitFor()
  const next = page.getByRole('link', { name: /^Neste oppgave i saken: / })
  await next.waitFor()
  await screenshot(page, 'oppgave-fullfort')
  await next.click()
  await page.getByRole('heading', { level: 1, name: 'Registrer svaret på samtykket' }).waitFor()
  const [row] = await server.db.sql`select variables->>'personName' as name from user_tasks where element_id = 'verify' and state = 'completed' and variables->>'caseReference' = ${reference}`
  assert.ok(row, 'the registration task is completed')
  // Before sign-in the app asks who is signed in and gets 401; nothing else may fail.
  assert.equal(browsing.problems.filter((problem) => !/status of 401/.test(problem)), [])
})

test.run()
