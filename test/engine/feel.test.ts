import { test } from 'uvu'
import * as assert from 'uvu/assert'
import {
  checkFeelSyntax,
  evaluateAs,
  evaluateCondition,
  evaluateFeel,
  evaluateOptional,
  readExpression,
  testUnary,
} from '../../src/engine/feel.js'
import { NOW } from './helpers.js'

test('an attribute starting with = is FEEL, anything else is a static value', () => {
  assert.equal(readExpression('=amount > 100'), { feel: 'amount > 100' })
  assert.equal(readExpression('payment'), { value: 'payment' })
})

test('syntax errors are described with where they are, and valid FEEL passes', () => {
  assert.is(checkFeelSyntax('amount > 100 and customer.vip'), null)
  assert.match(checkFeelSyntax('amount > (1') ?? '', /incomplete at character/)
  assert.match(checkFeelSyntax('') ?? '', /empty/)
})

test('evaluates against variables and gives JSON', () => {
  assert.equal(evaluateFeel('{total: sum(items.price), first: items[1].name}', { items: [{ name: 'a', price: 2 }, { name: 'b', price: 3 }] }, NOW), {
    ok: true,
    value: { total: 5, first: 'a' },
  })
})

test('dates and durations become ISO 8601 strings', () => {
  const result = evaluateFeel('date("2024-01-31") + duration("P1D")', {}, NOW)
  assert.equal(result, { ok: true, value: '2024-02-01' })
})

test('now() and today() read the engine clock, not the machine clock', () => {
  assert.equal(evaluateFeel('now()', {}, NOW), { ok: true, value: '2024-05-01T10:00:00Z' })
  assert.equal(evaluateFeel('string(today())', {}, new Date('2030-12-24T23:00:00Z')), { ok: true, value: '2030-12-24' })
})

test('a result that is not JSON (a function) is an error value, not a throw', () => {
  const result = evaluateFeel('function(x) x + 1', {}, NOW)
  assert.is(result.ok, false)
  assert.match(!result.ok ? result.error : '', /function/)
})

test('a syntax error at evaluation is an error value, not a throw', () => {
  const result = evaluateFeel('a +', { a: 1 }, NOW)
  assert.is(result.ok, false)
  assert.match(!result.ok ? result.error : '', /a \+/)
})

test('a missing variable gives null and says why', () => {
  const result = evaluateFeel('customer.name', {}, NOW)
  assert.equal(result.ok && result.value, null)
  assert.match(result.ok ? result.warnings ?? '' : '', /customer/)
})

test('conditions: true, false; null (a missing variable) and any other non-boolean are errors, as in Zeebe', () => {
  assert.equal(evaluateCondition('amount > 100', { amount: 150 }, NOW), { ok: true, value: true })
  assert.equal(evaluateCondition('amount > 100', { amount: 50 }, NOW), { ok: true, value: false })
  const missing = evaluateCondition('amount > 100', {}, NOW)
  assert.match(!missing.ok ? missing.error : '', /Expected the condition '=amount > 100' to be a boolean, but it was null \(Variable 'amount' not found\)/)
  const wrong = evaluateCondition('amount', { amount: 'lots' }, NOW)
  assert.is(wrong.ok, false)
  assert.match(!wrong.ok ? wrong.error : '', /Expected the condition '=amount' to be a boolean, but it was the string "lots"/)
})

test('unary tests match an input', () => {
  assert.equal(testUnary('> 3', 5, {}, NOW), { ok: true, value: true })
  assert.equal(testUnary('"a", "b"', 'c', {}, NOW), { ok: true, value: false })
})

test('typed attributes: static values convert as Zeebe does', () => {
  assert.equal(evaluateAs({ value: '5' }, 'number', {}, NOW), { ok: true, value: 5 })
  assert.equal(evaluateAs({ value: 'case-workers, managers' }, 'string list', {}, NOW), { ok: true, value: ['case-workers', 'managers'] })
  assert.equal(evaluateAs({ feel: 'kind + "-check"' }, 'string', { kind: 'credit' }, NOW), { ok: true, value: 'credit-check' })
})

test('typed attributes: a wrong type names the expression and what it gave', () => {
  const result = evaluateAs({ feel: 'kind' }, 'string', {}, NOW)
  assert.is(result.ok, false)
  assert.match(!result.ok ? result.error : '', /Expected the expression '=kind' to give a string, but it gave null \(Variable 'kind' not found\)/)
  const list = evaluateAs({ feel: '[1, 2]' }, 'string list', {}, NOW)
  assert.is(list.ok, false)
})

test('date-times must carry a time and an offset', () => {
  assert.equal(evaluateAs({ value: '2024-05-03T12:00:00+02:00' }, 'date-time', {}, NOW).ok, true)
  assert.equal(evaluateAs({ feel: 'now() + duration("P2D")' }, 'date-time', {}, NOW), { ok: true, value: '2024-05-03T10:00:00Z' })
  assert.equal(evaluateAs({ value: '2024-05-03' }, 'date-time', {}, NOW).ok, false)
})

test('optional attributes: absent or null is null, a wrong type is still an error', () => {
  assert.equal(evaluateOptional(null, 'string', {}, NOW), { ok: true, value: null })
  assert.equal(evaluateOptional({ feel: 'owner' }, 'string', {}, NOW), { ok: true, value: null })
  assert.equal(evaluateOptional({ feel: 'owner' }, 'string', { owner: 42 }, NOW).ok, false)
})

test('names and paths give exactly what FEEL gives, including list projection and builtins', () => {
  const variables = { case: { id: 'c-1', owner: null }, items: [{ price: 1 }, { price: 2 }], flag: false }
  for (const [expression, expected] of [
    ['case.id', 'c-1'],
    ['case.owner', null],
    ['case', { id: 'c-1', owner: null }],
    ['flag', false],
    ['items.price', [1, 2]],
    ['case.missing', null],
    ['true', true],
  ] as const) {
    const result = evaluateFeel(expression, variables, NOW)
    assert.ok(result.ok, expression)
    assert.equal(result.ok ? result.value : undefined, expected, expression)
  }
  assert.equal(evaluateFeel('count', {}, NOW).ok, false, 'a builtin function is not a value')
})

test.run()
