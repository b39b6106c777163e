// The case facts a case stores and a process carries: the rules' registrable vocabulary, less the
// identity number and birth date (those live on the person; the process carries the birth date
// from intake) and the verdicts of rule sets (those are results).
import { CASE_FACTS } from '../rules/index.js'

export const REGISTRABLE_CASE_FACTS: readonly string[] = Object.entries(CASE_FACTS)
  .filter(([name, d]) => d.source !== 'derived' && name !== 'identityNumber' && name !== 'birthDate' && name !== 'complex' && name !== 'needsChildCoordinator' && name !== 'intakeGroupCoordinator')
  .map(([name]) => name)
