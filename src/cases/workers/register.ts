// Registrer henvendelse: the case learns its process instance and moves from received to registered.
import { setInstanceKey, setStatus } from '../cases.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const register: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    await setInstanceKey(tx, found.id, job.instanceKey)
    if (found.status === 'received') await setStatus(tx, found.id, 'registered')
    return { caseReference: found.reference }
  })
