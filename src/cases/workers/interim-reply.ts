// Send foreløpig svar: the case was not answered within a month (forvaltningsloven § 11 a). The
// person is told why, and when to expect an answer.
import { updateCase } from '../cases.js'
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { formatDate } from './dates.js'
import { addDays, osloDate } from '../deadlines.js'

/** How far ahead an interim reply promises an answer. */
const EXPECTED_WITHIN_DAYS = 28

export const sendInterimReply: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    if (found.closedAt) return
    const expected = addDays(osloDate(now), EXPECTED_WITHIN_DAYS)
    if (!found.interimReplySentAt) await updateCase(tx, found.id, { interim_reply_sent_at: now })
    const message = found.language === 'nn'
      ? `Foreløpig svar i sak ${found.reference}: Vi har ikkje kunna svare på førespurnaden din innan ein månad, fordi saka treng meir utgreiing. Du kan vente svar innan ${formatDate(expected)}.`
      : `Foreløpig svar i sak ${found.reference}: Vi har ikke kunnet svare på henvendelsen din innen én måned, fordi saken trenger mer utredning. Du kan vente svar innen ${formatDate(expected)}.`
    await notify(tx, found.id, 'interim-reply', 'person', message, job.key)
    return { interimReplySent: true, answerExpectedBy: expected }
  })
