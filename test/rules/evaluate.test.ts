import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createEvaluator, evaluatorFor } from '../../src/rules/evaluate.js'
import { validateRuleSet } from '../../src/rules/rule-set.js'
import { shipped } from './fixtures/shipped.js'

const NOW = new Date('2025-06-15T12:00:00Z')

/** Rules with different priorities and delays that finish out of file order. */
const ORDERED = validateRuleSet({
  id: 'ordered', version: 7, description: 'x',
  rules: [
    { name: 'low', priority: 1, conditions: { all: [{ fact: 'ropNeeds', operator: 'equal', value: true }] }, event: { type: 'a', params: { reason: 'lav', reasonNn: 'låg' } } },
    { name: 'high', priority: 9, conditions: { all: [{ fact: 'ropNeeds', operator: 'equal', value: true }] }, event: { type: 'b', params: { reason: 'høy', reasonNn: 'høg', law: 'pbrl § 2-5' } } },
    { name: 'any', conditions: { any: [{ fact: 'sectors', operator: 'containsAny', value: ['nav', 'school'] }, { fact: 'ropNeeds', operator: 'equal', value: true }] }, event: { type: 'c', params: { reason: 'c', reasonNn: 'c' } } },
  ],
})

test('a decision names the rule set and version and lists events and reasons in file order', async () => {
  const decision = await createEvaluator(ORDERED).evaluate({ mentalHealthNeeds: true, substanceUseNeeds: true }, { now: NOW })
  assert.is(decision.ruleSetId, 'ordered')
  assert.is(decision.version, 7)
  assert.equal(decision.events.map((e) => e.type), ['a', 'b', 'c'])
  assert.equal(decision.reasons, [
    { rule: 'low', reason: 'lav', reasonNn: 'låg', law: null },
    { rule: 'high', reason: 'høy', reasonNn: 'høg', law: 'pbrl § 2-5' },
    { rule: 'any', reason: 'c', reasonNn: 'c', law: null },
  ])
  assert.is(decision.facts.ropNeeds, true)
  assert.is(decision.facts.evaluationDate, '2025-06-15')
})

test('many evaluations at once on one evaluator give the same, separate answers', async () => {
  const evaluator = createEvaluator(await shipped('complexity'))
  const inputs = Array.from({ length: 50 }, (_, i) => (i % 2 ? { responsibilityDisputed: true } : { mentalHealthNeeds: true, substanceUseNeeds: true }))
  const decisions = await Promise.all(inputs.map((facts) => evaluator.evaluate(facts, { now: NOW })))
  decisions.forEach((decision, i) => {
    assert.equal(decision.reasons.map((r) => r.rule), [i % 2 ? 'responsibility-disputed' : 'rop'])
  })
})

test('the engine is built once per rule set and reused', async () => {
  const ruleSet = await shipped('complexity')
  assert.is(evaluatorFor(ruleSet), evaluatorFor(ruleSet))
  assert.is.not(evaluatorFor(ruleSet), evaluatorFor(await shipped('complexity')), 'a reloaded rule set is a new object')
})

test('evaluating does not change the rule set or the facts given', async () => {
  const ruleSet = await shipped('complexity')
  const before = JSON.stringify(ruleSet)
  const facts = { services: [{ name: 'A', sector: 'nav', provider: 'P' }], responsibilityDisputed: true }
  const factsBefore = JSON.stringify(facts)
  const decision = await createEvaluator(ruleSet).evaluate(facts, { now: NOW })
  decision.events[0]!.params.reason = 'changed'
  assert.is(JSON.stringify(ruleSet), before)
  assert.is(JSON.stringify(facts), factsBefore)
})

test('a candidate rule set is not evaluated as a case; bad facts are refused', async () => {
  const suggestion = createEvaluator(await shipped('coordinator-suggestion'))
  try {
    await suggestion.evaluate({}, { now: NOW })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.match((error as Error).message, /rankCoordinators/)
  }
  try {
    await createEvaluator(ORDERED).evaluate({ ropNeeds: true } as never, { now: NOW })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.match(JSON.stringify((error as { details: unknown }).details), /derived, not registered/)
  }
})

test.run()
