// Forward-only numbered SQL migrations (0001_name.sql, 0002_name.sql, ...), applied in order in
// one transaction under an advisory lock: two processes starting at once migrate once, and a
// failing migration leaves the schema as it was.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Sql } from './connect.js'

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname
const MIGRATION_LOCK_ID = 7_242_019_001

export interface Migration {
  version: number
  name: string
  sql: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
      if (!match) throw new MigrationError(`Migration file "${file}" must be named NNNN_name.sql`)
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') }
    })
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(`Migrations must be numbered 0001, 0002, ... without gaps; found ${String(migration.version).padStart(4, '0')}_${migration.name} at position ${index + 1}`)
    }
  })
  return migrations
}

/** A fingerprint of the migration files, used to name the test template database. */
export function migrationsFingerprint(dir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256')
  for (const m of readMigrations(dir)) hash.update(`${m.version}:${m.name}:${m.sql}`)
  return hash.digest('hex').slice(0, 12)
}

export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<{ applied: Migration[] }> {
  const migrations = readMigrations(dir)
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`
    await tx`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`
    const done = await tx<{ version: number; name: string }[]>`select version, name from schema_migrations order by version`
    for (const row of done) {
      const known = migrations.find((m) => m.version === row.version)
      if (!known || known.name !== row.name) {
        throw new MigrationError(`The database has migration ${row.version} (${row.name}) that this Samflyt does not know; is it an older version?`)
      }
    }
    const pending = migrations.filter((m) => !done.some((row) => row.version === m.version))
    for (const migration of pending) {
      try {
        await tx.unsafe(migration.sql)
      } catch (error) {
        throw new MigrationError(`Migration ${String(migration.version).padStart(4, '0')}_${migration.name} failed: ${(error as Error).message}`)
      }
      await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`
    }
    return { applied: pending }
  })
}

/** How many migrations the database lacks (0 when it is current). */
export async function pendingMigrations(sql: Sql, dir = MIGRATIONS_DIR): Promise<number> {
  const known = readMigrations(dir).length
  const [exists] = await sql<{ present: boolean }[]>`select to_regclass('schema_migrations') is not null as present`
  if (!exists?.present) return known
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from schema_migrations`
  return known - (row?.count ?? 0)
}
