// Varsle involverte etater: every provider named among the case's services is told that the
// case goes to the intake group, and when. The message names no person: the agencies read the
// case in Samflyt, where the read is recorded. Only with a basis for sharing (consent to share or
// another legal basis): a case discussed anonymously is not announced to the agencies, since
// telling an agency that its client is on the agenda already shares something about them.
import { notify } from '../notifications.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'
import { formatDateTime } from './dates.js'

export const notifyAgencies: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const basis = text(job.variables.sharingBasis)
    if (basis !== 'consent' && basis !== 'legal-basis') return { notifiedAgencies: [] }
    const services = Array.isArray(job.variables.services) ? job.variables.services : []
    const agencies = [...new Set(services.map((s) => (s && typeof s === 'object' && !Array.isArray(s) ? text(s.provider) : null)).filter((p): p is string => p !== null))].sort()
    const meetingAt = text(job.variables.meetingAt)
    const when = meetingAt ? ` i møtet ${formatDateTime(new Date(meetingAt))}` : ''
    for (const agency of agencies) {
      await notify(tx, found.id, 'agency-notice', `agency:${agency}`,
        `Sak ${found.reference} behandles i tverretatlig mottaksgruppe${when}. ${agency} er involvert som tjenesteyter og bes stille forberedt.`, job.key)
    }
    return { notifiedAgencies: agencies }
  })
