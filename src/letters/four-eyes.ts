// Four eyes: a decision letter is approved by someone other than whoever assessed the case.
//
// Which tasks these are is read from their form id (zeebe:formDefinition formId, forms/):
// - the letter-approval task has formId `ke-letter-approval`;
// - the assessment is every completed user task with formId `ke-assessment` (the caseworker's
//   assessment) or `ke-intake-group-outcome` (the cross-agency group's, for complex cases).
// The assessors come from the history, which the database keeps append-only: the actors of
// `userTaskCompleted` events whose `userTaskCreated` carried one of those form ids, in this
// instance and in every instance with the same business key (the case), so an assessment in
// a called sub-process counts too.
import type { Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'

export const LETTER_APPROVAL_FORM_ID = 'ke-letter-approval'
export const ASSESSMENT_FORM_IDS: readonly string[] = ['ke-assessment', 'ke-intake-group-outcome']

export async function assessorsOf(sql: Sql, instanceKey: string): Promise<string[]> {
  const rows = await sql<{ actor: string }[]>`
    with case_instances as (
      select key from process_instances
      where key = ${instanceKey}
         or (business_key is not null and business_key = (select business_key from process_instances where key = ${instanceKey}))
    )
    select distinct done.actor from history done
    join history created on created.instance_key = done.instance_key
                        and created.element_instance_id = done.element_instance_id
                        and created.type = 'userTaskCreated'
    where done.type = 'userTaskCompleted'
      and done.instance_key in (select key from case_instances)
      and created.data ->> 'formId' = any(${ASSESSMENT_FORM_IDS as string[]})
      and done.actor is not null
    order by done.actor`
  return rows.map((row) => row.actor)
}

/**
 * Refuses an approval by the case's assessor (403), or when no assessment is recorded at all,
 * so that a second person cannot be shown (409). Messages in Norwegian and English: the
 * caseworker reads them in the task list.
 */
export async function checkFourEyes(sql: Sql, instanceKey: string, approver: string): Promise<void> {
  const assessors = await assessorsOf(sql, instanceKey)
  if (assessors.length === 0) {
    throw new SamflytError(
      'SAMFLYT_CONFLICT',
      'Brevet kan ikke godkjennes ennå: ingen vurdering av saken er registrert, så det kan ikke vises at en annen person godkjenner. / ' +
        'The letter cannot be approved yet: no assessment of the case is recorded, so a second person cannot be shown to approve it.',
      [{ path: `instance ${instanceKey}`, message: `no completed task with form ${ASSESSMENT_FORM_IDS.join(' or ')}` }],
    )
  }
  if (assessors.includes(approver)) {
    throw new SamflytError(
      'SAMFLYT_FORBIDDEN',
      'Du vurderte saken selv, så en annen må godkjenne brevet (fire øyne). / ' +
        'You assessed this case yourself, so someone else must approve the letter (four eyes).',
      [{ path: '/approver', message: `${approver} completed the assessment of this case` }],
    )
  }
}
