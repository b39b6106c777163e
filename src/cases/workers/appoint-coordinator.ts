// Oppnevn og varsle koordinatoren: the caseworker's choice is written on the case and the
// coordinator is told. A coordinator who is not in the register, or no longer active, is an
// incident naming the id: the choice must be made again, not guessed.
import { getCoordinator } from '../coordinators.js'
import { setStatus, updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { JobDecision, text, withCase, type CaseJobHandler } from './case-job.js'

export const appointCoordinator: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const raw = job.variables.coordinatorId
    const coordinatorId = typeof raw === 'number' ? String(raw) : text(raw)
    const coordinator = coordinatorId && /^[0-9]+$/.test(coordinatorId) ? await getCoordinator(tx, coordinatorId) : undefined
    if (!coordinator || !coordinator.active) {
      throw new JobDecision(job.fail(`Coordinator ${coordinatorId ?? '(none chosen)'} is not an active coordinator in the register`, { retries: 0 }))
    }
    if (found.coordinatorId !== coordinator.id) {
      await updateCase(tx, found.id, { coordinator_id: coordinator.id, coordinator_appointed_at: now })
    }
    await setStatus(tx, found.id, 'decision-letter')
    const title = job.variables.needsChildCoordinator === true ? 'barnekoordinator' : 'koordinator'
    await notify(tx, found.id, 'coordinator-appointed', `coordinator:${coordinator.username ?? coordinator.name}`,
      `Du er oppnevnt som ${title} i sak ${found.reference}. Ta kontakt med personen og koordinerende enhet.`, job.key)
    return { coordinatorName: coordinator.name }
  })
