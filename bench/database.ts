// The benchmark's own database on a real Postgres server, dropped and created fresh each run so
// figures do not depend on what an earlier run left behind.
import postgres from 'postgres'
import { migrate } from '../src/db/migrate.js'

export const BENCH_DATABASE = 'samflyt_bench'

export function benchDatabaseUrl(serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'): string {
  const url = new URL(serverUrl)
  url.pathname = `/${BENCH_DATABASE}`
  return url.toString()
}

/** Drops and recreates the bench database, migrated; returns its URL. */
export async function freshBenchDatabase(serverUrl?: string): Promise<string> {
  const url = benchDatabaseUrl(serverUrl)
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${BENCH_DATABASE}" with (force)`)
    await admin.unsafe(`create database "${BENCH_DATABASE}"`)
  } finally {
    await admin.end()
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await migrate(sql)
  } finally {
    await sql.end()
  }
  return url
}
