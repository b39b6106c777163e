// Each test file gets its own freshly migrated database: on a Postgres server (DATABASE_URL) a
// clone of a migrated template database, otherwise a fresh in-memory PGlite.
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openDatabase, type Database } from '../../src/db/connect.js'
import { migrate, migrationsFingerprint } from '../../src/db/migrate.js'

export const SERVER_URL = process.env.DATABASE_URL || undefined
export const ON_SERVER = SERVER_URL !== undefined

const TEMPLATE_LOCK_ID = 7_242_019_100

export interface TestDatabase extends Database {
  /** The URL of this test's own database (a server), for child processes; undefined on PGlite. */
  url: string | undefined
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

async function ensureTemplate(admin: postgres.Sql, serverUrl: string): Promise<string> {
  const template = `samflyt_template_${migrationsFingerprint()}`
  await admin.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${TEMPLATE_LOCK_ID})`
    const [exists] = await tx`select 1 from pg_database where datname = ${template}`
    if (exists) return
    await admin.unsafe(`create database "${template}"`)
    const sql = postgres(withDatabase(serverUrl, template), { max: 1, onnotice: () => {} })
    try {
      await migrate(sql)
    } catch (error) {
      await sql.end()
      await admin.unsafe(`drop database "${template}"`)
      throw error
    }
    await sql.end()
  })
  return template
}

/** A migrated database of this test file's own. Close it at the end of the file. */
export async function testDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true
  if (!SERVER_URL) {
    const db = await openDatabase({})
    if (migrated) await migrate(db.sql)
    return { ...db, url: undefined }
  }
  const admin = postgres(SERVER_URL, { max: 2, onnotice: () => {} })
  const name = `samflyt_test_${process.pid}_${randomBytes(4).toString('hex')}`
  try {
    const template = migrated ? await ensureTemplate(admin, SERVER_URL) : 'template0'
    await admin.unsafe(`create database "${name}" template "${template}"`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(SERVER_URL, name)
  const db = await openDatabase({ databaseUrl: url, maxConnections: 10 })
  return {
    ...db,
    url,
    async close() {
      await db.close()
      if (process.env.SAMFLYT_KEEP_TEST_DB) return
      const cleanup = postgres(SERVER_URL, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
      await cleanup.end()
    },
  }
}
