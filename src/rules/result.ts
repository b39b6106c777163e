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
//   ranked: [{ candidateId, name, score, excluded, remainingCapacity }], suggested: the first
//   candidate not excluded (its id, or null), reasons: [{ candidateId, rule, reason, reasonNn,
//   law, points }], and explanation: why the suggested one, in Norwegian, for the caseworker
//   (its reasons with their points, and what decided between equal scores).
import type { DeployedEvaluation, RankedSummary, RecordedReason } from './run.js'

/** The keys every result has; an event type must not camelCase to one of them. */
export const RESULT_KEYS = ['ruleSetId', 'version', 'declaredVersion', 'decisionId', 'events', 'reasons', 'ranked', 'suggested', 'explanation'] as const

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
    const suggested = ranked.find((r) => !r.excluded) ?? null
    return { ...base, ranked, suggested: suggested?.candidateId ?? null, explanation: explainSuggestion(ranked, evaluation.reasons, suggested) }
  }
  const fired = [...new Set((evaluation.events as { type: string }[]).map((event) => event.type))]
  const flags = Object.fromEntries(evaluation.eventTypes.map((type) => [camelCase(type), fired.includes(type)]))
  return { ...flags, ...base, events: fired }
}

const points = (n: number) => `${n > 0 ? '+' : ''}${n} poeng`

/** Why this candidate is suggested: each reason with its points, and how a tie was broken. */
export function explainSuggestion(ranked: RankedSummary[], reasons: RecordedReason[], suggested: RankedSummary | null): string {
  if (!suggested) return 'Ingen koordinator i registeret kan foreslås: alle er utelukket (se begrunnelsene per kandidat).'
  const own = reasons.filter((r) => r.candidateId === suggested.candidateId).map((r) => `${r.reason} (${points(r.points ?? 0)})`)
  const tied = ranked.filter((r) => !r.excluded && r.score === suggested.score && r.candidateId !== suggested.candidateId)
  const parts = [`${suggested.name} er foreslått med ${suggested.score} poeng: ${own.join(' ') || 'ingen regler ga poeng.'}`]
  if (tied.length) {
    const roomier = tied.every((r) => r.remainingCapacity < suggested.remainingCapacity)
    parts.push(`Like mange poeng som ${tied.map((r) => r.name).join(', ')}; ${roomier
      ? `${suggested.name} har flest ledige plasser (${suggested.remainingCapacity}).`
      : 'like mye ledig kapasitet, så rekkefølgen er alfabetisk: velg ut fra personens behov og begrunn valget.'}`)
  }
  return parts.join(' ')
}
