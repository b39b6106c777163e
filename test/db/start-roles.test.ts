// A started Samflyt migrates as the owner and then runs as samflyt_app, and will not run its
// application on a connection that could disable the audit triggers.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, type Config } from '../../src/config.js'
import { createLogger } from '../../src/api/logging.js'
import { startSamflyt } from '../../src/start.js'
import { testDatabase, ON_SERVER } from '../helpers/database.js'

const quiet = createLogger('silent')

function configFor(env: Record<string, string>, dataDir?: string): Config {
  const config = loadConfig({ SAMFLYT_DEMO: '0', ...env })
  return dataDir ? { ...config, dataDir } : config
}

test('on a server, Samflyt migrates as the owner and then acts as samflyt_app', async () => {
  if (!ON_SERVER) return
  const db = await testDatabase({ migrated: false })
  try {
    const samflyt = await startSamflyt(configFor({ DATABASE_URL: db.url! }), quiet)
    try {
      const [row] = await samflyt.db.sql<{ role: string }[]>`select current_user as role`
      assert.is(row!.role, 'samflyt_app')
      const [migrated] = await db.sql<{ count: number }[]>`select count(*)::int as count from schema_migrations`
      assert.ok(migrated!.count >= 8)
    } finally {
      await samflyt.stop()
    }
  } finally {
    await db.close()
  }
})

test('on a server, an application URL that logs in as a superuser stops start-up, saying why', async () => {
  if (!ON_SERVER) return
  const db = await testDatabase()
  try {
    const error = await startSamflyt(configFor({ DATABASE_URL: db.url!, SAMFLYT_APP_DATABASE_URL: db.url! }), quiet).then(
      async (samflyt) => {
        await samflyt.stop()
        return undefined
      },
      (e: Error) => e,
    )
    assert.match(String(error?.message), /The application connects as \w+, a superuser, which could disable the audit triggers; connect it as samflyt_app/)
  } finally {
    await db.close()
  }
})

test('on the embedded PGlite, the one session acts as samflyt_app once migrated', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samflyt-roles-'))
  try {
    const samflyt = await startSamflyt(configFor({}, dataDir), quiet)
    try {
      const [row] = await samflyt.db.sql<{ role: string; superuser: boolean }[]>`
        select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`
      assert.equal({ ...row }, { role: 'samflyt_app', superuser: false })
      const refused = await samflyt.db.sql`alter table history disable trigger history_append_only`.then(() => 'went through', (e: Error) => e.message)
      assert.match(refused, /must be owner/)
    } finally {
      await samflyt.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('SAMFLYT_APP_DATABASE_URL needs DATABASE_URL, and is checked as a URL', () => {
  assert.throws(() => loadConfig({ SAMFLYT_APP_DATABASE_URL: 'postgres://samflyt_app@db/samflyt' }), /SAMFLYT_APP_DATABASE_URL needs DATABASE_URL/)
  assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://o@db/s', SAMFLYT_APP_DATABASE_URL: 'mysql://x' }), /SAMFLYT_APP_DATABASE_URL must be a URL/)
})

test.run()
