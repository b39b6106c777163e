// Approving a decision letter through its BPMN user task (form id `ke-letter-approval`).
//
// The task-completion route completes every task through `completeWithLetterApproval`. For a
// letter-approval task it enforces four eyes (src/letters/four-eyes.ts), then approves the
// letter, then completes the task: in that order, because completing the task lets the process
// go on to send the letter at once. Should the completion fail, the approval is withdrawn. The
// form can send the letter back instead (`letterApproval: "returned"`; any value but
// "approved" is no approval). The letter is the one the task's variable `letterId` names, else
// the newest draft of the instance or its case.
import type { Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'
import type { Variables } from '../engine/types.js'
import { checkFourEyes, LETTER_APPROVAL_FORM_ID } from './four-eyes.js'
import { getLetter, latestDraft, letterData, type LetterRow } from './store.js'
import type { LetterData } from './types.js'

/**
 * Renders a letter as approved (no draft mark, with who approved it). Registered by the letters
 * service for its database handle, so that an approval through a task completion, which has only
 * the handle, renders with the same templates.
 */
export type ApprovedRenderer = (data: LetterData) => Promise<{ pdf: Buffer; checksum: string }>
const renderers = new WeakMap<Sql, ApprovedRenderer>()
export const registerApprovedRenderer = (sql: Sql, render: ApprovedRenderer) => renderers.set(sql, render)

/** The approver as the letter names them: the display name without the role in brackets. */
async function approverName(sql: Sql, username: string): Promise<string> {
  const [user] = await sql<{ displayName: string }[]>`select display_name as "displayName" from users where username = ${username}`
  return user?.displayName.replace(/\s*\([^)]*\)\s*$/, '').trim() || username
}

export interface ApprovalTask {
  instanceKey: string
  formId: string | null
  variables: Variables
}

export const isLetterApprovalTask = (task: ApprovalTask) => task.formId === LETTER_APPROVAL_FORM_ID

/**
 * Marks a draft approved by `approver`; a letter that is no longer a draft is a 409. A decision
 * letter is rendered once more as it is sent: without the draft mark, and saying who approved it
 * beside who signs it (four eyes). That PDF is then frozen (the database refuses changes).
 */
export async function approveDraft(sql: Sql, letterId: string, approver: string, now: Date): Promise<LetterRow> {
  const render = renderers.get(sql)
  const data = await letterData(sql, letterId)
  let final: { data: LetterData; pdf: Buffer; checksum: string } | null = null
  if (render && data?.kind === 'decision') {
    const approved = { ...data, approvedBy: { name: await approverName(sql, approver) } }
    final = { data: approved, ...(await render(approved)) }
  }
  const [row] = await sql<{ id: string }[]>`
    update letters set status = 'approved', approved_by = ${approver}, approved_at = ${now}
      ${final ? sql`, data = ${sql.json(final.data as never)}, pdf = ${final.pdf}, checksum = ${final.checksum}` : sql``}
    where id = ${letterId} and status = 'draft' returning id::text`
  if (!row) {
    const letter = await getLetter(sql, letterId)
    throw new SamflytError('SAMFLYT_CONFLICT', letter ? `Letter ${letterId} is ${letter.status}, not a draft` : `Letter ${letterId} does not exist`)
  }
  return (await getLetter(sql, letterId))!
}

/** The draft a letter-approval task approves, or null when the form sent it back or there is none. */
async function letterToApprove(sql: Sql, task: ApprovalTask, submitted: Variables): Promise<LetterRow | null> {
  if (submitted.letterApproval !== undefined && submitted.letterApproval !== 'approved') return null
  const named = submitted.letterId ?? task.variables.letterId
  if (typeof named === 'string') {
    const letter = await getLetter(sql, named)
    return letter?.status === 'draft' ? letter : null
  }
  const [instance] = await sql<{ businessKey: string | null }[]>`select business_key as "businessKey" from process_instances where key = ${task.instanceKey}`
  return (await latestDraft(sql, { instanceKey: task.instanceKey, caseId: instance?.businessKey ?? null })) ?? null
}

/**
 * Completes a user task (`complete`); a letter-approval task only after four eyes are checked
 * (403/409) and its letter approved, which is withdrawn again if the completion fails.
 */
export async function completeWithLetterApproval(sql: Sql, task: ApprovalTask, submitted: Variables, approver: string, now: Date, complete: () => Promise<void>): Promise<LetterRow | null> {
  if (!isLetterApprovalTask(task)) {
    await complete()
    return null
  }
  await checkFourEyes(sql, task.instanceKey, approver)
  const draft = await letterToApprove(sql, task, submitted)
  const approved = draft ? await approveDraft(sql, draft.id, approver, now) : null
  try {
    await complete()
  } catch (error) {
    if (approved) {
      await sql`update letters set status = 'draft', approved_by = null, approved_at = null
                where id = ${approved.id} and status = 'approved' and approved_by = ${approver}`
    }
    throw error
  }
  return approved
}
