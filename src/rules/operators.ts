// Operators: json-rules-engine's built-ins, its decorators, and the few the KE's rules need.
// Validation and the engine read the same lists, so a rule set that validates can always run.

import { Operator, type Engine } from 'json-rules-engine'

/** json-rules-engine v7's built-in operators (dist/engine-default-operators.js). */
export const BUILT_IN_OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const

/** Its operator decorators, written `decorator:operator` (e.g. `someFact:equal`, `not:in`). */
export const OPERATOR_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const

const isStringArray = (value: unknown): value is unknown[] => Array.isArray(value)

/**
 * Ours. `sectors` and service areas are lists, and the criteria talk about "any of" and
 * "all of" them ("a service in NAV, school or PPT"); json-rules-engine has only one-element
 * `contains`. A fact that is not an array makes these false, never throw.
 */
export const CUSTOM_OPERATORS = [
  new Operator<unknown[], unknown[]>('containsAny', (fact, value) => value.some((v) => fact.includes(v)), isStringArray),
  new Operator<unknown[], unknown[]>('containsAll', (fact, value) => value.every((v) => fact.includes(v)), isStringArray),
  new Operator<unknown, boolean>('hasText', (fact, value) => (typeof fact === 'string' && fact.trim().length > 0) === value),
]

/** What each operator compares its fact with, for the validator's type checks. */
export const OPERATOR_FACT_TYPES: Readonly<Record<string, 'number' | 'array' | 'any'>> = {
  lessThan: 'number', lessThanInclusive: 'number', greaterThan: 'number', greaterThanInclusive: 'number',
  contains: 'array', doesNotContain: 'array', containsAny: 'array', containsAll: 'array',
}

/** What each operator's `value` must be (unless it is a `{ fact }` reference). */
export const OPERATOR_VALUE_TYPES: Readonly<Record<string, 'number' | 'array' | 'boolean'>> = {
  lessThan: 'number', lessThanInclusive: 'number', greaterThan: 'number', greaterThanInclusive: 'number',
  in: 'array', notIn: 'array', containsAny: 'array', containsAll: 'array', hasText: 'boolean',
}

const OPERATOR_NAMES = new Set<string>([...BUILT_IN_OPERATORS, ...CUSTOM_OPERATORS.map((o) => o.name)])
const DECORATOR_NAMES = new Set<string>(OPERATOR_DECORATORS)

export function knownOperatorNames(): string[] {
  return [...OPERATOR_NAMES]
}

/** The base operator of a possibly decorated name (`not:someFact:equal` -> `equal`), or null when unknown. */
export function baseOperator(name: string): string | null {
  const parts = name.split(':')
  const base = parts.pop()!
  if (!OPERATOR_NAMES.has(base)) return null
  return parts.every((d) => DECORATOR_NAMES.has(d)) ? base : null
}

export function registerOperators(engine: Engine): void {
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator)
}
