// Registrer samtykke: the answer the caseworker registered in the consent task.
import { recordConsentAnswer } from '../consents.js'
import { flag, text, withCase, type CaseJobHandler } from './case-job.js'

const GIVEN_BY = ['person', 'guardian', 'parent'] as const

export const recordConsent: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const consentGiven = flag(job.variables.consentGiven)
    const ipDeclined = flag(job.variables.ipDeclined)
    const givenBy = text(job.variables.consentGivenBy)
    await recordConsentAnswer(tx, found.id, {
      consentGiven,
      ipDeclined,
      givenBy: GIVEN_BY.find((g) => g === givenBy) ?? null,
    }, null, now)
    return { consentStatus: consentGiven ? 'given' : 'refused' }
  })
