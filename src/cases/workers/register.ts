// Registrer henvendelse: the case learns its process instance and moves from received to
// registered. The registration task that follows offers the person's coordinator wish as a
// choice from the register (coordinatorOptions), so the wish is a register id the
// coordinator-suggestion rules can match, not a name typed a little differently.
import { setInstanceKey, setStatus } from '../cases.js'
import { coordinatorOptions } from '../coordinators.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const register: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    // Intake writes the instance key with the case; a case started some other way learns it here.
    if (found.instanceKey !== job.instanceKey) await setInstanceKey(tx, found.id, job.instanceKey)
    if (found.status === 'received') await setStatus(tx, found.id, 'registered')
    return { caseReference: found.reference, coordinatorOptions: await coordinatorOptions(tx) }
  })
