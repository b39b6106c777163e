// Demo accounts, one per role (two caseworkers), for the embedded default (or SAMFLYT_DEMO=1). Listed in the README.
import type { Sql } from '../db/connect.js'
import { hashPassword } from './passwords.js'
import type { Role } from './roles.js'
import { ensureUser } from './users.js'

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; unit: string; password: string }[] = [
  { username: 'kari', displayName: 'Kari Nordmann (saksbehandler)', roles: ['caseworker'], unit: 'KE', password: 'kari-demo' },
  // A second caseworker: a letter must be approved by someone other than its assessor (four eyes).
  { username: 'siri', displayName: 'Siri Dahl (saksbehandler)', roles: ['caseworker'], unit: 'KE', password: 'siri-demo' },
  { username: 'ola', displayName: 'Ola Hansen (mottaksgruppe)', roles: ['intake-group'], unit: 'PPT', password: 'ola-demo' },
  { username: 'ingrid', displayName: 'Ingrid Berg (koordinator)', roles: ['coordinator'], unit: 'Fysio/ergo', password: 'ingrid-demo' },
  { username: 'per', displayName: 'Per Olsen (prosesseier)', roles: ['process-owner'], unit: 'KE', password: 'per-demo' },
  { username: 'randi', displayName: 'Randi Lie (revisor)', roles: ['auditor'], unit: 'Internkontroll', password: 'randi-demo' },
  { username: 'admin', displayName: 'Administrator', roles: ['admin'], unit: 'KE', password: 'admin-demo' },
]

export async function seedDemoUsers(sql: Sql): Promise<void> {
  const existing = new Set((await sql<{ username: string }[]>`select username from users`).map((u) => u.username))
  for (const user of DEMO_USERS.filter((u) => !existing.has(u.username))) {
    await ensureUser(sql, { ...user, passwordHash: await hashPassword(user.password) })
  }
}
