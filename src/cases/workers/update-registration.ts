// Oppdater saken: what the caseworker checked and completed in the registration task
// (forms/registration.form) is written to the case: the case facts (a manual escalation to the
// intake group among them), the letters' language and the description. The person is the one
// registered at intake; the form shows their name and birth date, never the identity number
// (task variables are kept in the history for good). An enquiry about someone else is a new
// enquiry.
import { updateCase } from '../cases.js'
import { REGISTRABLE_CASE_FACTS } from '../facts.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'

export const updateRegistration: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const facts: Record<string, unknown> = { ...found.facts }
    for (const name of REGISTRABLE_CASE_FACTS) {
      const value = job.variables[name]
      if (value !== undefined && value !== null) facts[name] = value
    }
    const language = text(job.variables.language)
    await updateCase(tx, found.id, {
      facts: tx.json(facts as never),
      language: language === 'nb' || language === 'nn' ? language : undefined,
      summary: text(job.variables.description) ?? undefined,
    })
  })
