// Hent kandidater: the active coordinators of the register with their current load, for the
// coordinator-suggestion rule set to rank.
import { asCandidate, listCoordinators } from '../coordinators.js'
import { setStatus } from '../cases.js'
import type { JsonValue } from '../../engine/types.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const loadCandidates: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    await setStatus(tx, found.id, 'coordinator-appointment')
    const candidates = (await listCoordinators(tx, { activeOnly: true })).map(asCandidate)
    return { candidates: candidates as unknown as JsonValue }
  })
