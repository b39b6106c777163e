// Registrer tilbaketrekking: the person withdrew; the case ends, with a record of why.
import { setStatus, updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'

export const recordWithdrawal: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const reason = text(job.variables.withdrawalReason) ?? 'Ingen begrunnelse oppgitt'
    if (found.status !== 'withdrawn') {
      await updateCase(tx, found.id, { withdrawn_reason: reason })
      await setStatus(tx, found.id, 'withdrawn')
    }
    await notify(tx, found.id, 'withdrawn', `unit:${found.unit}`, `Sak ${found.reference} er trukket. Begrunnelse: ${reason}`, job.key)
  })
