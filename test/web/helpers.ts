// Browser tests: the real server (buildApp on this file's own database, listening on a free
// port), Debian's Chromium driven by playwright-core, axe for accessibility, and a screenshot per
// page under test-results/web/. Tests check what a person sees and does (labels, roles).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { testApp, type TestApp, type TestAppExtras } from '../helpers/app.js'
import type { TokenOptions } from '../../src/auth/tokens.js'
import { buildWeb } from '../../scripts/build-web.mjs'
import { DEMO_USERS } from '../../src/auth/demo.js'

const ROOT = new URL('../..', import.meta.url).pathname
export const SCREENSHOTS = join(ROOT, 'test-results/web')
const CHROMIUM = process.env.SAMFLYT_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export interface WebServer extends TestApp {
  /** http://127.0.0.1:PORT */
  url: string
}

/** The app of test/helpers/app.ts, listening on a real port, with the web bundle built. */
export async function webServer(options: Partial<TokenOptions> = {}, extras: TestAppExtras = {}): Promise<WebServer> {
  await buildWeb({ quiet: true })
  const test = await testApp(options, extras)
  const address = await test.app.listen({ port: 0, host: '127.0.0.1' })
  return { ...test, url: address }
}

export interface Browsing {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Messages the page logged as errors, and requests that failed: a test may assert there are none. */
  problems: string[]
  close(): Promise<void>
}

/** Headless Chromium with one page at 1280×800 (a laptop screen). */
export async function openBrowser(options: { width?: number; height?: number } = {}): Promise<Browsing> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  return { browser, context, page, problems, close: () => browser.close() }
}

/** Signs in through /logg-inn as a demo user, as a person would, and waits to leave the page. */
export async function signIn(page: Page, server: WebServer, username: string, path = '/'): Promise<void> {
  const user = DEMO_USERS.find((u) => u.username === username)
  if (!user) throw new Error(`no demo user ${username}`)
  await page.goto(`${server.url}${path}`)
  await page.getByLabel('Brukernavn').fill(username)
  await page.getByLabel('Passord').fill(user.password)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL((url) => url.pathname !== '/logg-inn')
}

/** Serious or critical accessibility violations on the page as it is now, one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** Writes test-results/web/NAME.png (the whole page). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
