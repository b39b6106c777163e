// The facts a coordinator-suggestion rule set sees: one evaluation per candidate from the
// KE's coordinator register, with two object facts that conditions read through `path`:
//   candidate  the register entry plus what follows from it and the case (below)
//   case       the derived case facts (see facts.ts), e.g. `$.needsChildCoordinator`
//
// Candidate properties:
//   id, name, unit, profession          from the register
//   trainingCompleted                   boolean, the KE's coordinator training
//   childCoordinatorQualified           boolean
//   capacity                            number, how many cases the coordinator can carry
//   currentLoad                         number, cases the coordinator carries now
//   remainingCapacity (derived)         capacity - currentLoad, never below 0
//   wishedByPerson (derived)            the case's coordinatorWish names this candidate
//   recommendedByIntakeGroup (derived)  the case's intakeGroupCoordinator names this candidate

import { CASE_FACTS, type DerivedCaseFacts, type FactDefinition } from './facts.js'

export interface CoordinatorCandidate {
  id: string
  name: string
  unit: string
  profession: string
  trainingCompleted: boolean
  childCoordinatorQualified: boolean
  capacity: number
  currentLoad: number
}

export interface DerivedCandidate extends CoordinatorCandidate {
  remainingCapacity: number
  wishedByPerson: boolean
  recommendedByIntakeGroup: boolean
}

export interface CandidateFacts {
  candidate: DerivedCandidate
  case: DerivedCaseFacts
}

const CANDIDATE_PROPERTIES: readonly (keyof DerivedCandidate)[] = [
  'id', 'name', 'unit', 'profession', 'trainingCompleted', 'childCoordinatorQualified',
  'capacity', 'currentLoad', 'remainingCapacity', 'wishedByPerson', 'recommendedByIntakeGroup',
]

export const CANDIDATE_FACTS: Readonly<Record<keyof CandidateFacts, FactDefinition>> = {
  candidate: { type: 'object', source: 'derived', properties: CANDIDATE_PROPERTIES, description: 'One coordinator from the register, with remainingCapacity, wishedByPerson and recommendedByIntakeGroup' },
  case: { type: 'object', source: 'derived', properties: Object.keys(CASE_FACTS), description: 'The derived case facts' },
}

export function deriveCandidateFacts(candidate: CoordinatorCandidate, caseFacts: DerivedCaseFacts): CandidateFacts {
  return {
    candidate: {
      ...candidate,
      remainingCapacity: Math.max(0, candidate.capacity - candidate.currentLoad),
      wishedByPerson: caseFacts.coordinatorWish !== null && caseFacts.coordinatorWish === candidate.id,
      recommendedByIntakeGroup: caseFacts.intakeGroupCoordinator !== null && caseFacts.intakeGroupCoordinator === candidate.id,
    },
    case: caseFacts,
  }
}
