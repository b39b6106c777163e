// Avslutt saken: decided and answered.
import { setStatus } from '../cases.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const closeCase: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    await setStatus(tx, found.id, 'closed')
  })
