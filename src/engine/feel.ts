// FEEL in Zeebe's dialect, on top of feelin.
//
// An attribute that starts with `=` is a FEEL expression; anything else is a
// static value. Evaluation never throws: a failure, or a result of the wrong
// type, comes back as `{ ok: false, error }` so the runtime can raise an
// incident that names the element and the expression.
import {
  evaluate,
  unaryTest,
  parseExpression,
  FeelFunction,
  FeelDate,
  FeelTime,
  FeelDateTime,
  FeelDuration,
  dateAndTime,
  date,
  FeelRange,
} from 'feelin'
import type { Warning } from 'feelin'
import type { Expression, JsonValue, Variables } from './types.js'

/**
 * Items that the ranges of one evaluation may give at most (`for i in 1..n`). feelin builds a
 * range's list in memory, and never ends one with a fractional bound (`1.5..3`): without a bound,
 * one expression in a diagram could take the engine's memory or run forever.
 */
export const FEEL_RANGE_ITEMS_MAX = 100_000
let rangeItemsLeft = FEEL_RANGE_ITEMS_MAX
const rangeMap = FeelRange.prototype.map
FeelRange.prototype.map = function boundedMap<T>(this: FeelRange, fn: (value: unknown) => T): T[] {
  const { start, end } = this
  if (typeof start === 'number' && typeof end === 'number') {
    if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`the range ${start}..${end} must have whole numbers as bounds to be iterated`)
    rangeItemsLeft -= Math.abs(end - start) + 1
    if (rangeItemsLeft < 0) throw new Error(`the ranges of one expression may give at most ${FEEL_RANGE_ITEMS_MAX} items`)
  }
  return rangeMap.call(this, fn) as T[]
}

/** `warnings` explains a null result (for example "Variable 'x' not found"). */
export type FeelOutcome<T> = { ok: true; value: T; warnings?: string } | { ok: false; error: string }

/** Reads a Zeebe attribute value: `=expr` is FEEL, anything else is static text. */
export function readExpression(attribute: string): Expression {
  return attribute.startsWith('=') ? { feel: attribute.slice(1) } : { value: attribute }
}

/** How an expression reads in a message: as the modeler wrote it. */
export function showExpression(expression: Expression): string {
  return 'feel' in expression ? `=${expression.feel}` : expression.value
}

/**
 * Checks FEEL syntax without evaluating. Returns a plain-English description of
 * the first syntax error, or null when the expression parses.
 */
export function checkFeelSyntax(expression: string): string | null {
  if (expression.trim() === '') return 'the expression is empty'
  let error: string | null = null
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (error !== null) return false
      if (!node.type.isError) return undefined
      error =
        node.from === node.to
          ? `it ends too early or is incomplete at character ${node.from + 1}`
          : `unexpected '${expression.slice(node.from, node.to)}' at character ${node.from + 1}`
      return false
    },
  })
  return error
}

/** Evaluates FEEL (without the leading `=`) to a JSON value. Dates, times and durations become ISO 8601 strings. */
export function evaluateFeel(expression: string, variables: Variables, now: Date): FeelOutcome<JsonValue> {
  const direct = lookupPath(expression, variables)
  if (direct !== undefined) return { ok: true, value: direct }
  let result: { value: unknown; warnings: Warning[] }
  rangeItemsLeft = FEEL_RANGE_ITEMS_MAX
  try {
    result = evaluate(expression, withClock(variables, now))
  } catch (error) {
    return { ok: false, error: `failed to evaluate expression '${expression}': ${describe(error)}` }
  }
  const value = toJson(result.value)
  if (value === undefined) {
    return { ok: false, error: `expression '${expression}' gave a ${typeName(result.value)}, which cannot be stored as a variable` }
  }
  if (value === null && result.warnings.length > 0) {
    return { ok: true, value: null, warnings: result.warnings.map((warning) => warning.message).join('; ') }
  }
  return { ok: true, value }
}

/**
 * A condition (a sequence flow's, a multi-instance completion condition). As in
 * Zeebe, anything but a boolean is an error, null included: a condition on a
 * missing variable is an incident, not "false".
 */
export function evaluateCondition(expression: string, variables: Variables, now: Date): FeelOutcome<boolean> {
  const outcome = evaluateFeel(expression, variables, now)
  if (!outcome.ok) return outcome
  if (typeof outcome.value !== 'boolean') {
    const warnings = outcome.warnings ? ` (${outcome.warnings})` : ''
    return { ok: false, error: `Expected the condition '=${expression}' to be a boolean, but it was ${show(outcome.value)}${warnings}` }
  }
  return { ok: true, value: outcome.value }
}

/** A FEEL unary test (such as `> 3` or `"a","b"`) against `input`. Null results mean "no match". */
export function testUnary(test: string, input: JsonValue, variables: Variables, now: Date): FeelOutcome<boolean> {
  rangeItemsLeft = FEEL_RANGE_ITEMS_MAX
  try {
    const result = unaryTest(test, { ...withClock(variables, now), '?': input })
    return { ok: true, value: result.value === true }
  } catch (error) {
    return { ok: false, error: `failed to evaluate unary test '${test}': ${describe(error)}` }
  }
}

/** A static value or FEEL expression, whichever `expression` is. */
export function evaluateExpression(expression: Expression, variables: Variables, now: Date): FeelOutcome<JsonValue> {
  return 'feel' in expression ? evaluateFeel(expression.feel, variables, now) : { ok: true, value: expression.value }
}

type Expected = 'string' | 'number' | 'string list' | 'date-time'
type ExpectedValue<T extends Expected> = T extends 'number' ? number : T extends 'string list' ? string[] : string

/**
 * Evaluates an attribute that must produce a value of one type. Static values
 * are converted as Zeebe does: "3" is a number, "a, b" a list of strings.
 */
export function evaluateAs<T extends Expected>(
  expression: Expression,
  expected: T,
  variables: Variables,
  now: Date,
): FeelOutcome<ExpectedValue<T>> {
  return checkType(expression, expected, evaluateTyped(expression, expected, variables, now))
}

/** Like evaluateAs, for optional attributes: absent, or FEEL giving null, is null. */
export function evaluateOptional<T extends Expected>(
  expression: Expression | null,
  expected: T,
  variables: Variables,
  now: Date,
): FeelOutcome<ExpectedValue<T> | null> {
  if (expression === null) return { ok: true, value: null }
  const outcome = evaluateTyped(expression, expected, variables, now)
  if (outcome.ok && outcome.value === null) return { ok: true, value: null }
  return checkType(expression, expected, outcome)
}

function evaluateTyped(expression: Expression, expected: Expected, variables: Variables, now: Date): FeelOutcome<unknown> {
  if ('feel' in expression) return evaluateFeel(expression.feel, variables, now)
  return { ok: true, value: staticValue(expression.value, expected) }
}

function checkType<T extends Expected>(expression: Expression, expected: T, outcome: FeelOutcome<unknown>): FeelOutcome<ExpectedValue<T>> {
  if (!outcome.ok) return outcome
  const value = outcome.value
  if (matches(value, expected)) return { ok: true, value: value as ExpectedValue<T> }
  const warnings = outcome.warnings ? ` (${outcome.warnings})` : ''
  return {
    ok: false,
    error: `Expected the expression '${showExpression(expression)}' to give a ${expected}, but it gave ${show(value as JsonValue)}${warnings}`,
  }
}

function staticValue(text: string, expected: Expected): unknown {
  switch (expected) {
    case 'number': {
      const trimmed = text.trim()
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text
    }
    case 'string list':
      return text.split(',').map((part) => part.trim()).filter((part) => part !== '')
    case 'string':
    case 'date-time':
      return text
  }
}

function matches(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case 'string':
      return typeof value === 'string' && value !== ''
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'date-time':
      // An ISO 8601 date-time with a time and an offset or Z, as Zeebe requires for due dates.
      return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value))
  }
}

// Most mappings are a bare name or path (`=caseId`, `=referral.person`), and
// feelin spends ~50µs on any expression that names a variable (it checks the
// name against every builtin). A path through plain contexts is answered
// here; anything else (lists, missing names, builtins) goes to feelin, so
// the result is always the same as FEEL's.
const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'function', 'instance', 'of', 'between'])

function lookupPath(expression: string, variables: Variables): JsonValue | undefined {
  const trimmed = expression.trim()
  if (!SIMPLE_PATH.test(trimmed)) return undefined
  let value: JsonValue | undefined = undefined
  let scope: { [key: string]: JsonValue } = variables
  for (const name of trimmed.split('.')) {
    if (KEYWORDS.has(name) || !Object.hasOwn(scope, name)) return undefined
    value = scope[name]
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) scope = value
    else scope = {}
  }
  return value
}

// FEEL's now() and today() must read the engine clock, not the machine's, so a
// command gives the same result every time it is replayed. Context entries win
// over feelin's builtins, so these two shadow them (and a variable of the same name).
function withClock(variables: Variables, now: Date): Record<string, unknown> {
  const iso = now.toISOString()
  return {
    ...variables,
    now: new FeelFunction(() => dateAndTime(iso), []),
    today: new FeelFunction(() => date(iso.slice(0, 10)), []),
  }
}

/** FEEL result -> JSON, or undefined for values that have no JSON form (functions, ranges). */
export function toJson(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value
    case 'number':
      return Number.isFinite(value) ? value : undefined
    case 'object':
      break
    default:
      return undefined
  }
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration) {
    return value.toJSON()
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = []
    for (const item of value) {
      const json = toJson(item)
      if (json === undefined) return undefined
      items.push(json)
    }
    return items
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined
  const result: { [key: string]: JsonValue } = {}
  for (const [key, item] of Object.entries(value)) {
    const json = toJson(item)
    if (json === undefined) return undefined
    result[key] = json
  }
  return result
}

function typeName(value: unknown): string {
  if (value instanceof FeelFunction || typeof value === 'function') return 'function'
  if (typeof value === 'object' && value !== null) return value.constructor?.name === 'FeelRange' ? 'range' : 'non-JSON object'
  return typeof value
}

function show(value: JsonValue): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return `the string "${value}"`
  if (Array.isArray(value)) return `a list ${JSON.stringify(value)}`
  if (typeof value === 'object') return `a context ${JSON.stringify(value)}`
  return `the ${typeof value} ${String(value)}`
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
