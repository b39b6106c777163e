// Se etter åpen sak: an enquiry about a person who already has an open case is linked to that
// case, not opened twice. Intake links most duplicates already (it locks the person); this step
// is the process's own check, and catches an open case that appeared by any other way.
import { openCaseOf, updateCase } from '../cases.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const checkDuplicate: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    if (found.linkedCaseId) return { duplicateOf: found.linkedCaseId }
    // No lock on the person is needed: an intake about them running now locks the person and
    // links its own case to this one, and of two committed cases only the earlier wins, so two
    // checks at once agree without waiting for each other.
    const open = await openCaseOf(tx, found.personId, found.id)
    // Only an earlier case wins; a later one was linked to this one at its own intake.
    if (!open || BigInt(open.id) > BigInt(found.id)) return { duplicateOf: null }
    await updateCase(tx, found.id, { linked_case_id: open.id, status: 'linked', closed_at: new Date() })
    return { duplicateOf: open.id }
  })
