// Registrer samtykket: the answer registered in the consent task (forms/consent.form):
// consentDecision given or refused, consentScope (individual-plan, coordinator,
// information-sharing), consentGivenBy. Consent without the individual plan in its scope, or a
// refusal, declines the plan; the coordinator needs consent that covers a coordinator.
import { recordConsentAnswer } from '../consents.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'
import { completedBy } from './record-intake-outcome.js'

export const recordConsent: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const given = text(job.variables.consentDecision) === 'given'
    const scope = Array.isArray(job.variables.consentScope) ? job.variables.consentScope : []
    const ipDeclined = !given || !scope.includes('individual-plan')
    const coordinatorConsent = given && scope.includes('coordinator')
    const by = text(job.variables.consentGivenBy)
    await recordConsentAnswer(tx, found.id, {
      consentGiven: given,
      ipDeclined,
      givenBy: by === 'person' || by === 'guardian' ? by : null,
    }, await completedBy(tx, job.instanceKey, 'consentReply'), now)
    return { consentStatus: given ? 'given' : 'refused', consentGiven: given, ipDeclined, coordinatorConsent }
  })
