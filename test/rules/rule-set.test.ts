import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { RuleSetError, ruleSetProblems, validateRuleSet } from '../../src/rules/rule-set.js'
import type { ErrorDetail } from '../../src/errors.js'

/** A small valid rule set to break in one place at a time. */
function good(): any {
  return {
    id: 'test-set',
    version: 1,
    description: 'For tests',
    rules: [
      {
        name: 'many-sectors',
        conditions: { all: [{ fact: 'sectorCount', operator: 'greaterThanInclusive', value: 2 }] },
        event: { type: 'complex', params: { reason: 'Flere sektorer.', reasonNn: 'Fleire sektorar.' } },
      },
      {
        name: 'rop',
        conditions: { any: [{ fact: 'ropNeeds', operator: 'equal', value: true }, { not: { fact: 'sectors', operator: 'contains', value: 'nav' } }] },
        event: { type: 'complex', params: { reason: 'ROP.', reasonNn: 'ROP.', law: 'pbrl § 2-5 b' } },
      },
      {
        name: 'escalated',
        priority: 2,
        conditions: { all: [{ fact: 'manuallyEscalated', operator: 'equal', value: true }] },
        event: { type: 'complex', params: { reason: 'Eskalert.', reasonNn: 'Eskalert.' } },
      },
    ],
  }
}

function problemsAfter(change: (json: any) => void): ErrorDetail[] {
  const json = good()
  change(json)
  return ruleSetProblems(json)
}

function refuses(change: (json: any) => void, path: string, message: RegExp) {
  const problems = problemsAfter(change)
  const hit = problems.find((p) => p.path === path && message.test(p.message))
  assert.ok(hit, `expected ${path}: ${message}; got ${JSON.stringify(problems)}`)
}

test('the base rule set is valid, subject defaults to case', () => {
  assert.equal(ruleSetProblems(good()), [])
  assert.is(validateRuleSet(good()).subject, 'case')
})

test('not an object', () => {
  for (const json of [null, [], 'complexity', 3]) assert.equal(ruleSetProblems(json), [{ path: '(root)', message: 'a rule set must be a JSON object' }])
})

test('missing or malformed id, version and description', () => {
  refuses((j) => delete j.id, 'id', /required/)
  refuses((j) => (j.id = 'Complexity_Set'), 'id', /kebab-case/)
  refuses((j) => delete j.version, 'version', /required/)
  for (const version of [0, -1, 1.5, '1.0.0', '2']) refuses((j) => (j.version = version), 'version', /whole number/)
  refuses((j) => delete j.description, 'description', /required/)
  refuses((j) => (j.description = '  '), 'description', /required/)
  refuses((j) => (j.subject = 'person'), 'subject', /"case" or "candidate"/)
  refuses((j) => (j.ruls = []), 'ruls', /unknown key/)
})

test('no rules, or a rule that is not an object', () => {
  refuses((j) => (j.rules = []), 'rules', /at least one rule/)
  refuses((j) => delete j.rules, 'rules', /required/)
  refuses((j) => (j.rules[1] = 'rop'), 'rules[1]', /must be an object/)
})

test('a rule without a name, or with a name already used', () => {
  refuses((j) => delete j.rules[1].name, 'rules[1].name', /required/)
  refuses((j) => (j.rules[2].name = 'many-sectors'), 'rules[2].name', /already the name of rules\[0\]/)
  refuses((j) => (j.rules[0].priority = 0), 'rules[0].priority', /whole number/)
  refuses((j) => (j.rules[0].condtions = {}), 'rules[0].condtions', /unknown key/)
})

test('an unknown operator is named, with a suggestion', () => {
  refuses((j) => (j.rules[2].conditions.all[0].operator = 'greaterThen'), 'rules[2].conditions.all[0].operator', /^unknown operator "greaterThen" \(did you mean "greaterThan"\?\)$/)
  refuses((j) => (j.rules[0].conditions.all[0].operator = 'maybe:equal'), 'rules[0].conditions.all[0].operator', /unknown operator/)
  refuses((j) => delete j.rules[0].conditions.all[0].operator, 'rules[0].conditions.all[0].operator', /required/)
})

test('decorated and custom operators are accepted', () => {
  const problems = problemsAfter((j) => {
    j.rules[0].conditions.all.push({ fact: 'sectors', operator: 'containsAny', value: ['nav', 'school'] })
    j.rules[0].conditions.all.push({ fact: 'sectors', operator: 'someFact:equal', value: 'nav' })
    j.rules[0].conditions.all.push({ fact: 'sectors', operator: 'not:contains', value: 'housing' })
    j.rules[0].conditions.all.push({ fact: 'manualEscalation', path: '$.reason', operator: 'hasText', value: true })
  })
  assert.equal(problems, [])
})

test('an unknown fact is named, with a suggestion; so is an unknown property under path', () => {
  refuses((j) => (j.rules[0].conditions.all[0].fact = 'sectorCont'), 'rules[0].conditions.all[0].fact', /^unknown fact "sectorCont" \(did you mean "sectorCount"\?\)$/)
  refuses((j) => (j.rules[1].conditions.any[1].not.fact = 'favouriteColour'), 'rules[1].conditions.any[1].not.fact', /unknown fact "favouriteColour"$/)
  refuses((j) => (j.rules[0].conditions.all[0] = { fact: 'manualEscalation', path: '$.reasn', operator: 'hasText', value: true }), 'rules[0].conditions.all[0].path', /no property "reasn" \(did you mean "reason"\?\)/)
  refuses((j) => (j.rules[0].conditions.all[0].path = '$.x'), 'rules[0].conditions.all[0].path', /has no properties/)
  refuses((j) => (j.rules[0].conditions.all[0].value = { fact: 'agee' }), 'rules[0].conditions.all[0].value.fact', /unknown fact "agee"/)
})

test('malformed condition trees', () => {
  refuses((j) => (j.rules[0].conditions = { fact: 'ropNeeds', operator: 'equal', value: true }), 'rules[0].conditions', /must start with all, any or not/)
  refuses((j) => delete j.rules[0].conditions, 'rules[0].conditions', /required/)
  refuses((j) => (j.rules[0].conditions = { all: [], any: [] }), 'rules[0].conditions', /has both all and any/)
  refuses((j) => (j.rules[0].conditions.all = []), 'rules[0].conditions.all', /must not be empty/)
  refuses((j) => (j.rules[0].conditions.all = { fact: 'age' }), 'rules[0].conditions.all', /must be a list/)
  refuses((j) => delete j.rules[0].conditions.all[0].value, 'rules[0].conditions.all[0].value', /required/)
  refuses((j) => (j.rules[0].conditions.all[0].vaule = 2), 'rules[0].conditions.all[0].vaule', /unknown key "vaule" \(did you mean "value"\?\)/)
  refuses((j) => (j.rules[0].conditions.all[0] = 'sectorCount >= 2'), 'rules[0].conditions.all[0]', /must be an object/)
  refuses((j) => (j.rules[0].conditions.all[0] = { condition: 'shared' }), 'rules[0].conditions.all[0].condition', /not supported/)
  refuses((j) => (j.rules[1].conditions.any[1].not = []), 'rules[1].conditions.any[1].not', /must be an object/)
})

test('an operator used on the wrong kind of fact or value', () => {
  refuses((j) => (j.rules[0].conditions.all[0].fact = 'ropNeeds'), 'rules[0].conditions.all[0].operator', /needs a number fact, but "ropNeeds" is boolean/)
  refuses((j) => (j.rules[0].conditions.all[0].value = '2'), 'rules[0].conditions.all[0].value', /needs a number value, not string/)
  refuses((j) => (j.rules[0].conditions.all[0] = { fact: 'sectorCount', operator: 'in', value: 2 }), 'rules[0].conditions.all[0].value', /needs an array value/)
})

test('an event without type or reasons', () => {
  refuses((j) => delete j.rules[0].event, 'rules[0].event', /required/)
  refuses((j) => delete j.rules[0].event.type, 'rules[0].event.type', /required/)
  refuses((j) => delete j.rules[1].event.params.reason, 'rules[1].event.params.reason', /^required/)
  refuses((j) => delete j.rules[1].event.params.reasonNn, 'rules[1].event.params.reasonNn', /nynorsk/)
  refuses((j) => delete j.rules[1].event.params, 'rules[1].event.params', /required/)
  refuses((j) => (j.rules[1].event.params.law = ''), 'rules[1].event.params.law', /non-empty/)
})

test('an event type that would clash with the result variable\'s own keys is refused', () => {
  refuses((j) => (j.rules[0].event.type = 'decision-id'), 'rules[0].event.type', /taken by the result variable's own decisionId/)
  refuses((j) => (j.rules[0].event.type = 'reasons'), 'rules[0].event.type', /taken/)
})

test('a candidate rule set: score events need points, and only score and exclude are events', () => {
  const candidateSet = {
    id: 'suggest', version: 1, description: 'x', subject: 'candidate',
    rules: [
      { name: 'trained', conditions: { all: [{ fact: 'candidate', path: '$.trainingCompleted', operator: 'equal', value: true }] }, event: { type: 'score', params: { reason: 'a', reasonNn: 'b', points: 5 } } },
    ],
  }
  assert.equal(ruleSetProblems(candidateSet), [])
  const broken = structuredClone(candidateSet) as any
  delete broken.rules[0].event.params.points
  assert.equal(ruleSetProblems(broken), [{ path: 'rules[0].event.params.points', message: 'required: a number (negative lowers the score)' }])
  broken.rules[0].event.type = 'complex'
  assert.ok(ruleSetProblems(broken).some((p) => p.path === 'rules[0].event.type'))
  broken.rules[0].conditions.all[0].fact = 'sectorCount' // a case fact, not in the candidate vocabulary
  assert.ok(ruleSetProblems(broken).some((p) => p.path === 'rules[0].conditions.all[0].fact'))
  broken.rules[0].conditions.all[0] = { fact: 'candidate', path: '$.trainingDone', operator: 'equal', value: true }
  assert.ok(ruleSetProblems(broken).some((p) => p.path === 'rules[0].conditions.all[0].path' && /trainingDone/.test(p.message)))
})

test('every problem is listed at once, and the error is a 400 with { path, message } details', () => {
  const json = good()
  json.version = 'one'
  delete json.rules[0].name
  json.rules[1].conditions.any[0].operator = 'equals'
  json.rules[2].event.params = { reasonNn: 'x' }
  try {
    validateRuleSet(json)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, RuleSetError)
    const e = error as RuleSetError
    assert.is(e.status, 400)
    assert.is(e.code, 'SAMFLYT_INVALID_DEFINITION')
    assert.equal(e.details.map((d) => d.path), ['version', 'rules[0].name', 'rules[1].conditions.any[0].operator', 'rules[2].event.params.reason'])
    assert.ok(e.details.every((d) => typeof d.message === 'string' && Object.keys(d).length === 2))
    assert.match(e.message, /4 problems/)
    assert.match(e.message, /rules\[1\]\.conditions\.any\[0\]\.operator: unknown operator "equals" \(did you mean "equal"\?\)/)
  }
})

test.run()
