// A benchmark's own database on a real Postgres server, dropped and created fresh each run so
// figures do not depend on what an earlier run left behind.
import postgres from 'postgres'
import { migrate } from '../src/db/migrate.js'

const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

/** Drops and recreates the database `name` on the server, migrated; returns its URL. */
export async function freshBenchDatabase(name = 'samflyt_bench', serverUrl = SERVER_URL): Promise<string> {
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  url.pathname = `/${name}`
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} })
  try {
    await migrate(sql)
  } finally {
    await sql.end()
  }
  return url.toString()
}
