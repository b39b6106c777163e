import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { migrate, pendingMigrations, readMigrations, MIGRATIONS_DIR } from '../../src/db/migrate.js'
import { testDatabase, ON_SERVER } from '../helpers/database.js'

const ROOT = new URL('../..', import.meta.url).pathname

function migrationsWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'samflyt-migrations-'))
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  for (const [file, sql] of Object.entries(extra)) writeFileSync(join(dir, file), sql)
  return dir
}

test('a fresh database gets every migration, and running again is a no-op', async () => {
  const db = await testDatabase({ migrated: false })
  try {
    assert.is(await pendingMigrations(db.sql), readMigrations().length)
    const first = await migrate(db.sql)
    assert.is(first.applied.length, readMigrations().length)
    assert.is(await pendingMigrations(db.sql), 0)
    const second = await migrate(db.sql)
    assert.is(second.applied.length, 0)
  } finally {
    await db.close()
  }
})

test('a failing migration fails loudly, names itself, and leaves the schema as it was', async () => {
  const db = await testDatabase({ migrated: false })
  const next = String(readMigrations().length + 1).padStart(4, '0')
  const dir = migrationsWith({ [`${next}_broken.sql`]: 'create table half_done (id int);\nselect * from no_such_table;' })
  try {
    const error = await migrate(db.sql, dir).catch((e: Error) => e)
    assert.instance(error, Error)
    assert.match((error as Error).message, new RegExp(`Migration ${next}_broken failed: .*no_such_table`))
    const [row] = await db.sql`select to_regclass('half_done') as t, to_regclass('users') as users, to_regclass('schema_migrations') as m`
    assert.is(row!.t, null)
    assert.is(row!.users, null, 'earlier migrations of the same run are rolled back too')
    assert.is(row!.m, null)
  } finally {
    await db.close()
  }
})

test('migration files must be numbered without gaps', () => {
  const dir = migrationsWith({ '0099_far_ahead.sql': 'select 1;' })
  assert.throws(() => readMigrations(dir), /numbered 0001, 0002, \.\.\. without gaps; found 0099_far_ahead/)
})

test('a database with a migration this version does not know is refused', async () => {
  const db = await testDatabase()
  try {
    await db.sql`insert into schema_migrations (version, name) values (999, 'from_the_future')`
    const error = await migrate(db.sql).catch((e: Error) => e)
    assert.match((error as Error).message, /migration 999 \(from_the_future\) that this Samflyt does not know/)
  } finally {
    await db.close()
  }
})

function runMigrateCli(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/migrate-cli.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    child.on('close', (code) => resolve({ code, output }))
  })
}

// Needs a Postgres server: PGlite serves one process.
const onServer = ON_SERVER ? test : test.skip
onServer('two processes migrating the same database at once migrate it once', async () => {
  const db = await testDatabase({ migrated: false })
  try {
    const [a, b] = await Promise.all([runMigrateCli(db.url!), runMigrateCli(db.url!)])
    assert.is(a.code, 0, a.output)
    assert.is(b.code, 0, b.output)
    const applied = [a.output, b.output].filter((o) => o.includes('Applied'))
    assert.is(applied.length, 1, 'exactly one process applied the migrations')
    assert.ok([a.output, b.output].some((o) => o.includes('is up to date')))
    const rows = await db.sql`select version from schema_migrations`
    assert.is(rows.length, readMigrations().length)
  } finally {
    await db.close()
  }
})

test.run()
