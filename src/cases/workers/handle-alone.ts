// KE behandler saken alene: a complex case with no basis for sharing (no consent to share, no
// other legal basis, no anonymous discussion chosen). Nothing goes to the intake group or the
// agencies; the caseworker is told why, and assesses the case as the KE.
import { getConsent } from '../consents.js'
import { setStatus, updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { handledAloneText } from '../sharing.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const handleAlone: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const consent = await getConsent(tx, found.id)
    const why = handledAloneText(found.reference, consent?.status)
    await updateCase(tx, found.id, { route: 'complex', sharing_basis: 'none' })
    await setStatus(tx, found.id, 'assessment')
    await notify(tx, found.id, 'handled-alone', `unit:${found.unit}`, why, job.key)
    return { handledAlone: true, sharingExplanation: why }
  })
