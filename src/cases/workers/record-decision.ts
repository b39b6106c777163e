// Registrer vedtaket: the caseworker's outcome per right (forms/assessment.form:
// individualPlanRight, coordinatorRight, childCoordinatorRight), the reasons, and who decided.
// The case is granted when any right is. A coordinator (or child coordinator) granted is
// appointed only with consent that covers a coordinator; without it the offer stands in the letter.
import { setStatus, updateCase } from '../cases.js'
import { JobDecision, text, withCase, type CaseJobHandler } from './case-job.js'
import { completedBy } from './record-intake-outcome.js'

const OUTCOMES = ['granted', 'refused', 'declined', 'not-relevant']

export const recordDecision: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const rights = {
      individualPlan: text(job.variables.individualPlanRight),
      coordinator: text(job.variables.coordinatorRight),
      childCoordinator: text(job.variables.childCoordinatorRight) ?? 'not-relevant',
    }
    const bad = Object.entries(rights).filter(([, v]) => !v || !OUTCOMES.includes(v)).map(([k]) => k)
    if (bad.length) throw new JobDecision(job.fail(`The decision needs an outcome (${OUTCOMES.join(', ')}) for: ${bad.join(', ')}`, { retries: 0 }))
    const granted = Object.values(rights).includes('granted')
    await updateCase(tx, found.id, {
      decision: granted ? 'granted' : 'refused',
      rights: tx.json(rights as never),
      decision_reason: text(job.variables.reasons),
      decided_at: now,
      decided_by: await completedBy(tx, job.instanceKey, 'decide'),
    })
    await setStatus(tx, found.id, 'decision-letter')
    const needsChildCoordinator = rights.childCoordinator === 'granted'
    const coordinatorGranted = rights.coordinator === 'granted' || needsChildCoordinator
    return {
      decision: granted ? 'granted' : 'refused',
      needsChildCoordinator,
      appointCoordinator: coordinatorGranted && job.variables.coordinatorConsent === true,
    }
  })
