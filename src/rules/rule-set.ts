// The rule-set file format, and its validation.
//
// A rule set is one decision the KE makes (is the case complex? is there a right to a child
// coordinator?), kept as a JSON file in rules/ that a process owner edits:
//
//   {
//     "id": "complexity",          kebab-case, the same as the file name
//     "version": 3,                a whole number >= 1, raised on every change. Not semver: a
//                                  rule set has no API to be compatible with; each version is
//                                  simply the one a recorded decision used, and integers order
//                                  and store plainly.
//     "description": "...",
//     "subject": "case",           optional: "case" (default) or "candidate" (one evaluation per
//                                  coordinator candidate, see candidate-facts.ts)
//     "rules": [ {
//       "name": "rop",             unique in the set; decisions quote it
//       "priority": 1,             optional, json-rules-engine's (higher runs first)
//       "conditions": { "all": [ { "fact": "ropNeeds", "operator": "equal", "value": true } ] },
//       "event": { "type": "complex", "params": {
//         "reason": "...",         bokmål, worded so a decision letter can quote it
//         "reasonNn": "...",       the same in nynorsk
//         "law": "pbrl § 2-5 b",   optional: the provision the rule applies
//         "reasonParent": "...",   optional (with reasonParentNn): the reason worded to a parent
//                                  about their child ("barnet ditt"), for letters to a parent
//         "points": 10             candidate rule sets: "score" events carry points
//       } }
//     } ]
//   }
//
// Each rule is a json-rules-engine rule; only the facts of the subject's vocabulary
// (facts.ts, candidate-facts.ts) and the known operators (operators.ts) may be used.

import { SamflytError, type ErrorDetail } from '../errors.js'
import { CANDIDATE_FACTS } from './candidate-facts.js'
import { validateConditions, validatePriority, type FactVocabulary } from './conditions.js'
import { CASE_FACTS } from './facts.js'
import { RESULT_KEYS, camelCase } from './result.js'

export type RuleSetSubject = 'case' | 'candidate'

export interface RuleEventParams {
  reason: string
  reasonNn: string
  law?: string
  points?: number
  [name: string]: unknown
}

export interface RuleSetRule {
  name: string
  description?: string
  priority?: number
  /** A json-rules-engine condition tree (all/any/not at the top). */
  conditions: Record<string, unknown>
  event: { type: string; params: RuleEventParams }
}

export interface RuleSet {
  id: string
  version: number
  description: string
  subject: RuleSetSubject
  rules: RuleSetRule[]
}

/** Candidate rule sets rank by these events: `score` adds `points`, `exclude` takes the candidate out. */
export const CANDIDATE_EVENT_TYPES = ['score', 'exclude'] as const

export const VOCABULARIES: Readonly<Record<RuleSetSubject, FactVocabulary>> = { case: CASE_FACTS, candidate: CANDIDATE_FACTS }

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const TOP_KEYS = new Set(['id', 'version', 'description', 'subject', 'rules'])
const RULE_KEYS = new Set(['name', 'description', 'priority', 'conditions', 'event'])

/** A refused rule set. `details` lists every problem as `{ path, message }`, ready for a 400 body. */
export class RuleSetError extends SamflytError {
  constructor(message: string, details: ErrorDetail[]) {
    super('SAMFLYT_INVALID_DEFINITION', message, details)
    this.name = 'RuleSetError'
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** Returns the rule set when it is valid; else throws a RuleSetError naming every problem. */
export function validateRuleSet(json: unknown): RuleSet {
  const problems = ruleSetProblems(json)
  if (problems.length) {
    const id = isObject(json) && typeof json.id === 'string' ? ` "${json.id}"` : ''
    throw new RuleSetError(`Rule set${id} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
  }
  const ruleSet = json as Omit<RuleSet, 'subject'> & { subject?: RuleSetSubject }
  return { ...ruleSet, subject: ruleSet.subject ?? 'case' }
}

/** Every problem with a would-be rule set; empty when it is valid. */
export function ruleSetProblems(json: unknown): ErrorDetail[] {
  const problems: ErrorDetail[] = []
  if (!isObject(json)) return [{ path: '(root)', message: 'a rule set must be a JSON object' }]

  for (const key of Object.keys(json)) {
    if (!TOP_KEYS.has(key)) problems.push({ path: key, message: `unknown key "${key}"` })
  }
  if (json.id === undefined) problems.push({ path: 'id', message: 'required' })
  else if (typeof json.id !== 'string' || !KEBAB_CASE.test(json.id)) problems.push({ path: 'id', message: 'must be kebab-case, like "child-coordinator"' })
  if (json.version === undefined) problems.push({ path: 'version', message: 'required' })
  else if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) {
    problems.push({ path: 'version', message: 'must be a whole number of 1 or more' })
  }
  if (!nonEmptyString(json.description)) problems.push({ path: 'description', message: 'required' })
  const subject = json.subject ?? 'case'
  if (subject !== 'case' && subject !== 'candidate') problems.push({ path: 'subject', message: 'must be "case" or "candidate"' })
  const facts = VOCABULARIES[subject === 'candidate' ? 'candidate' : 'case']

  if (!Array.isArray(json.rules)) {
    problems.push({ path: 'rules', message: 'required: a list of rules' })
  } else if (json.rules.length === 0) {
    problems.push({ path: 'rules', message: 'must have at least one rule' })
  } else {
    const names = new Map<string, number>()
    json.rules.forEach((rule, i) => problems.push(...ruleProblems(rule, `rules[${i}]`, subject === 'candidate', facts, names, i)))
  }
  return problems
}

function ruleProblems(
  rule: unknown,
  path: string,
  ranksCandidates: boolean,
  facts: FactVocabulary,
  names: Map<string, number>,
  index: number,
): ErrorDetail[] {
  if (!isObject(rule)) return [{ path, message: 'a rule must be an object' }]
  const problems: ErrorDetail[] = []
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: `unknown key "${key}"` })
  }
  if (!nonEmptyString(rule.name)) problems.push({ path: `${path}.name`, message: 'required' })
  else if (names.has(rule.name)) problems.push({ path: `${path}.name`, message: `"${rule.name}" is already the name of rules[${names.get(rule.name)}]` })
  else names.set(rule.name, index)
  if (rule.description !== undefined && typeof rule.description !== 'string') problems.push({ path: `${path}.description`, message: 'must be a string' })
  validatePriority(rule.priority, `${path}.priority`, problems)
  problems.push(...validateConditions(rule.conditions, `${path}.conditions`, facts))
  problems.push(...eventProblems(rule.event, `${path}.event`, ranksCandidates))
  return problems
}

function eventProblems(event: unknown, path: string, ranksCandidates: boolean): ErrorDetail[] {
  if (!isObject(event)) return [{ path, message: 'required: an object with type and params' }]
  const problems: ErrorDetail[] = []
  if (!nonEmptyString(event.type)) problems.push({ path: `${path}.type`, message: 'required' })
  else if (ranksCandidates && !(CANDIDATE_EVENT_TYPES as readonly string[]).includes(event.type)) {
    problems.push({ path: `${path}.type`, message: `must be ${CANDIDATE_EVENT_TYPES.map((t) => `"${t}"`).join(' or ')} in a candidate rule set` })
  } else if (!ranksCandidates && (RESULT_KEYS as readonly string[]).includes(camelCase(event.type))) {
    // A business-rule task's result has a flag per event type next to these keys (result.ts).
    problems.push({ path: `${path}.type`, message: `"${event.type}" is taken by the result variable's own ${camelCase(event.type)}; choose another type` })
  }
  const params = event.params
  if (!isObject(params)) return [...problems, { path: `${path}.params`, message: 'required: an object with reason and reasonNn' }]
  if (!nonEmptyString(params.reason)) problems.push({ path: `${path}.params.reason`, message: 'required: the reason in bokmål' })
  if (!nonEmptyString(params.reasonNn)) problems.push({ path: `${path}.params.reasonNn`, message: 'required: the reason in nynorsk' })
  if (params.law !== undefined && !nonEmptyString(params.law)) problems.push({ path: `${path}.params.law`, message: 'must be a non-empty string' })
  if ((params.reasonParent !== undefined || params.reasonParentNn !== undefined) && !(nonEmptyString(params.reasonParent) && nonEmptyString(params.reasonParentNn))) {
    problems.push({ path: `${path}.params.reasonParent`, message: 'reasonParent and reasonParentNn go together, both non-empty' })
  }
  const needsPoints = ranksCandidates && event.type === 'score'
  if (needsPoints && (typeof params.points !== 'number' || !Number.isFinite(params.points))) {
    problems.push({ path: `${path}.params.points`, message: 'required: a number (negative lowers the score)' })
  }
  return problems
}
