// Retention: when a closed case has been closed longer than the configured time, the personal
// data Samflyt holds about it as working copies is removed (see docs/retention.md for what the
// archive law and the GDPR ask, and what stays). The hash chains stay verifiable: a history row
// keeps its frame and hash, its data is replaced by {"removed": true}, and audit_removals records
// the SHA-256 of the canonical data that was there; verification checks the chain over what
// remains plus those records. Everything else removed is recorded the same way, per table.
import type { Sql } from '../db/connect.js'
import { canonicalJson } from './canonical.js'
import { dataHash, sha256 } from './hash.js'
import { REMOVED_DATA } from './chains.js'

export const RETENTION_REASON = 'Retention: personal data of a closed case removed after the configured time (docs/retention.md)'

export interface RetentionResult {
  cases: string[]
  historyRows: number
}

/** Cases closed before `now - days` whose personal data is still here, oldest first. */
export async function casesDue(sql: Sql, now: Date, days: number, limit = 100): Promise<string[]> {
  const before = new Date(now.getTime() - days * 86_400_000)
  const rows = await sql<{ id: string }[]>`
    select c.id::text from cases c
    where c.closed_at is not null and c.closed_at < ${before}
      and not exists (select 1 from audit_removals r where r.chain = 'case' and r.chain_key = c.id and r.field = 'retention')
      and not exists (select 1 from process_instances p where (p.key = c.instance_key or p.root_key = c.instance_key) and p.status = 'active')
    order by c.closed_at, c.id limit ${limit}`
  return rows.map((r) => r.id)
}

/** Removes the personal data of every case due; each case in a transaction of its own. */
export async function runRetention(sql: Sql, now: Date, days: number): Promise<RetentionResult> {
  const result: RetentionResult = { cases: [], historyRows: 0 }
  for (;;) {
    const due = await casesDue(sql, now, days)
    if (due.length === 0) return result
    for (const caseId of due) {
      result.historyRows += (await sql.begin((tx) => removeCase(tx as unknown as Sql, caseId, now))) as number
      result.cases.push(caseId)
    }
  }
}

async function removeCase(sql: Sql, caseId: string, now: Date): Promise<number> {
  const [row] = await sql<{ instanceKey: string | null; personId: string }[]>`
    select instance_key::text as "instanceKey", person_id::text as "personId" from cases where id = ${caseId} for update`
  if (!row) return 0
  // Another process may have done it while this one waited for the lock.
  const [done] = await sql`select 1 from audit_removals where chain = 'case' and chain_key = ${caseId} and field = 'retention'`
  if (done) return 0
  const instances = row.instanceKey
    ? (await sql<{ key: string }[]>`select key::text from process_instances where key = ${row.instanceKey} or root_key = ${row.instanceKey}`).map((r) => r.key)
    : []
  const record = (chain: 'history' | 'case', chainKey: string, seq: number | null, field: string, content: unknown) =>
    ({ chain, chain_key: chainKey, seq, field, content_hash: content === null ? null : sha256(canonicalJson(content)), reason: RETENTION_REASON, removed_at: now })
  const records: ReturnType<typeof record>[] = []

  // History: the data of every row that carries any, its hash recorded first (the trigger lets
  // the data be replaced only once its removal is recorded).
  const rows = await sql<{ instanceKey: string; seq: number; data: unknown }[]>`
    select instance_key::text as "instanceKey", seq, data from history
    where instance_key = any(${instances}::bigint[]) and data <> '{}'::jsonb and data <> ${sql.json(REMOVED_DATA as never)}::jsonb`
  const history = rows.map((r) => ({ ...record('history', r.instanceKey, r.seq, 'data', null), content_hash: dataHash(r.data) }))
  if (history.length > 0) {
    await sql`insert into audit_removals ${sql(history)}`
    await sql`
      update history h set data = ${sql.json(REMOVED_DATA as never)}
      from jsonb_to_recordset(${sql.json(rows.map((r) => ({ k: r.instanceKey, s: r.seq })) as never)}) as r(k bigint, s integer)
      where h.instance_key = any(${instances}::bigint[]) and h.instance_key = r.k and h.seq = r.s`
  }

  // The working copies elsewhere: what each held is hashed and recorded, then emptied.
  const [caseRow] = await sql`select summary, facts, sender_name, decision_reason, withdrawn_reason from cases where id = ${caseId}`
  records.push(record('case', caseId, null, 'cases.summary,facts,sender_name,decision_reason,withdrawn_reason', caseRow))
  await sql`update cases set summary = null, facts = '{}', sender_name = null, decision_reason = null, withdrawn_reason = null where id = ${caseId}`

  const variables = await sql`
    select p.key::text, p.state->'variables' as variables, coalesce(jsonb_agg(t.variables) filter (where t.key is not null), '[]') as tasks
    from process_instances p left join user_tasks t on t.instance_key = p.key
    where p.key = any(${instances}::bigint[]) group by p.key`
  records.push(record('case', caseId, null, 'process_instances.state.variables,user_tasks.variables', variables))
  await sql`update process_instances set state = jsonb_set(state, '{variables}', '{}') where key = any(${instances}::bigint[])`
  await sql`update user_tasks set variables = '{}' where instance_key = any(${instances}::bigint[])`

  // The decisions' facts and the letters' contents: the triggers let them go once recorded.
  const facts = await sql<{ instanceKey: string; facts: unknown }[]>`
    select process_instance_key::text as "instanceKey", jsonb_agg(facts order by id) as facts from decisions
    where process_instance_key = any(${instances}::bigint[]) group by process_instance_key`
  const letters = await sql`select id::text, data, checksum from letters where case_id = ${caseId} order by id`
  const first = [...facts.map((f) => record('history', f.instanceKey, null, 'decisions.facts', f.facts)), record('case', caseId, null, 'letters.data,pdf', letters)]
  await sql`insert into audit_removals ${sql(first)}`
  await sql`update decisions set facts = '{}' where process_instance_key = any(${instances}::bigint[]) and facts <> '{}'`
  await sql`update letters set data = ${sql.json(REMOVED_DATA as never)}, pdf = ''::bytea where case_id = ${caseId}`

  const notices = await sql`select id::text, recipient, message from case_notifications where case_id = ${caseId} order by id`
  records.push(record('case', caseId, null, 'case_notifications.recipient,message', notices))
  await sql`update case_notifications set recipient = '(removed)', message = '(removed)' where case_id = ${caseId}`

  // The person, once no other case of theirs keeps the data: the name and contact details go, the
  // identity number becomes one no person can have (day 00), unique by the row's id.
  const [others] = await sql`
    select 1 from cases c where c.person_id = ${row.personId} and c.id <> ${caseId}
      and not exists (select 1 from audit_removals r where r.chain = 'case' and r.chain_key = c.id and r.field = 'retention') limit 1`
  if (!others) {
    const [person] = await sql`select identity_number, name, address, postal_code, city, phone, email, birth_date::text from people where id = ${row.personId}`
    const guardians = await sql`select name, identity_number, phone, email from guardians where person_id = ${row.personId} order by id`
    records.push(record('case', caseId, null, 'people,guardians', { person, guardians }))
    await sql`
      update people set identity_number = ${`00${row.personId.padStart(9, '0')}`}, name = '(removed)', address = null, postal_code = null,
        city = null, phone = null, email = null, birth_date = date_trunc('year', birth_date)::date, updated_at = ${now}
      where id = ${row.personId}`
    await sql`update guardians set name = '(removed)', identity_number = null, phone = null, email = null where person_id = ${row.personId}`
  }
  records.push(record('case', caseId, null, 'retention', { historyRows: history.length, instances }))
  await sql`insert into audit_removals ${sql(records)}`
  return history.length
}

/** What was removed from a case, for the integrity report and the auditors. */
export async function removalsOfCase(sql: Sql, caseId: string): Promise<{ field: string; contentHash: string | null; reason: string; removedAt: Date }[]> {
  return sql`
    select field, content_hash as "contentHash", reason, removed_at as "removedAt" from audit_removals
    where chain = 'case' and chain_key = ${caseId} order by id` as never
}
