// The web app's shell in a real browser: sign-in, the role-aware menu, a page not for one's role,
// language, sign-out, and back to the same page after the session ended.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { accessibilityProblems, openBrowser, screenshot, signIn, webServer, type Browsing, type WebServer } from './helpers.js'

let server: WebServer
let browsing: Browsing

test.before(async () => {
  server = await webServer()
  browsing = await openBrowser()
})

test.after(async () => {
  await browsing?.close()
  await server?.close()
})

test('the sign-in page asks for Brukernavn and Passord, refuses a wrong password in words, and is accessible', async () => {
  const { page } = browsing
  await page.goto(`${server.url}/oppgaver`)
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  assert.is(new URL(page.url()).searchParams.get('neste'), '/oppgaver')
  await page.getByLabel('Brukernavn').fill('kari')
  await page.getByLabel('Passord').fill('wrong password')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.getByText('Feil brukernavn eller passord.').waitFor()
  await screenshot(page, 'logg-inn')
  assert.equal(await accessibilityProblems(page), [])
})

test('kari signs in and is taken back to the page she asked for; the menu offers only her pages', async () => {
  const { page } = browsing
  await signIn(page, server, 'kari', '/oppgaver')
  assert.is(new URL(page.url()).pathname, '/oppgaver')
  await page.getByRole('heading', { level: 1, name: 'Oppgaver' }).waitFor()
  const menu = page.getByRole('navigation', { name: 'Hovedmeny' })
  const links = await menu.getByRole('link').allTextContents()
  assert.equal(links, ['Oppgaver', 'Saker', 'Ny henvendelse', 'Mottaksgruppe', 'Koordinatorer'])
  assert.is(await menu.getByRole('link', { name: 'Oppgaver' }).getAttribute('aria-current'), 'page')
  await page.getByText('Logget inn som Kari Nordmann (saksbehandler)').waitFor()
  await screenshot(page, 'oppgaver')
  assert.equal(await accessibilityProblems(page), [])
})

test('the session cookie is httpOnly and SameSite=Strict, so page scripts never see the token', async () => {
  const cookies = await browsing.context.cookies()
  const session = cookies.find((cookie) => cookie.name === 'samflyt_session')
  assert.ok(session, 'a session cookie')
  assert.is(session!.httpOnly, true)
  assert.is(session!.sameSite, 'Strict')
  const visible = await browsing.page.evaluate(() => document.cookie)
  assert.not.match(visible, /samflyt_session/)
})

test('a direct link to a page kari may not use says so in words, and the menu does not offer it', async () => {
  const { page } = browsing
  await page.goto(`${server.url}/prosesser`)
  await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor()
  await page.getByText('Siden «Prosesser» er ikke for deg. Den er for: prosesseier, administrator. Du er logget inn som saksbehandler.').waitFor()
  assert.is(await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosesser' }).count(), 0)
  await screenshot(page, 'ingen-tilgang')
  assert.equal(await accessibilityProblems(page), [])
})

test('a shared link opens its page: /saker/ny answers with the app, and moving by the menu needs no reload', async () => {
  const { page } = browsing
  await page.goto(`${server.url}/saker/ny`)
  await page.getByRole('heading', { level: 1, name: 'Ny henvendelse' }).waitFor()
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Koordinatorer' }).click()
  await page.getByRole('heading', { level: 1, name: 'Koordinatorer' }).waitFor()
  assert.is(new URL(page.url()).pathname, '/koordinatorer')
  assert.is(await page.title(), 'Koordinatorer – Samflyt')
})

test('nynorsk is chosen once and remembered for kari on the server, in a browser that never saw her choose', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Nynorsk' }).click()
  await page.getByRole('heading', { level: 1, name: 'Koordinatorar' }).waitFor()
  assert.is(await page.getAttribute('html', 'lang'), 'nn')
  const other = await openBrowser()
  try {
    await signIn(other.page, server, 'kari', '/oppgaver')
    await other.page.getByRole('heading', { level: 1, name: 'Oppgåver' }).waitFor()
    await other.page.getByRole('button', { name: 'Bokmål' }).click()
    await other.page.getByRole('heading', { level: 1, name: 'Oppgaver' }).waitFor()
  } finally {
    await other.close()
  }
})

test('when the session ends, the next page load goes to sign-in and then back to the same page', async () => {
  const { page, context } = browsing
  await page.goto(`${server.url}/mottaksgruppe`)
  await page.getByRole('heading', { level: 1, name: 'Mottaksgruppe' }).waitFor()
  // The server no longer accepts the session (as when its token has expired).
  const cookies = await context.cookies()
  await context.clearCookies()
  await context.addCookies(cookies.map((cookie) => (cookie.name === 'samflyt_session' ? { ...cookie, value: `${cookie.value}x` } : cookie)))
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker', exact: true }).click()
  await page.reload()
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  assert.is(new URL(page.url()).searchParams.get('neste'), '/saker')
  await page.getByLabel('Brukernavn').fill('kari')
  await page.getByLabel('Passord').fill('kari-demo')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL((url) => url.pathname === '/saker')
  await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor()
})

test('sign-out ends the session: the pages ask for sign-in again', async () => {
  const { page } = browsing
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.getByText('Du er logget ut.').waitFor()
  await page.goto(`${server.url}/oppgaver`)
  await page.waitForURL((url) => url.pathname === '/logg-inn')
  assert.equal(browsing.problems.filter((problem) => !/401|Unauthorized/.test(problem)), [])
})

test.run()
