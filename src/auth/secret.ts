// The secret that signs local tokens. Set SAMFLYT_TOKEN_SECRET to choose it; otherwise one is
// generated once and kept in the database, so every Samflyt process on it accepts the same tokens.
import { randomBytes } from 'node:crypto'
import type { Sql } from '../db/connect.js'

export async function tokenSecret(sql: Sql, configured: string | undefined): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured)
  const generated = randomBytes(48).toString('base64')
  await sql`insert into settings (name, value) values ('token_secret', ${generated}) on conflict (name) do nothing`
  const [row] = await sql<{ value: string }[]>`select value from settings where name = 'token_secret'`
  return Buffer.from(row!.value, 'base64')
}
