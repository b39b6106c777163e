import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadRuleSets } from '../../src/rules/load.js'
import { RuleSetError } from '../../src/rules/rule-set.js'
import { RULES_DIR } from './fixtures/shipped.js'

const SHIPPED = ['child-coordinator', 'complexity', 'coordinator', 'coordinator-suggestion', 'individual-plan']

async function withDir(files: Record<string, string>, run: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'samflyt-rules-'))
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
    await run(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function refused(dir: string): Promise<RuleSetError> {
  try {
    await loadRuleSets(dir)
  } catch (error) {
    assert.instance(error, RuleSetError)
    return error as RuleSetError
  }
  throw new Error('expected the rule sets to be refused')
}

test('every shipped rule set validates, and its id is its file name', async () => {
  const ruleSets = await loadRuleSets(RULES_DIR)
  assert.equal([...ruleSets.keys()].sort(), SHIPPED)
  for (const [id, ruleSet] of ruleSets) {
    assert.is(ruleSet.id, id)
    assert.ok(Number.isInteger(ruleSet.version) && ruleSet.version >= 1)
    assert.ok(ruleSet.rules.length > 0)
  }
  assert.is(ruleSets.get('coordinator-suggestion')!.subject, 'candidate')
  assert.is(ruleSets.get('complexity')!.subject, 'case')
})

test('a broken file is refused with the file, the rule and the field named; good files do not hide it', async () => {
  const complexity = JSON.parse(await readFile(join(RULES_DIR, 'complexity.json'), 'utf8'))
  complexity.rules[2].conditions.all[0].operator = 'greaterThen'
  delete complexity.rules[1].event.params.reason
  complexity.rules[0].conditions.all[0].fact = 'sectorCont'
  const good = await readFile(join(RULES_DIR, 'coordinator.json'), 'utf8')
  await withDir({ 'complexity.json': JSON.stringify(complexity), 'coordinator.json': good }, async (dir) => {
    const error = await refused(dir)
    assert.match(error.message, /complexity\.json/)
    assert.not.match(error.message, /coordinator\.json/)
    const paths = error.details.map((d) => d.path)
    assert.ok(paths.includes('complexity.json:rules[2].conditions.all[0].operator'), paths.join(', '))
    assert.ok(paths.includes('complexity.json:rules[1].event.params.reason'))
    assert.ok(paths.includes('complexity.json:rules[0].conditions.all[0].fact'))
  })
})

test('several broken files: every one is named', async () => {
  await withDir({
    'a.json': '{ "id": "a", "version": 1, ',
    'b.json': JSON.stringify({ id: 'b', version: 0, description: 'x', rules: [] }),
    'c.json': JSON.stringify({ id: 'not-c', version: 1, description: 'x', rules: [{ name: 'r', conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] }, event: { type: 't', params: { reason: 'r', reasonNn: 'r' } } }] }),
    'notes.txt': 'not a rule set',
  }, async (dir) => {
    const error = await refused(dir)
    assert.match(error.message, /a\.json, b\.json, c\.json/)
    const details = error.details.map((d) => `${d.path}: ${d.message}`)
    assert.ok(details.some((d) => d.startsWith('a.json:(file): not valid JSON')), details.join('\n'))
    assert.ok(details.includes('b.json:version: must be a whole number of 1 or more'))
    assert.ok(details.includes('b.json:rules: must have at least one rule'))
    assert.ok(details.includes('c.json:id: "not-c" must match the file name (not-c.json)'))
  })
})

test.run()
