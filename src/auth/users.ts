import type { Sql } from '../db/connect.js'
import type { Role } from './roles.js'

export interface User {
  id: number
  username: string
  displayName: string
  passwordHash: string | null
  roles: Role[]
  unit: string | null
  active: boolean
}

const columns = (sql: Sql) =>
  sql`id::int, username, display_name as "displayName", password_hash as "passwordHash", roles, unit, active`

export async function findUser(sql: Sql, username: string): Promise<User | undefined> {
  const [user] = await sql<User[]>`select ${columns(sql)} from users where username = ${username}`
  return user
}

export async function listUsers(sql: Sql): Promise<User[]> {
  return sql<User[]>`select ${columns(sql)} from users order by username`
}

export interface NewUser {
  username: string
  displayName: string
  passwordHash: string | null
  roles: Role[]
  unit?: string | null
}

/** Creates the account, or leaves an existing one with that username as it is. */
export async function ensureUser(sql: Sql, user: NewUser): Promise<void> {
  await sql`
    insert into users (username, display_name, password_hash, roles, unit)
    values (${user.username}, ${user.displayName}, ${user.passwordHash}, ${user.roles}, ${user.unit ?? null})
    on conflict (username) do nothing`
}
