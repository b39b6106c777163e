// The one place that creates a database client. With a DATABASE_URL it talks to that server;
// without one it starts an embedded PGlite and talks to it over the same wire protocol.
import postgres from 'postgres'
import { redactUrl } from '../config.js'
import { startEmbedded } from './embedded.js'

export type Sql = postgres.Sql
export type TransactionSql = postgres.TransactionSql

export interface Database {
  sql: Sql
  kind: 'postgres' | 'pglite'
  /** Where the data lives, safe to log: the URL without its password, or the PGlite folder. */
  location: string
  /** A server's URL (with its password), to open further connections to it; undefined on PGlite. */
  url?: string | undefined
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined
  /** PGlite's folder; undefined keeps the embedded database in memory. */
  dataDir?: string | undefined
  /** Pool size on a server; PGlite serves one connection at a time, so it always gets one. */
  maxConnections?: number
}

export const CLIENT_OPTIONS = {
  onnotice: () => {},
  connection: { application_name: 'samflyt' },
  transform: { undefined: null },
} as const

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, { ...CLIENT_OPTIONS, max: options.maxConnections ?? 10 })
    return { sql, kind: 'postgres', location: redactUrl(options.databaseUrl), url: options.databaseUrl, close: () => sql.end({ timeout: 5 }) }
  }
  const embedded = await startEmbedded(options.dataDir)
  const sql = postgres({
    ...CLIENT_OPTIONS,
    host: '127.0.0.1',
    port: embedded.port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
  })
  return {
    sql,
    kind: 'pglite',
    location: options.dataDir ?? 'memory',
    async close() {
      await sql.end({ timeout: 5 })
      await embedded.stop()
    },
  }
}

/**
 * Runs `work` in one transaction. The transaction is handed over as a plain `Sql`, so the same
 * query functions serve inside and outside transactions (postgres types them apart).
 */
export function transaction<T>(sql: Sql, work: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => work(tx as unknown as Sql)) as Promise<T>
}
