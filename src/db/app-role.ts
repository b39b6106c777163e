// The application runs as a role that cannot change the rules the database enforces: not a
// superuser, owner of no table, granted select, insert, update and delete only (migration
// 0008). Migrations run before, as the schema's owner. Three ways to get there:
//
// - A server with SAMFLYT_APP_DATABASE_URL: the application logs in as that role (samflyt_app
//   or one granted the same). The strongest: nothing the application sends can undo it.
// - A server without it: the owner's connection (DATABASE_URL) acts as samflyt_app on every
//   connection it opens (the `role` setting, as SET ROLE). Every statement is checked as
//   samflyt_app, but a session whose login is a superuser could RESET ROLE: set the URL above
//   in production.
// - Embedded PGlite: it has one user and one session, so after migrating that session does
//   SET ROLE samflyt_app, the closest honest equivalent; as above, it could be reset.
import postgres from 'postgres'
import { CLIENT_OPTIONS, type Database } from './connect.js'
import { redactUrl } from '../config.js'

export const APP_ROLE = 'samflyt_app'

export class AppRoleError extends Error {
  override name = 'AppRoleError'
}

export interface AppConnectionOptions {
  /** A login of its own for the application; without it the owner's connection acts as samflyt_app. */
  appDatabaseUrl?: string | undefined
  maxConnections?: number
}

/**
 * The application's connection, opened once the owner has migrated. Takes over the owner's
 * database: the owner's connection is closed (or, on PGlite, becomes the application's).
 */
export async function connectAsApp(owner: Database, options: AppConnectionOptions = {}): Promise<Database> {
  let app: Database = owner
  try {
    app = await openAppConnection(owner, options)
    if (app !== owner) await owner.close()
    await checkAppRole(app)
    return app
  } catch (error) {
    await app.close().catch(() => {})
    if (app !== owner) await owner.close().catch(() => {})
    throw error
  }
}

/**
 * A connection as the application's role beside the owner's, which stays open (tests use both).
 * On PGlite there is one session: the owner's itself turns into the application's, and is returned.
 */
export async function openAppConnection(owner: Database, options: AppConnectionOptions = {}): Promise<Database> {
  if (owner.kind === 'pglite') {
    await owner.sql.unsafe(`set role ${APP_ROLE}`)
    return owner
  }
  const url = options.appDatabaseUrl ?? owner.url
  if (!url) throw new AppRoleError('The database has no URL to connect the application with')
  const connection = options.appDatabaseUrl ? CLIENT_OPTIONS.connection : { ...CLIENT_OPTIONS.connection, role: APP_ROLE }
  const sql = postgres(url, { ...CLIENT_OPTIONS, connection, max: options.maxConnections ?? 10 })
  const app: Database = { sql, kind: 'postgres', location: redactUrl(url), url, close: () => sql.end({ timeout: 5 }) }
  try {
    await sql`select 1`
  } catch (error) {
    await app.close()
    const message = (error as Error).message
    throw new AppRoleError(options.appDatabaseUrl
      ? `The application cannot connect with SAMFLYT_APP_DATABASE_URL (${redactUrl(url)}): ${message}`
      : `The owner's login cannot act as ${APP_ROLE} (${message}); grant it the role (grant ${APP_ROLE} to <owner>) or set SAMFLYT_APP_DATABASE_URL`)
  }
  return app
}

/** Refuses a connection that could alter tables or triggers: a superuser's, or a table owner's. */
export async function checkAppRole(db: Pick<Database, 'sql'>): Promise<void> {
  const [row] = await db.sql<{ role: string; superuser: boolean; owns: string | null }[]>`
    select current_user as role, r.rolsuper as superuser,
      (select c.relname from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'MEMBER')
        limit 1) as owns
    from pg_roles r where r.rolname = current_user`
  if (!row) throw new AppRoleError('The application role could not be looked up')
  if (row.superuser) {
    throw new AppRoleError(`The application connects as ${row.role}, a superuser, which could disable the audit triggers; connect it as ${APP_ROLE} (SAMFLYT_APP_DATABASE_URL)`)
  }
  if (row.owns) {
    throw new AppRoleError(`The application connects as ${row.role}, which owns (or may act as the owner of) table ${row.owns} and could alter it; connect it as ${APP_ROLE} (SAMFLYT_APP_DATABASE_URL)`)
  }
}
