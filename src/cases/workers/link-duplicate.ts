// Knytt til den åpne saken: both cases get a note, so the caseworker of the open case sees that
// a new enquiry about the same person came in.
import { getCase, setStatus } from '../cases.js'
import { notify } from '../notifications.js'
import { CHANNEL_NAMES } from '../types.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const linkDuplicate: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const open = found.linkedCaseId ? await getCase(tx, found.linkedCaseId) : undefined
    if (!open) return
    await setStatus(tx, found.id, 'linked')
    const channel = CHANNEL_NAMES[found.channel].toLowerCase()
    await notify(tx, open.id, 'duplicate-linked', `unit:${open.unit}`,
      `Ny henvendelse (${channel}, ${found.reference}, mottatt ${found.receivedOn}) om samme person er knyttet til denne saken.`, job.key)
    await notify(tx, found.id, 'duplicate-linked', `unit:${found.unit}`,
      `Personen har allerede en åpen sak (${open.reference}). Henvendelsen er knyttet til den og behandles der.`, job.key)
  })
