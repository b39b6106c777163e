// Send saken til mottaksgruppen: the caseworker escalated the case by hand from the assessment
// form (escalateAtAssessment, with manualEscalation.reason), one of DOMAIN.md's complexity
// criteria. The escalation is written into the case facts and the process goes back to the
// rules assessment, where the complexity rule set's manual-escalation rule fires with its
// reason and the case goes onto the intake group's agenda like any complex case.
import type { JsonValue } from '../../engine/types.js'
import { setStatus, updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { JobDecision, text, withCase, type CaseJobHandler } from './case-job.js'
import { completedBy } from './record-intake-outcome.js'

export function escalationReason(value: JsonValue | undefined): string | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? text(value.reason) : null
}

export const escalateToIntakeGroup: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    const reason = escalationReason(job.variables.manualEscalation)
    if (!reason) {
      throw new JobDecision(job.fail('A manual escalation needs a reason (manualEscalation.reason); complete the assessment again with one', { retries: 0 }))
    }
    await updateCase(tx, found.id, { facts: tx.json({ ...found.facts, manualEscalation: { reason } } as never) })
    await setStatus(tx, found.id, 'assessment')
    const by = await completedBy(tx, job.instanceKey, 'decide')
    await notify(tx, found.id, 'manual-escalation', 'intake-group',
      `Sak ${found.reference} er sendt til tverretatlig mottaksgruppe av saksbehandler${by ? ` ${by}` : ''}. Begrunnelse: ${reason}`, job.key)
    // The flag is spent: the next assessment task starts unticked.
    return { escalateAtAssessment: false, manualEscalation: { reason } }
  })
