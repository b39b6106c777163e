// The case history page (/saker/:id/historikk) in headless Chromium on the embedded default
// (PGlite), as randi (internal control): a real KE case, registered through POST /api/cases,
// whose instance history is grown to ~2,000 events through the engine's own API (its verify task
// claimed and unclaimed, and case variables set, each a history event on the case's own
// instance). Timed from submitting the purpose (the prompt the page asks once per visit) until
// the timeline and the diagram with the path drawn are rendered. Target (issue 13): under 1 s.
import { chromium } from 'playwright-core'
import { openDatabase } from '../src/db/connect.js'
import { migrate } from '../src/db/migrate.js'
import { buildApp } from '../src/api/app.js'
import { createLogger } from '../src/api/logging.js'
import { createTokenService } from '../src/auth/tokens.js'
import { DEMO_USERS, seedDemoUsers } from '../src/auth/demo.js'
import { Engine } from '../src/engine/engine.js'
import { registerRuleWorkers } from '../src/rules/worker.js'
import { startRules } from '../src/rules/start.js'
import { startCases } from '../src/cases/start.js'
import { syntheticIdentityNumber } from '../src/demo/identity-numbers.js'
import { buildWeb } from '../scripts/build-web.mjs'
import { quantile, round1, type BenchResult } from './stats.js'

export async function benchHistory(options: { events?: number; runs?: number } = {}): Promise<BenchResult[]> {
  const events = options.events ?? 2_000
  const runs = options.runs ?? 5
  await buildWeb({ quiet: true })
  const db = await openDatabase({})
  await migrate(db.sql)
  await seedDemoUsers(db.sql)
  const engine = new Engine({ db })
  await registerRuleWorkers(engine, db.sql)
  const tokens = createTokenService({ secret: new TextEncoder().encode('bench-secret-that-is-long-enough-for-hs256'), ttlSeconds: 3600 })
  const app = await buildApp({ db, engine, tokens, logger: createLogger('silent'), bodyLimitBytes: 1024 * 1024, allowSyntheticIdentities: true })
  await app.ready()
  await startRules(engine, db.sql)
  await startCases(engine, db.sql)
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
  try {
    const { password: _, ...kariUser } = DEMO_USERS.find((user) => user.username === 'kari')!
    const kari = { authorization: `Bearer ${(await tokens.issue(kariUser)).token}` }
    const registered = await app.inject({
      method: 'POST', url: '/api/cases', headers: kari,
      payload: {
        channel: 'nav-referral', sender: { name: 'Per Veileder', organisation: 'NAV Sentrum' },
        person: { identityNumber: syntheticIdentityNumber('1975-02-03', 1), name: 'Kari Kompleks' },
        facts: { services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: false }] },
      },
    })
    if (registered.statusCode !== 201) throw new Error(`registering the case: ${registered.statusCode} ${registered.body}`)
    const caseId = (JSON.parse(registered.body) as { case: { id: string } }).case.id
    const task = await waitFor(async () => {
      const [row] = await db.sql<{ key: string; instanceKey: string }[]>`
        select t.key::text, t.instance_key::text as "instanceKey" from user_tasks t join cases c on c.instance_key = t.instance_key
        where c.id = ${caseId} and t.element_id = 'verify' and t.state = 'created'`
      return row
    })
    const count = async () => Number((await db.sql<{ n: string }[]>`select count(*)::text as n from history where instance_key = ${task.instanceKey}`)[0]!.n)
    // Real history on the case's own instance: the task claimed and handed back, a note set.
    for (let i = 0; (await count()) < events; i++) {
      for (let j = 0; j < 50; j++, i++) {
        await engine.assignUserTask(task.key, 'kari', 'kari')
        await engine.assignUserTask(task.key, null, 'kari')
        await engine.setVariables(task.instanceKey, { benchNote: `Notat ${i}` }, 'kari')
      }
    }
    const historyEvents = await count()

    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${url}/logg-inn`)
    await page.getByLabel('Brukernavn').fill('randi')
    await page.getByLabel('Passord').fill('randi-demo')
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await page.waitForURL((u) => u.pathname !== '/logg-inn')

    const fromNavigation: number[] = []
    const fromPurpose: number[] = []
    for (let run = 0; run < runs; run++) {
      const navigated = performance.now()
      await page.goto(`${url}/saker/${caseId}/historikk`)
      await page.getByLabel('Formål med innsynet').fill(`Ytelsesmåling ${run + 1}`)
      const submitted = performance.now()
      await page.getByRole('button', { name: 'Åpne historikken' }).click()
      await page.getByRole('list', { name: 'Tidslinje' }).getByRole('listitem').first().waitFor()
      await page.locator('.djs-element.sf-visited').first().waitFor({ state: 'attached' })
      const done = performance.now()
      fromNavigation.push(done - navigated)
      fromPurpose.push(done - submitted)
    }
    const label = `${historyEvents.toLocaleString('en')} history events`
    return [
      { name: `history: purpose submitted to timeline and diagram rendered, ${label}, p50 (target < 1000)`, value: round1(quantile(fromPurpose, 0.5)), unit: 'ms', reference: Number.NaN },
      { name: `history: purpose submitted to timeline and diagram rendered, ${label}, p90 (target < 1000)`, value: round1(quantile(fromPurpose, 0.9)), unit: 'ms', reference: Number.NaN },
      { name: `history: navigation to timeline and diagram rendered (with the purpose typed), ${label}, p50`, value: round1(quantile(fromNavigation, 0.5)), unit: 'ms', reference: Number.NaN },
    ]
  } finally {
    await browser.close()
    await app.close()
    await engine.stop()
    await db.close()
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out waiting for the case to reach its verify task')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
