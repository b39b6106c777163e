// Lag foreløpig svar: the case was not answered within a month (forvaltningsloven § 11 a). The
// person (or their guardian) gets a letter saying why, and when to expect an answer. It needs no
// approval; its id goes out as `interimReplyLetterId`, and the `letters:dispatch` task after
// this one sends it (mapping it to its own `letterId`, so the decision letter's is untouched).
import { updateCase } from '../cases.js'
import { addDays, osloDate } from '../deadlines.js'
import { interimReplyData } from '../letter-data.js'
import { notify } from '../notifications.js'
import type { Variables } from '../../engine/types.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { formatDate } from './dates.js'
import { createLetter, creatorOf, letterDataOf, letterMadeBy, lettersOf } from './decision-letter.js'

/** How far ahead an interim reply promises an answer. */
const EXPECTED_WITHIN_DAYS = 28

export const sendInterimReply: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now): Promise<Variables> => {
    // A case closed meanwhile has its answer; its process is ending, and this step with it.
    if (found.closedAt) return { interimReplyLetterId: null }
    const letters = lettersOf(job, ctx)
    const createdBy = creatorOf(job)
    const made = await letterMadeBy(tx, found.id, createdBy)
    if (made) return { interimReplySent: true, interimReplyLetterId: made }
    const expected = addDays(osloDate(now), EXPECTED_WITHIN_DAYS)
    const data = await letterDataOf(job, () => interimReplyData(tx, found, expected, now, letters.municipality))
    const letter = await createLetter(job, () => letters.create({ caseId: found.id, instanceKey: job.instanceKey, data, createdBy }, tx))
    if (!found.interimReplySentAt) await updateCase(tx, found.id, { interim_reply_sent_at: now })
    const recipient = data.addressee.role === 'guardian' ? `guardian:${data.addressee.name}` : 'person'
    await notify(tx, found.id, 'interim-reply', recipient,
      `Foreløpig svar i sak ${found.reference} er skrevet som brev til ${data.addressee.name} og sendes ut. Svar er lovet innen ${formatDate(expected)}.`, job.key)
    return { interimReplySent: true, answerExpectedBy: expected, interimReplyLetterId: letter.id }
  })
