// Avslutt IP-delen: consent to an individual plan was refused. The IP part of the case closes;
// the coordinator offer still stands (pbrl § 2-5 b), so the case goes on.
import { updateCase } from '../cases.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const closeIpPart: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    if (!found.ipPartClosed) await updateCase(tx, found.id, { ip_part_closed: true })
    return { ipDeclined: true }
  })
