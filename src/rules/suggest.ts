// Coordinator suggestions: a candidate rule set (subject "candidate") is evaluated once per
// candidate in the KE's coordinator register. Its rules fire `score` events that add points
// (negative ones subtract) and `exclude` events that take a candidate out of the running;
// each carries its reason, so the caseworker sees why a candidate ranks where it does.
// The caseworker appoints; this only proposes.

import { deriveCandidateFacts, type CandidateFacts, type CoordinatorCandidate } from './candidate-facts.js'
import { evaluatorFor, type DecisionReason } from './evaluate.js'
import { deriveCaseFacts, type CaseFacts } from './facts.js'
import type { RuleSet } from './rule-set.js'

export interface RankedReason extends DecisionReason {
  /** Points this rule gave; 0 for an exclusion. */
  points: number
  excludes: boolean
}

export interface RankedCandidate {
  candidate: CoordinatorCandidate
  score: number
  /** An excluded candidate stays in the list (last), with the reason, so nobody wonders where they went. */
  excluded: boolean
  reasons: RankedReason[]
  facts: CandidateFacts
}

/**
 * Ranks candidates: eligible ones first, by score (highest first), equal scores by remaining
 * capacity (the one with more room first: a reason a caseworker can give), then by name and id
 * so the order never depends on the register's order; excluded ones after them, ranked the
 * same way. `caseFacts` should carry `needsChildCoordinator` and `coordinatorWish`.
 */
export async function rankCoordinators(
  ruleSet: RuleSet,
  caseFacts: CaseFacts,
  candidates: CoordinatorCandidate[],
  now: Date,
): Promise<RankedCandidate[]> {
  if (ruleSet.subject !== 'candidate') throw new TypeError(`rule set ${ruleSet.id} is not a candidate rule set`)
  const evaluator = evaluatorFor(ruleSet)
  const derivedCase = deriveCaseFacts(caseFacts, now)

  const ranked = await Promise.all(
    candidates.map(async (candidate): Promise<RankedCandidate> => {
      const decision = await evaluator.evaluateFacts(deriveCandidateFacts(candidate, derivedCase))
      const reasons = decision.events.map((event, i) => ({
        ...decision.reasons[i]!,
        points: event.type === 'score' ? (event.params.points ?? 0) : 0,
        excludes: event.type === 'exclude',
      }))
      return {
        candidate,
        score: reasons.reduce((sum, reason) => sum + reason.points, 0),
        excluded: reasons.some((reason) => reason.excludes),
        reasons,
        facts: decision.facts,
      }
    }),
  )

  return ranked.sort(
    (a, b) =>
      Number(a.excluded) - Number(b.excluded) ||
      b.score - a.score ||
      b.facts.candidate.remainingCapacity - a.facts.candidate.remainingCapacity ||
      a.candidate.name.localeCompare(b.candidate.name, 'nb') ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  )
}
