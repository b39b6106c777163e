// Oppdater saken: what the caseworker checked and completed in the registration task
// (forms/registration.form) is written to the case: the case facts, the letters' language and
// the description. The person stays the one registered at intake: a different identity number
// in the form is noted for the caseworker, never silently moved to another person.
import { updateCase } from '../cases.js'
import { notify } from '../notifications.js'
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
    const [person] = await tx<{ identityNumber: string }[]>`select identity_number as "identityNumber" from people where id = ${found.personId}`
    const given = text(job.variables.identityNumber)
    if (given && person && given !== person.identityNumber) {
      await notify(tx, found.id, 'registration-mismatch', `unit:${found.unit}`,
        `Fødselsnummeret i registreringen avviker fra det saken ble registrert med. Saken gjelder fortsatt personen den ble registrert på; registrer en ny henvendelse hvis den gjelder en annen person.`, job.key)
      return { identityNumber: person.identityNumber }
    }
  })
