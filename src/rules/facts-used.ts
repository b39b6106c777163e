// Which facts a recorded decision keeps: the ones the rules read, and what those were derived
// from, so an auditor can follow "two sectors" back to the services registered, or "under 18"
// back to the birth date. Nothing else the case holds: a decision is kept for good and should
// carry no more personal data than the verdict rested on. The identity number, when kept, is
// the derived facts' masked one (the birth-date part), which is all the age rests on.
import { referencedFacts } from './conditions.js'
import type { DerivedCaseFacts } from './facts.js'
import type { RuleSet } from './rule-set.js'

const AGE_BASIS = ['identityNumber', 'birthDate', 'evaluationDate'] as const
const SERVICES = ['services'] as const

/** For each derived (or derivable) fact, the facts it is computed from. */
const DERIVED_FROM: Readonly<Partial<Record<keyof DerivedCaseFacts, readonly (keyof DerivedCaseFacts)[]>>> = {
  birthDate: ['identityNumber'],
  age: AGE_BASIS,
  childUnder18: [...AGE_BASIS, 'age'],
  serviceCount: SERVICES,
  longTermServiceCount: SERVICES,
  coordinatedServiceCount: SERVICES,
  sectors: SERVICES,
  sectorCount: [...SERVICES, 'sectors'],
  providerCount: SERVICES,
  ropNeeds: ['mentalHealthNeeds', 'substanceUseNeeds', 'services'],
  manuallyEscalated: ['manualEscalation'],
  needsLongTermHealthServices: SERVICES,
  needsOtherWelfareServices: SERVICES,
  longTermNeeds: SERVICES,
  coordinatedNeeds: SERVICES,
}

/** The names of the facts the rule set's rules read, sorted. */
export function factsRead(ruleSet: RuleSet): string[] {
  return [...ruleSet.rules.reduce((names, rule) => referencedFacts(rule.conditions, names), new Set<string>())].sort()
}

/** The case facts a decision of this rule set records: those read, and their bases. */
export function caseFactsRecorded(ruleSet: RuleSet): string[] {
  const names = new Set<string>()
  for (const name of factsRead(ruleSet)) {
    names.add(name)
    for (const basis of DERIVED_FROM[name as keyof DerivedCaseFacts] ?? []) names.add(basis)
  }
  return [...names].sort()
}

export function pick<T extends object>(facts: T, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const name of names) if (name in facts) picked[name] = (facts as Record<string, unknown>)[name]
  return picked
}
