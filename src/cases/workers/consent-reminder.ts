// Send påminnelse om samtykke: the reminder timer fired and the answer has not come.
import { listGuardians } from '../people.js'
import { recordConsentReminder } from '../consents.js'
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { consentRecipients } from './recipients.js'

export const consentReminder: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const reminders = await recordConsentReminder(tx, found.id, now)
    for (const recipient of await consentRecipients(tx, found, await listGuardians(tx, found.personId), now)) {
      await notify(tx, found.id, 'consent-reminder', recipient,
        `Påminnelse: koordinerende enhet har ikke fått svar på forespørselen om samtykke i sak ${found.reference}.`, job.key)
    }
    return { consentReminders: reminders }
  })
