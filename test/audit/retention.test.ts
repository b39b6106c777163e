// Retention: a case closed longer than the configured time loses the personal data Samflyt holds
// about it (history data, instance and task variables, case text and facts, the rules' facts,
// letter contents, notices, the person and guardians), with each removal recorded; its chains
// still verify over what remains plus those records, its timeline and view still answer, and a
// case still open is left alone. A removal record tampered with is caught.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { identity, openOffice, registerCase, type Office } from '../e2e/helpers.js'
import { sealChains } from '../../src/audit/seals.js'
import { runRetention } from '../../src/audit/retention.js'
import { addCoordinator, decidedCase, integrityOf } from './helpers.js'
import { loadConfig } from '../../src/config.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

const sql = () => office.t.db.sql
const DAY = 86_400_000

/** Tables (all of the public schema but the audit's own hashes and the access log) whose rows' text holds `value`. */
async function tablesHolding(value: string): Promise<string[]> {
  const tables = await sql()<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_removals', 'case_access_log', 'schema_migrations')`
  const found: string[] = []
  for (const { name } of tables) {
    const [row] = await sql().unsafe(`select count(*)::int as n from "${name}" t where t::text like $1`, [`%${value}%`])
    if (row!.n > 0) found.push(name)
  }
  return found
}

test('a case closed longer than the retention time loses its personal data, and its chains still verify', async () => {
  const coordinatorId = await addCoordinator(office)
  const name = 'Åse Ødegård'
  const closed = await decidedCase(office, coordinatorId, name)
  const [person] = await sql()<{ identityNumber: string }[]>`
    select p.identity_number as "identityNumber" from people p join cases c on c.person_id = p.id where c.id = ${closed.id}`
  const { case: open } = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1980-05-05'), name: 'Olav Åpen' }, consent: { consentGiven: true, ipDeclined: false } })
  await sealChains(sql(), new Date())
  assert.ok((await tablesHolding(name)).length > 3, 'the name is in many tables before')

  assert.equal((await runRetention(sql(), new Date(Date.now() + 30 * DAY), 365)).cases, [], 'not yet: closed for less than the retention time')
  const result = await runRetention(sql(), new Date(Date.now() + 400 * DAY), 365)
  assert.equal(result.cases, [closed.id], 'only the closed case, not the open one')
  assert.ok(result.historyRows > 10, `history rows emptied: ${result.historyRows}`)

  assert.equal(await tablesHolding(name), [], 'the name is gone from every table')
  assert.equal(await tablesHolding(person!.identityNumber), [], 'the identity number is gone from every table')
  assert.equal(await tablesHolding('Bjørkeveien'), [], 'the address too')
  assert.ok((await tablesHolding('Olav Åpen')).length > 0, 'the open case keeps its data')

  const removals = await sql()<{ field: string; n: number }[]>`
    select field, count(*)::int as n from audit_removals where chain_key in (${closed.id}, ${closed.instanceKey}) group by field order by field`
  const fields = removals.map((r) => r.field)
  for (const field of ['data', 'people,guardians', 'retention', 'letters.data,pdf', 'decisions.facts']) assert.ok(fields.includes(field), `recorded: ${field} in ${fields.join(', ')}`)

  const integrity = await integrityOf(office, closed.id)
  assert.ok(integrity.ok, JSON.stringify(integrity.problems))
  const history = integrity.chains.find((chain: any) => chain.key === closed.instanceKey)
  assert.is(history.removed, result.historyRows, 'every emptied row checked by its recorded hash')
  assert.is(history.sealedThrough, history.rows, 'the seal still matches')

  const timeline = await office.t.app.inject({ url: `/api/cases/${closed.id}/timeline?purpose=kontroll`, headers: office.auth.randi })
  assert.is(timeline.statusCode, 200, timeline.body)
  const verify = json(timeline).entries.find((e: any) => e.elementId === 'verify' && e.kind === 'human')
  assert.match(verify.text, /^Kari Nordmann \(saksbehandler\) fullførte «Kontroller henvendelsen»/, 'who did what and when stays')
  assert.match(verify.entered[0].value, /slettet/)
  const view = await office.t.app.inject({ url: `/api/cases/${closed.id}`, headers: office.auth.kari })
  assert.is(view.statusCode, 200, view.body)
  assert.is(json(view).person.name, '(removed)')

  assert.equal((await runRetention(sql(), new Date(Date.now() + 400 * DAY), 365)).cases, [], 'done once')
})

test('a removal record changed afterwards, or data put back, is caught', async () => {
  const [removed] = await sql()<{ chainKey: string; seq: number }[]>`
    select chain_key::text as "chainKey", seq from audit_removals where chain = 'history' order by id limit 1`
  await sql().begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    await tx`update history set data = '{"variables": {"personName": "Noen Annen"}}' where instance_key = ${removed!.chainKey} and seq = ${removed!.seq}`
  })
  const [caseRow] = await sql()<{ id: string }[]>`select id::text from cases where instance_key = ${removed!.chainKey}`
  const result = await integrityOf(office, caseRow!.id)
  assert.equal(result.problems.map((p: any) => [p.seq, p.code]), [[removed!.seq, 'hash']])
})

test('the database refuses to empty a history row whose removal is not recorded', async () => {
  const [row] = await sql()<{ key: string; seq: number }[]>`select instance_key::text as key, seq from history where data <> '{"removed": true}' limit 1`
  const error = await sql()`update history set data = '{"removed": true}' where instance_key = ${row!.key} and seq = ${row!.seq}`.catch((e) => e)
  assert.instance(error, Error)
  assert.match(error.message, /append-only/)
})

test('SAMFLYT_RETENTION_DAYS and SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS are checked at start', () => {
  assert.is(loadConfig({}).audit.retentionDays, undefined)
  assert.is(loadConfig({}).audit.sealIntervalSeconds, 300)
  assert.is(loadConfig({ SAMFLYT_RETENTION_DAYS: '3650' }).audit.retentionDays, 3650)
  assert.throws(() => loadConfig({ SAMFLYT_RETENTION_DAYS: 'ten years' }), /SAMFLYT_RETENTION_DAYS must be a whole number/)
  assert.throws(() => loadConfig({ SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS: '-1' }), /SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS/)
})

test.run()
