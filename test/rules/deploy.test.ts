// Deploying rule sets into the database: versions, redeploys, refusals, the shipped files.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testDatabase, type TestDatabase } from '../helpers/database.js'
import { canonicalJson, deployRuleSet, deployShippedRuleSets } from '../../src/rules/deploy.js'
import { RuleSetError } from '../../src/rules/rule-set.js'
import { SamflytError } from '../../src/errors.js'
import { listRuleSetVersions } from '../../src/rules/store.js'
import { RULES_DIR, shipped } from './fixtures/shipped.js'

let db: TestDatabase
test.before(async () => {
  db = await testDatabase()
})
test.after(async () => {
  await db.close()
})

const ruleSet = (version: number, threshold = 2) => ({
  id: 'escalation',
  version,
  description: 'Eskalering',
  rules: [{
    name: 'many-sectors',
    conditions: { all: [{ fact: 'sectorCount', operator: 'greaterThanInclusive', value: threshold }] },
    event: { type: 'escalate', params: { reason: 'Mange sektorer er involvert.', reasonNn: 'Mange sektorar er involverte.' } },
  }],
})

async function refusal(work: Promise<unknown>): Promise<SamflytError> {
  try {
    await work
  } catch (error) {
    assert.instance(error, SamflytError)
    return error as SamflytError
  }
  throw new Error('expected a refusal')
}

test('the first deploy is version 1; the same rule set again is that version, also reindented or with keys reordered', async () => {
  const first = await deployRuleSet(db.sql, ruleSet(1), 'per')
  assert.equal([first.isNew, first.row.version, first.row.declaredVersion, first.row.deployedBy], [true, 1, 1, 'per'])
  const again = await deployRuleSet(db.sql, ruleSet(1), 'admin')
  assert.equal([again.isNew, again.row.version, again.row.key], [false, 1, first.row.key])
  const reordered = JSON.parse(JSON.stringify({ rules: ruleSet(1).rules, description: 'Eskalering', version: 1, id: 'escalation', subject: 'case' }))
  const same = await deployRuleSet(db.sql, reordered, 'per')
  assert.equal([same.isNew, same.row.version], [false, 1])
  assert.is((await listRuleSetVersions(db.sql, 'escalation')).length, 1)
})

test('a changed rule set with a raised version is the next version; the content is kept as written', async () => {
  const changed = await deployRuleSet(db.sql, ruleSet(2, 3), 'per')
  assert.equal([changed.isNew, changed.row.version, changed.row.declaredVersion], [true, 2, 2])
  assert.equal(JSON.parse(changed.row.content), ruleSet(2, 3))
  const versions = await listRuleSetVersions(db.sql, 'escalation')
  assert.equal(versions.map((v) => v.version), [2, 1])
})

test('a changed rule set that keeps its declared version is refused: two different rule sets never share a version', async () => {
  const error = await refusal(deployRuleSet(db.sql, ruleSet(2, 4), 'per'))
  assert.is(error.code, 'SAMFLYT_CONFLICT')
  assert.equal(error.details, [{ path: 'version', message: 'must be more than 2, the version deployed now' }])
  assert.is((await listRuleSetVersions(db.sql, 'escalation')).length, 2)
})

test('a broken rule set is refused naming the rule and the field, and nothing is stored', async () => {
  const broken = ruleSet(1) as any
  broken.id = 'broken'
  broken.rules[0].conditions.all[0].operator = 'greaterThen'
  delete broken.rules[0].event.params.reasonNn
  const error = await refusal(deployRuleSet(db.sql, broken, 'per'))
  assert.instance(error, RuleSetError)
  assert.is(error.code, 'SAMFLYT_INVALID_DEFINITION')
  assert.is(error.status, 400)
  const operator = error.details.find((d) => d.path === 'rules[0].conditions.all[0].operator')
  assert.match(operator?.message ?? '', /^rule "many-sectors": unknown operator "greaterThen"/)
  assert.ok(error.details.some((d) => d.path === 'rules[0].event.params.reasonNn' && d.message.startsWith('rule "many-sectors"')))
  assert.match(error.message, /nothing was deployed/)
  assert.equal([...await listRuleSetVersions(db.sql, 'broken')], [])
})

test('the shipped rule sets deploy once: starting again deploys nothing new', async () => {
  const first = await deployShippedRuleSets(db.sql, RULES_DIR)
  assert.equal(first.map((d) => [d.row.ruleSetId, d.row.version, d.isNew]).sort(), [
    ['child-coordinator', 1, true], ['complexity', 1, true], ['coordinator', 1, true], ['coordinator-suggestion', 1, true], ['individual-plan', 1, true],
  ])
  const complexity = first.find((d) => d.row.ruleSetId === 'complexity')!.row
  assert.is(complexity.declaredVersion, (await shipped('complexity')).version)
  assert.is(complexity.deployedBy, 'samflyt')
  const again = await deployShippedRuleSets(db.sql, RULES_DIR)
  assert.ok(again.every((d) => !d.isNew))
  // The file as shipped and the same JSON through the API are one version.
  const viaApi = await deployRuleSet(db.sql, JSON.parse(JSON.stringify(await shipped('complexity'))), 'per')
  assert.equal([viaApi.isNew, viaApi.row.version], [false, 1])
})

test('deployed versions and decisions cannot be changed or removed', async () => {
  const [row] = await listRuleSetVersions(db.sql, 'escalation')
  for (const statement of [
    db.sql`update rule_set_versions set description = 'x' where key = ${row!.key}`,
    db.sql`delete from rule_set_versions where key = ${row!.key}`,
  ]) {
    try {
      await statement
      assert.unreachable('should be refused')
    } catch (error) {
      assert.match((error as Error).message, /rule_set_versions is append-only/)
    }
  }
  await db.sql`insert into decisions (rule_set_key, rule_set_id, version, declared_version, facts, events, reasons)
               values (${row!.key}, 'escalation', 2, 2, '{}', '[]', '[]')`
  for (const statement of [db.sql`update decisions set actor = 'x'`, db.sql`delete from decisions`, db.sql`truncate decisions`]) {
    try {
      await statement
      assert.unreachable('should be refused')
    } catch (error) {
      assert.match((error as Error).message, /decisions is append-only/)
    }
  }
})

test('canonical JSON ignores key order and whitespace, not array order', () => {
  assert.is(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] }), '{"a":[2,{"c":2,"d":1}],"b":1}')
  assert.is.not(canonicalJson([1, 2]), canonicalJson([2, 1]))
})

test.run()
