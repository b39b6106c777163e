// Tamper evidence on a real database: each way the record was found editable (a superuser in
// replica mode changing the decision step's actor from siri to kari, a disabled trigger, an
// update with the hashes recomputed, a deleted tail with the counters lowered) is reported by
// GET /api/cases/:id/integrity and by `npm run audit:verify`, naming the first row that does not match.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ON_SERVER } from '../helpers/database.js'
import { openOffice, type Office } from '../e2e/helpers.js'
import { sealChains } from '../../src/audit/seals.js'
import { accessHash } from '../../src/audit/hash.js'
import { addCoordinator, decidedCase, integrityOf } from './helpers.js'

let office: Office
let coordinatorId: string
test.before(async () => {
  office = await openOffice()
  coordinatorId = await addCoordinator(office)
})
test.after(async () => {
  await office.close()
})

const sql = () => office.t.db.sql

/** Runs statements as a superuser would, with triggers off (session_replication_role = replica). */
const asReplica = (work: (tx: any) => Promise<unknown>) =>
  sql().begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    await work(tx)
  })

async function decisionRow(instanceKey: string) {
  const [row] = await sql()<{ seq: number; actor: string }[]>`
    select seq, actor from history where instance_key = ${instanceKey} and element_id = 'decide' and type = 'userTaskCompleted'`
  assert.ok(row, 'the decision step was completed')
  return row!
}

test('an untouched case verifies, and keeps verifying once sealed', async () => {
  const c = await decidedCase(office, coordinatorId)
  const before = await integrityOf(office, c.id)
  assert.ok(before.ok, JSON.stringify(before.problems))
  const history = before.chains.find((chain: any) => chain.chain === 'history' && chain.key === c.instanceKey)
  assert.ok(history.rows > 20, `the instance has its history (${history.rows} rows)`)
  assert.is(history.unchained, 0)
  assert.ok(await sealChains(sql(), new Date()) > 0, 'seals written')
  const after = await integrityOf(office, c.id)
  assert.ok(after.ok, JSON.stringify(after.problems))
  assert.is(after.chains.find((chain: any) => chain.key === c.instanceKey).sealedThrough, history.rows)
  assert.ok(after.newestSeal?.sealHash.match(/^[0-9a-f]{64}$/), 'the newest seal is given')
})

test('replica mode: the decision step\'s actor changed from siri to kari is reported at that row', async () => {
  const c = await decidedCase(office, coordinatorId)
  const row = await decisionRow(c.instanceKey)
  assert.is(row.actor, 'siri')
  await asReplica((tx) => tx`update history set actor = 'kari' where instance_key = ${c.instanceKey} and seq = ${row.seq}`)
  const result = await integrityOf(office, c.id)
  assert.not.ok(result.ok)
  const [problem] = result.problems
  assert.equal([problem.chain, problem.key, problem.seq, problem.code], ['history', c.instanceKey, row.seq, 'hash'])
  assert.match(problem.message, /userTaskCompleted at decide by kari/)
})

test('a disabled trigger: a history row\'s data edited is reported at that row', async () => {
  const c = await decidedCase(office, coordinatorId)
  const row = await decisionRow(c.instanceKey)
  await sql().begin(async (tx) => {
    await tx`alter table history disable trigger history_append_only`
    await tx`update history set data = jsonb_set(data, '{variables,coordinatorRight}', '"refused"') where instance_key = ${c.instanceKey} and seq = ${row.seq}`
    await tx`alter table history enable trigger history_append_only`
  })
  const [changed] = await sql()<{ data: any }[]>`select data from history where instance_key = ${c.instanceKey} and seq = ${row.seq}`
  assert.is(changed!.data.variables.coordinatorRight, 'refused', 'the edit went through')
  const result = await integrityOf(office, c.id)
  assert.equal(result.problems.map((p: any) => [p.chain, p.seq, p.code]), [['history', row.seq, 'hash']])
})

test('an update of the access log with its hashes recomputed is caught by the seal; a plain one by its hash', async () => {
  const c = await decidedCase(office, coordinatorId)
  await integrityOf(office, c.id, 'kari')
  await sealChains(sql(), new Date())
  // The attacker knows the algorithm: rewrites the first read's purpose, recomputes every hash
  // after it and the head, so the chain holds together again.
  await asReplica(async (tx) => {
    await tx`update case_access_log set purpose = 'nothing to see' where case_id = ${c.id} and seq = 1`
    const rows = await tx`select id, seq, username, roles, purpose, full_identity as "fullIdentity", at from case_access_log where case_id = ${c.id} order by seq`
    let prev: string | null = null
    for (const row of rows) {
      prev = accessHash(prev, { caseId: c.id, seq: row.seq, username: row.username, roles: row.roles, purpose: row.purpose, fullIdentity: row.fullIdentity, at: row.at })
      await tx`update case_access_log set hash = ${prev} where id = ${row.id}`
    }
    await tx`update audit_access_heads set hash = ${prev} where case_id = ${c.id}`
  })
  const result = await integrityOf(office, c.id)
  const access = result.problems.find((p: any) => p.chain === 'access')
  assert.ok(access, JSON.stringify(result.problems))
  assert.is(access.code, 'seal-changed')
  assert.match(access.message, /after it was sealed/)

  const other = await decidedCase(office, coordinatorId, 'Per Persen')
  await asReplica((tx) => tx`update case_access_log set username = 'ola' where case_id = ${other.id} and seq = 1`)
  const plain = (await integrityOf(office, other.id)).problems.find((p: any) => p.chain === 'access')
  assert.equal([plain.seq, plain.code], [1, 'hash'])
  assert.match(plain.message, /the read by ola/)
})

test('a deleted tail with the instance\'s counter and head lowered to match is caught by the seal', async () => {
  const c = await decidedCase(office, coordinatorId)
  await sealChains(sql(), new Date())
  const [last] = await sql()<{ seq: number }[]>`select max(seq)::int as seq from history where instance_key = ${c.instanceKey}`
  await asReplica(async (tx) => {
    await tx`delete from history where instance_key = ${c.instanceKey} and seq = ${last!.seq}`
    await tx`update process_instances set history_seq = ${last!.seq - 1},
               history_hash = (select hash from history where instance_key = ${c.instanceKey} and seq = ${last!.seq - 1})
             where key = ${c.instanceKey}`
  })
  const result = await integrityOf(office, c.id)
  assert.equal(result.problems.map((p: any) => [p.chain, p.key, p.seq, p.code]), [['history', c.instanceKey, last!.seq, 'seal-missing']])
  assert.match(result.problems[0].message, new RegExp(`row ${last!.seq} is gone`))
})

test('a row deleted in the middle is a gap; a seal edited breaks the seal chain', async () => {
  const c = await decidedCase(office, coordinatorId)
  await sealChains(sql(), new Date())
  await asReplica((tx) => tx`delete from history where instance_key = ${c.instanceKey} and seq = 5`)
  const gap = await integrityOf(office, c.id)
  assert.equal(gap.problems[0] && [gap.problems[0].seq, gap.problems[0].code], [5, 'gap'])

  const d = await decidedCase(office, coordinatorId, 'Siv Sivertsen')
  await sealChains(sql(), new Date())
  await asReplica((tx) => tx`update audit_seals set seq = seq - 1 where chain = 'history' and chain_key = ${d.instanceKey}`)
  const seals = await integrityOf(office, d.id)
  assert.ok(seals.problems.some((p: any) => p.chain === 'seal' && p.code === 'seal-hash'), JSON.stringify(seals.problems))
  assert.is(seals.seals.ok, false)
})

test('npm run audit:verify reports the first row that does not match, for one case and for all', async () => {
  if (!ON_SERVER) return // a child process cannot reach the in-memory PGlite
  const c = await decidedCase(office, coordinatorId, 'Tor Torsen')
  const row = await decisionRow(c.instanceKey)
  const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/audit/verify-cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: office.t.db.url! },
  }).then((r) => ({ code: 0, stdout: r.stdout }), (e) => ({ code: e.code as number, stdout: e.stdout as string }))
  const clean = await run(c.id)
  assert.is(clean.code, 0, clean.stdout)
  assert.match(clean.stdout, /^OK/)
  await asReplica((tx) => tx`update history set actor = 'kari' where instance_key = ${c.instanceKey} and seq = ${row.seq}`)
  const one = await run(c.id)
  assert.is(one.code, 1, one.stdout)
  assert.match(one.stdout, new RegExp(`History of instance ${c.instanceKey}, row ${row.seq}: userTaskCompleted at decide by kari`))
  const all = await run()
  assert.is(all.code, 1)
  assert.ok(all.stdout.includes(`History of instance ${c.instanceKey}, row ${row.seq}`), all.stdout)
})

test.run()
