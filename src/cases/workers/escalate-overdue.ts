// Eskaler til leder: a case past its deadline goes to the KE's leader.
import { updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { formatDate } from './dates.js'

export const escalateOverdue: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    if (found.closedAt) return
    if (!found.escalatedAt) await updateCase(tx, found.id, { escalated_at: now })
    await notify(tx, found.id, 'overdue-escalation', 'ke-leader',
      `Sak ${found.reference} har passert fristen ${formatDate(found.deadline)} og er ikke avgjort (status: ${found.status}).`, job.key)
    return { escalated: true }
  })
