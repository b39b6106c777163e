// The result variable a business-rule task `rules:<id>` leaves in the process, for gateways to
// branch on and later steps (letters) to quote. Its name is `<id in camelCase>Result`
// (complexity -> complexityResult, child-coordinator -> childCoordinatorResult), unless the
// task sets a `resultVariable` header. For a case rule set:
//
//   complexityResult = {
//     ruleSetId: "complexity", version: 2, declaredVersion: 2, decisionId: "41",
//     events: ["complex"],                every event type that fired, in the rule set's order
//     complex: true,                      one flag per event type the rule set can fire, camelCased
//                                         ("individual-plan-right" -> individualPlanRight), false
//                                         when it did not fire: `=complexityResult.complex`
//     reasons: [{ rule, reason, reasonNn, law }]
//   }
//
// For a candidate rule set (coordinator-suggestion) the events are the ranking instead:
//   ranked: [{ candidateId, name, score, excluded }], suggested: the first candidate not excluded
//   (its id, or null), reasons: [{ candidateId, rule, reason, reasonNn, law, points }].
import type { DeployedEvaluation, RankedSummary } from './run.js'

/** The keys every result has; an event type must not camelCase to one of them. */
export const RESULT_KEYS = ['ruleSetId', 'version', 'declaredVersion', 'decisionId', 'events', 'reasons', 'ranked', 'suggested'] as const

export const camelCase = (kebab: string): string => kebab.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())

export const resultVariableName = (ruleSetId: string): string => `${camelCase(ruleSetId)}Result`

export type RuleResult = Record<string, unknown>

export function ruleResult(evaluation: DeployedEvaluation, decisionId: string | null): RuleResult {
  const base = {
    ruleSetId: evaluation.ruleSetId,
    version: evaluation.version,
    declaredVersion: evaluation.declaredVersion,
    decisionId,
    reasons: evaluation.reasons,
  }
  if (evaluation.subject === 'candidate') {
    const ranked = evaluation.events as RankedSummary[]
    return { ...base, ranked, suggested: ranked.find((r) => !r.excluded)?.candidateId ?? null }
  }
  const fired = [...new Set((evaluation.events as { type: string }[]).map((event) => event.type))]
  const flags = Object.fromEntries(evaluation.eventTypes.map((type) => [camelCase(type), fired.includes(type)]))
  return { ...flags, ...base, events: fired }
}
