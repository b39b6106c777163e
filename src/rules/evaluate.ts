// Evaluating a rule set: one json-rules-engine Engine per rule-set version, built once and
// reused (building it parses every condition; an evaluation then only runs them), and a
// decision that carries the rule set's id and version, what fired, the reasons in both
// written languages, and every fact it was decided on, so it can be recorded and quoted.

import { Engine, type EngineOptions, type RuleProperties } from 'json-rules-engine'
import { referencedFacts } from './conditions.js'
import { deriveCaseFacts, type CaseFacts, type DerivedCaseFacts } from './facts.js'
import { registerOperators } from './operators.js'
import type { RuleEventParams, RuleSet, RuleSetRule } from './rule-set.js'

export interface DecisionEvent {
  type: string
  params: RuleEventParams
}

export interface DecisionReason {
  /** The rule's name in the rule set. */
  rule: string
  reason: string
  reasonNn: string
  law: string | null
  /** The same reason worded to a parent about their child (a child under 16 is represented by a parent), when the rule says so. */
  reasonParent?: string
  reasonParentNn?: string
}

export interface Decision<F = DerivedCaseFacts> {
  ruleSetId: string
  version: number
  /** In the rule set's order of rules, whatever order the engine finished them in. */
  events: DecisionEvent[]
  reasons: DecisionReason[]
  /** The facts it was decided on, derived ones included; the identity number is masked. */
  facts: F
}

export interface EvaluateOptions {
  /** The evaluation instant; ages and the evaluation date are Norway's date at it. */
  now: Date
}

export interface Evaluator {
  readonly ruleSet: RuleSet
  /** Derives the case facts at `now` and evaluates a case rule set on them. */
  evaluate(facts: CaseFacts, options: EvaluateOptions): Promise<Decision>
  /** Evaluates on facts that are already complete (e.g. a candidate's), without deriving. */
  evaluateFacts<F extends object>(facts: F): Promise<Decision<F>>
}

/**
 * Every fact a rule names is always present (deriving fills defaults), so an undefined fact
 * is a bug and must fail loudly, never read as "condition false". Event params are quoted
 * text, never fact references, so they need no resolving.
 */
export const ENGINE_OPTIONS: EngineOptions = { allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false }

/** The rule as json-rules-engine takes it; a copy, because the engine keeps what it is given. */
export function toEngineRule(rule: RuleSetRule): RuleProperties {
  return {
    name: rule.name,
    conditions: structuredClone(rule.conditions) as unknown as RuleProperties['conditions'],
    event: structuredClone(rule.event),
    ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
  }
}

/** A json-rules-engine Engine with a rule set's rules and our operators. */
export function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine(ruleSet.rules.map(toEngineRule), ENGINE_OPTIONS)
  registerOperators(engine)
  return engine
}

export function createEvaluator(ruleSet: RuleSet): Evaluator {
  const engine = buildEngine(ruleSet)
  const position = new Map(ruleSet.rules.map((rule, i) => [rule.name, i]))
  // The engine gets only the facts the rules read: it makes an almanac entry per fact on
  // every run, and a rule set typically reads a third of the vocabulary. The decision still
  // records all of them.
  const used = [...ruleSet.rules.reduce((names, rule) => referencedFacts(rule.conditions, names), new Set<string>())]

  async function evaluateFacts<F extends object>(facts: F): Promise<Decision<F>> {
    const engineFacts: Record<string, unknown> = {}
    for (const name of used) if (name in facts) engineFacts[name] = (facts as Record<string, unknown>)[name]
    const { results } = await engine.run(engineFacts)
    const fired = results
      .map((result) => ({ index: position.get(result.name)!, name: result.name, event: result.event as DecisionEvent }))
      .sort((a, b) => a.index - b.index)
    return {
      ruleSetId: ruleSet.id,
      version: ruleSet.version,
      events: fired.map(({ event }) => ({ type: event.type, params: event.params })),
      reasons: fired.map(({ name, event }) => ({
        rule: name,
        reason: event.params.reason,
        reasonNn: event.params.reasonNn,
        law: event.params.law ?? null,
        ...(typeof event.params.reasonParent === 'string' ? { reasonParent: event.params.reasonParent, reasonParentNn: event.params.reasonParentNn as string } : {}),
      })),
      facts,
    }
  }

  return {
    ruleSet,
    evaluateFacts,
    evaluate(facts, { now }) {
      if (ruleSet.subject !== 'case') {
        return Promise.reject(new TypeError(`rule set ${ruleSet.id} ranks candidates; use rankCoordinators`))
      }
      try {
        return evaluateFacts(deriveCaseFacts(facts, now))
      } catch (error) {
        return Promise.reject(error)
      }
    },
  }
}

const evaluators = new WeakMap<RuleSet, Evaluator>()

/** The evaluator of a loaded rule set, built on first use and kept as long as the rule set is. */
export function evaluatorFor(ruleSet: RuleSet): Evaluator {
  let evaluator = evaluators.get(ruleSet)
  if (!evaluator) evaluators.set(ruleSet, (evaluator = createEvaluator(ruleSet)))
  return evaluator
}
