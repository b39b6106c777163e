// The database enforces the audit rules, also against the application: it runs as samflyt_app,
// which cannot alter tables or disable triggers, and the triggers refuse what no one may do.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testDatabase, ON_SERVER, type TestDatabase } from '../helpers/database.js'
import { APP_ROLE, checkAppRole, openAppConnection } from '../../src/db/app-role.js'
import type { Database, Sql } from '../../src/db/connect.js'
import { testCase } from '../letters/fixtures.js'

let owner: TestDatabase
let app: Database
let caseId: string

test.before(async () => {
  owner = await testDatabase()
  caseId = await testCase(owner.sql)
  app = await openAppConnection(owner)
})
test.after(async () => {
  if (app !== owner) await app.close()
  else await owner.sql`reset role`
  await owner.close()
})

/** Runs `work` as the owner. On PGlite the one session is the app's: it resets its role meanwhile. */
async function asOwner<T>(work: () => Promise<T>): Promise<T> {
  if (app !== owner) return work()
  await owner.sql`reset role`
  try {
    return await work()
  } finally {
    await owner.sql.unsafe(`set role ${APP_ROLE}`)
  }
}

/** The error a statement fails with (it must fail). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  const outcome = await statement.then(() => 'it went through', (error: Error) => error.message)
  assert.is.not(outcome, 'it went through')
  return outcome
}

async function insertSentLetter(sql: Sql, channel: 'svarut' | 'outbox' = 'outbox'): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into letters (case_id, kind, language, status, data, pdf, checksum, template_name, template_checksum,
                         channel, dispatch_id, created_by, approved_by, approved_at, sent_by, sent_at)
    values (${caseId}, 'decision', 'nb', 'sent', '{}', ${Buffer.from('%PDF-1.7 sent')}, 'sha-sent', 'vedtak', 'sha-template',
            ${channel}, 'shipment-1', 'kari', 'siri', now(), 'dispatch-worker', now())
    returning id::text`
  return row!.id
}

test('the application runs as samflyt_app: not a superuser, owner of no table', async () => {
  const [row] = await app.sql<{ role: string; superuser: boolean }[]>`
    select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`
  assert.equal(row, { role: APP_ROLE, superuser: false })
  await checkAppRole(app)
})

test('a superuser connection is refused as the application connection', async () => {
  // On PGlite the one session acts as the app; this test looks at the owner on a server only.
  if (!ON_SERVER) return
  const error = await checkAppRole(owner).then(() => undefined, (e: Error) => e)
  assert.match(String(error?.message), /superuser, which could disable the audit triggers/)
})

test('the application cannot disable a trigger, alter a table, bypass triggers or truncate history', async () => {
  assert.match(await refusal(app.sql`alter table history disable trigger history_append_only`), /must be owner/)
  assert.match(await refusal(app.sql`alter table letters disable trigger all`), /must be owner/)
  assert.match(await refusal(app.sql`alter table decisions add column forged text`), /must be owner/)
  assert.match(await refusal(app.sql`drop trigger letters_pdf_frozen on letters`), /must be owner/)
  assert.match(await refusal(app.sql`set session_replication_role = replica`), /permission denied/)
  for (const table of ['history', 'decisions', 'case_access_log', 'message_correlations', 'letters']) {
    assert.match(await refusal(app.sql.unsafe(`truncate ${table}`)), /permission denied/, table)
  }
  assert.match(await refusal(app.sql`delete from schema_migrations`), /permission denied/)
})

test('the application can do its everyday work: read, insert, update and delete', async () => {
  await app.sql`insert into settings (name, value) values ('app-role-probe', 'x')`
  await app.sql`update settings set value = 'y' where name = 'app-role-probe'`
  const [row] = await app.sql<{ value: string }[]>`select value from settings where name = 'app-role-probe'`
  assert.is(row!.value, 'y')
  await app.sql`delete from settings where name = 'app-role-probe'`
})

test('every append-only table refuses TRUNCATE, even from the owner', async () => {
  for (const table of ['message_correlations', 'rule_set_versions', 'letters', 'history', 'decisions', 'case_access_log']) {
    assert.match(await asOwner(() => refusal(owner.sql.unsafe(`truncate ${table} cascade`))), /refused|append-only/, table)
  }
})

test('every table whose rows may not be deleted also has a trigger that refuses TRUNCATE', async () => {
  // Catalogue check, so that a table added later with an append-only trigger cannot forget it.
  const rows = await owner.sql<{ table: string; truncate: boolean }[]>`
    select c.relname as table,
      exists (select 1 from pg_trigger u where u.tgrelid = c.oid and (u.tgtype & 32) <> 0) as truncate
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and exists (
      select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
      where t.tgrelid = c.oid and (t.tgtype & 8) <> 0 and p.proname like 'refuse%')`
  assert.ok(rows.length >= 6, `append-only tables found: ${rows.map((r) => r.table).join(', ')}`)
  assert.equal(rows.filter((r) => !r.truncate).map((r) => r.table), [])
})

test('a sent letter is immutable in every column: approver, sender, status, PDF', async () => {
  const id = await insertSentLetter(app.sql)
  const attempts = [
    app.sql`update letters set approved_by = 'mallory' where id = ${id}`,
    app.sql`update letters set approved_at = now() - interval '1 day' where id = ${id}`,
    app.sql`update letters set sent_by = 'mallory' where id = ${id}`,
    app.sql`update letters set sent_at = now() - interval '1 day' where id = ${id}`,
    app.sql`update letters set status = 'draft', approved_by = null where id = ${id}`,
    app.sql`update letters set status = 'approved' where id = ${id}`,
    app.sql`update letters set pdf = ${Buffer.from('%PDF forged')}, checksum = 'forged' where id = ${id}`,
    app.sql`update letters set channel = 'post' where id = ${id}`,
    app.sql`update letters set language = 'nn' where id = ${id}`,
    app.sql`update letters set dispatch_status = 'LEST' where id = ${id}`,
  ]
  for (const [index, attempt] of attempts.entries()) {
    assert.match(await refusal(attempt), /letter .* (is sent|cannot|can no longer|never change)/, `attempt ${index}`)
  }
  // The owner is refused too: the rule is the table's, not the role's.
  assert.match(await asOwner(() => refusal(owner.sql`update letters set sent_by = 'mallory' where id = ${id}`)), /a sent letter cannot change/)
  // Status sent -> draft, new PDF, back to sent, in one transaction: refused at the first step.
  assert.match(await refusal(app.sql.begin(async (tx) => {
    await tx`update letters set status = 'draft', approved_by = null, approved_at = null where id = ${id}`
    await tx`update letters set pdf = ${Buffer.from('%PDF forged')} where id = ${id}`
    await tx`update letters set status = 'sent' where id = ${id}`
  })), /cannot go back to draft/)
  const [letter] = await owner.sql`select status, approved_by, sent_by, checksum from letters where id = ${id}`
  assert.equal({ ...letter }, { status: 'sent', approved_by: 'siri', sent_by: 'dispatch-worker', checksum: 'sha-sent' })
})

test('a letter with the dispatch service keeps its delivery bookkeeping: status followed, and failed when undeliverable', async () => {
  const id = await insertSentLetter(app.sql, 'svarut')
  await app.sql`update letters set dispatch_status = 'MOTTATT' where id = ${id}`
  await app.sql`update letters set dispatch_lease_until = now() + interval '1 minute', dispatch_attempts = dispatch_attempts + 1 where id = ${id}`
  await app.sql`update letters set dispatch_lease_until = null where id = ${id}`
  assert.match(await refusal(app.sql`update letters set dispatch_attempts = 0 where id = ${id}`), /a sent letter cannot change/)
  await app.sql`update letters set status = 'failed', dispatch_status = 'IKKE_LEVERT', last_error = 'not delivered' where id = ${id}`
  // Failed is not sent: it may be sent again, but never becomes a draft, nor gets another approver.
  assert.match(await refusal(app.sql`update letters set status = 'draft' where id = ${id}`), /cannot go back to draft/)
  assert.match(await refusal(app.sql`update letters set approved_by = 'mallory' where id = ${id}`), /who approved it/)
  await app.sql`update letters set status = 'sent-by-post', channel = 'post', sent_by = 'kari', sent_at = now() where id = ${id}`
  assert.match(await refusal(app.sql`update letters set status = 'failed' where id = ${id}`), /a sent letter cannot change/)
})

test('an approval can still be undone before the letter is sent', async () => {
  const [row] = await app.sql<{ id: string }[]>`
    insert into letters (case_id, kind, language, status, data, pdf, checksum, template_name, template_checksum, created_by, approved_by, approved_at)
    values (${caseId}, 'decision', 'nb', 'approved', '{}', ${Buffer.from('%PDF')}, 'sha', 'vedtak', 'sha-t', 'kari', 'siri', now())
    returning id::text`
  await app.sql`update letters set status = 'draft', approved_by = null, approved_at = null where id = ${row!.id}`
  assert.match(await refusal(app.sql`update letters set created_by = 'mallory' where id = ${row!.id}`), /never change/)
})

test('with a login of its own (SAMFLYT_APP_DATABASE_URL) the application cannot even reset its role', async () => {
  if (!ON_SERVER) return
  const url = new URL(owner.url!)
  url.username = APP_ROLE
  url.password = ''
  // The test server trusts local connections; in production the operator gives the role a password.
  const own = await openAppConnection(owner, { appDatabaseUrl: url.toString(), maxConnections: 1 })
  try {
    await checkAppRole(own)
    await own.sql`reset role`
    const [row] = await own.sql<{ role: string; session: string }[]>`select current_user as role, session_user as session`
    assert.equal({ ...row }, { role: APP_ROLE, session: APP_ROLE })
    assert.match(await refusal(own.sql`alter table history disable trigger history_append_only`), /must be owner/)
    assert.match(await refusal(own.sql`truncate history`), /permission denied/)
  } finally {
    await own.close()
  }
})

test.run()
