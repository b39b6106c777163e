// Registrer vedtaket: granted or refused, the caseworker's reasoning, and who decided.
import { setStatus, updateCase } from '../cases.js'
import { JobDecision, text, withCase, type CaseJobHandler } from './case-job.js'
import { completedBy } from './record-intake-outcome.js'

export const recordDecision: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const decision = text(job.variables.decision)
    if (decision !== 'granted' && decision !== 'refused') {
      throw new JobDecision(job.fail('The decision must be "granted" or "refused"', { retries: 0 }))
    }
    await updateCase(tx, found.id, {
      decision,
      decision_reason: text(job.variables.decisionReason),
      decided_at: now,
      decided_by: await completedBy(tx, job.instanceKey, 'decide'),
    })
    await setStatus(tx, found.id, 'decision-letter')
  })
