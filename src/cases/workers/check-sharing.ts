// Avklar grunnlaget for å dele opplysninger: before a complex case goes to the intake group, the
// basis for sharing its information is settled (src/cases/sharing.ts) and recorded on the case.
// `sharingBasis` "none" takes the process to "KE behandler saken alene".
import { getConsent } from '../consents.js'
import { updateCase } from '../cases.js'
import { sharingBasisOf } from '../sharing.js'
import { flag, text, withCase, type CaseJobHandler } from './case-job.js'

export const checkSharing: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const { basis, note } = sharingBasisOf({
      consent: await getConsent(tx, found.id),
      legalBasis: text(job.variables.sharingLegalBasis),
      anonymous: flag(job.variables.discussAnonymously),
    })
    await updateCase(tx, found.id, { sharing_basis: basis, sharing_note: note })
    return { sharingBasis: basis }
  })
