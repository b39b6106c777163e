// An app of this test file's own, on its own database, driven with app.inject().
import { PassThrough } from 'node:stream'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from '../../src/api/app.js'
import { createLogger } from '../../src/api/logging.js'
import { DEMO_USERS, seedDemoUsers } from '../../src/auth/demo.js'
import { createTokenService, type TokenOptions } from '../../src/auth/tokens.js'
import type { Role } from '../../src/auth/roles.js'
import { testDatabase, type TestDatabase } from './database.js'
import { Engine } from '../../src/engine/engine.js'
import { registerRuleWorkers } from '../../src/rules/worker.js'
import { startRules } from '../../src/rules/start.js'
import { startCases } from '../../src/cases/start.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config.js'
import { lettersFromConfig, type Letters } from '../../src/letters/letters.js'
import { DISPATCH_JOB_TYPE, dispatchHandler } from '../../src/letters/dispatch/worker.js'

export interface TestApp {
  app: App
  engine: Engine
  db: TestDatabase
  /** Every log line the app wrote, as written (after redaction and scrubbing). */
  logs: () => string
  /** A bearer token for a demo user (kari caseworker, ola intake-group, ingrid coordinator, per process-owner, randi auditor, admin). */
  tokenFor(username: string): Promise<string>
  /** A bearer token for any principal, e.g. a caseworker in another unit. */
  tokenAs(principal: { username: string; roles: Role[]; unit: string | null }): Promise<string>
  /** With `cases`: the letters service the case workers and the API share, and its outbox folder (a temporary one). */
  letters?: Letters
  outboxDir?: string
  close(): Promise<void>
}

export const TEST_SECRET = new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256')

/** What a test app runs besides the API: the engine's clock (tests move it), and the KE casework. */
export interface TestAppExtras {
  clock?: () => Date
  /** Deploy the shipped rule sets, the KE process and forms, and start the case workers. */
  cases?: boolean
}

export async function testApp(options: Partial<TokenOptions> = {}, extras: TestAppExtras = {}): Promise<TestApp> {
  const db = await testDatabase()
  await seedDemoUsers(db.sql)
  let output = ''
  const stream = new PassThrough()
  stream.on('data', (chunk) => (output += chunk))
  const tokens = createTokenService({ secret: TEST_SECRET, ttlSeconds: 900, ...options })
  const engine = new Engine({ db, ...(extras.clock ? { clock: extras.clock } : {}) })
  await registerRuleWorkers(engine, db.sql)
  // The KE process writes and sends letters: as src/start.ts does, with the embedded default's
  // outbox (a folder of this app's own) and the engine's clock, which tests move.
  const outboxDir = extras.cases ? mkdtempSync(join(tmpdir(), 'samflyt-outbox-')) : undefined
  const letters = outboxDir
    ? lettersFromConfig(db.sql, { ...loadConfig().letters, outboxDir, svarut: undefined }, { engine, clock: () => engine.clock() })
    : undefined
  if (letters) engine.worker(DISPATCH_JOB_TYPE, dispatchHandler(letters))
  const app = await buildApp({ db, engine, tokens, logger: createLogger('info', stream), bodyLimitBytes: 64 * 1024, allowSyntheticIdentities: true, oidc: options.oidc, ...(letters ? { letters } : {}) })
  await app.ready()
  if (extras.cases) {
    await startRules(engine, db.sql)
    await startCases(engine, db.sql, { letters })
  }
  return {
    app,
    engine,
    db,
    ...(letters && outboxDir ? { letters, outboxDir } : {}),
    logs: () => output,
    async tokenFor(username) {
      const user = DEMO_USERS.find((u) => u.username === username)
      if (!user) throw new Error(`no demo user ${username}`)
      return (await tokens.issue({ username, displayName: user.displayName, roles: user.roles, unit: user.unit })).token
    },
    async tokenAs(principal) {
      return (await tokens.issue({ displayName: principal.username, ...principal })).token
    },
    async close() {
      await app.close()
      await engine.stop()
      await db.close()
      if (outboxDir) rmSync(outboxDir, { recursive: true, force: true })
    },
  }
}

export const json = <T = any>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T
