// Evaluating a deployed rule-set version: the same for a business-rule task's worker and for a
// what-if check through the API. The result says what fired and why, and which facts it rested
// on (facts-used.ts), ready to be recorded as a decision or shown.
import { SamflytError, type ErrorDetail } from '../errors.js'
import type { CoordinatorCandidate } from './candidate-facts.js'
import { evaluatorFor, type DecisionEvent, type DecisionReason } from './evaluate.js'
import { caseFactsRecorded, pick } from './facts-used.js'
import { deriveCaseFacts, type CaseFacts } from './facts.js'
import { validateRuleSet, type RuleSet } from './rule-set.js'
import type { RuleSetVersionRow } from './store.js'
import { rankCoordinators } from './suggest.js'

/** A candidate's place in a coordinator suggestion. */
export interface RankedSummary {
  candidateId: string
  name: string
  score: number
  excluded: boolean
  /** Cases the coordinator has room for: what decides between equal scores. */
  remainingCapacity: number
}

export interface RecordedReason extends DecisionReason {
  /** Candidate rule sets: whose reason it is, and the points it gave. */
  candidateId?: string
  points?: number
}

export interface DeployedEvaluation {
  ruleSetKey: string
  ruleSetId: string
  version: number
  declaredVersion: number
  subject: RuleSet['subject']
  /** Case rule sets: the events fired, in the rule set's order. Candidate rule sets: the ranking. */
  events: DecisionEvent[] | RankedSummary[]
  reasons: RecordedReason[]
  /** The facts the rules read and what those were derived from. */
  facts: Record<string, unknown>
  /** The event types the rule set can fire, for result variables that say false as well as true. */
  eventTypes: string[]
}

export interface EvaluationInput {
  facts: unknown
  /** Candidate rule sets: the coordinators to rank, from the register. */
  candidates?: unknown
}

const parsed = new Map<string, RuleSet>()

/** The rule set of a deployed version, parsed once per process (a version never changes). */
export function ruleSetOf(row: RuleSetVersionRow): RuleSet {
  let ruleSet = parsed.get(row.key)
  if (!ruleSet) parsed.set(row.key, (ruleSet = validateRuleSet(JSON.parse(row.content))))
  return ruleSet
}

function invalid(problems: ErrorDetail[]): SamflytError {
  return new SamflytError('SAMFLYT_VALIDATION', `The facts are not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
}

const CANDIDATE_FIELDS: Record<keyof CoordinatorCandidate, 'string' | 'boolean' | 'number'> = {
  id: 'string', name: 'string', unit: 'string', profession: 'string',
  trainingCompleted: 'boolean', childCoordinatorQualified: 'boolean', capacity: 'number', currentLoad: 'number',
}

function checkCandidates(candidates: unknown): CoordinatorCandidate[] {
  if (!Array.isArray(candidates)) throw invalid([{ path: 'candidates', message: 'required: a list of coordinators from the register' }])
  const problems: ErrorDetail[] = []
  candidates.forEach((candidate: unknown, i) => {
    if (typeof candidate !== 'object' || candidate === null) return problems.push({ path: `candidates[${i}]`, message: 'must be an object' })
    for (const [field, type] of Object.entries(CANDIDATE_FIELDS)) {
      if (typeof (candidate as Record<string, unknown>)[field] !== type) problems.push({ path: `candidates[${i}].${field}`, message: `required: ${type === 'number' ? 'a number' : `a ${type}`}` })
    }
  })
  if (problems.length) throw invalid(problems)
  return candidates.map((c: CoordinatorCandidate) => Object.fromEntries(Object.keys(CANDIDATE_FIELDS).map((f) => [f, c[f as keyof CoordinatorCandidate]])) as unknown as CoordinatorCandidate)
}

/** The properties of the `case` fact that a candidate rule set reads through `path`. */
function caseProperties(ruleSet: RuleSet): string[] {
  const names = new Set<string>(['coordinatorWish'])
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (typeof node !== 'object' || node === null) return
    const leaf = node as Record<string, unknown>
    if (leaf.fact === 'case' && typeof leaf.path === 'string') {
      const name = /^\$\.([A-Za-z_][A-Za-z0-9_]*)/.exec(leaf.path)?.[1]
      if (name) names.add(name)
    }
    for (const key of ['all', 'any', 'not', 'value']) if (key in leaf) visit(leaf[key])
  }
  ruleSet.rules.forEach((rule) => visit(rule.conditions))
  return [...names].sort()
}

/**
 * Evaluates a deployed version on the facts given at `now` (Norway's date decides ages).
 * Bad facts or candidates throw SAMFLYT_VALIDATION naming each one.
 */
export async function evaluateDeployed(row: RuleSetVersionRow, input: EvaluationInput, now: Date): Promise<DeployedEvaluation> {
  const ruleSet = ruleSetOf(row)
  const facts = (input.facts ?? {}) as CaseFacts
  const base = {
    ruleSetKey: row.key,
    ruleSetId: row.ruleSetId,
    version: row.version,
    declaredVersion: row.declaredVersion,
    subject: ruleSet.subject,
    eventTypes: [...new Set(ruleSet.rules.map((rule) => rule.event.type))],
  }
  if (ruleSet.subject === 'case') {
    const decision = await evaluatorFor(ruleSet).evaluate(facts, { now })
    return { ...base, events: decision.events, reasons: decision.reasons, facts: pick(decision.facts, caseFactsRecorded(ruleSet)) }
  }

  const candidates = checkCandidates(input.candidates)
  const ranked = await rankCoordinators(ruleSet, facts, candidates, now)
  return {
    ...base,
    events: ranked.map(({ candidate, score, excluded, facts: f }) => ({ candidateId: candidate.id, name: candidate.name, score, excluded, remainingCapacity: f.candidate.remainingCapacity })),
    reasons: ranked.flatMap(({ candidate, reasons }) =>
      reasons.map(({ rule, reason, reasonNn, law, points }) => ({ candidateId: candidate.id, rule, reason, reasonNn, law, points }))),
    facts: {
      case: pick(deriveCaseFacts(facts, now), caseProperties(ruleSet)),
      candidates: ranked.map((r) => r.facts.candidate),
    },
  }
}
