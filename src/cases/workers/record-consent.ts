// Registrer samtykket: the answer registered in the consent task (forms/consent.form):
// consentDecision given or refused, consentScope (individual-plan, coordinator,
// information-sharing), consentGivenBy. Consent without the individual plan in its scope, or a
// refusal, declines the plan; the coordinator needs consent that covers a coordinator; sharing
// with the intake group and the agencies needs consent that covers information-sharing.
import { recordConsentAnswer } from '../consents.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'
import { completedBy } from './record-intake-outcome.js'
import { CONSENT_SCOPES } from '../types.js'

export const recordConsent: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const given = text(job.variables.consentDecision) === 'given'
    const raw = Array.isArray(job.variables.consentScope) ? job.variables.consentScope : []
    const scope = given ? CONSENT_SCOPES.filter((s) => raw.includes(s)) : []
    const ipDeclined = !given || !scope.includes('individual-plan')
    const coordinatorConsent = given && scope.includes('coordinator')
    const by = text(job.variables.consentGivenBy)
    await recordConsentAnswer(tx, found.id, {
      consentGiven: given,
      ipDeclined,
      scope,
      givenBy: by === 'person' || by === 'guardian' ? by : null,
    }, await completedBy(tx, job.instanceKey, 'consentReply'), now)
    return { consentStatus: given ? 'given' : 'refused', consentGiven: given, ipDeclined, coordinatorConsent, sharingConsent: scope.includes('information-sharing') }
  })
