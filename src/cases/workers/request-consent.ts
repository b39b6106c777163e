// Be om samtykke: consent is asked of the person, or of whoever may consent for them (a child
// under 16 through a parent or guardian registered as able to consent).
import { markConsentRequested } from '../consents.js'
import { setStatus } from '../cases.js'
import { listGuardians } from '../people.js'
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { consentRecipients } from './recipients.js'

export const requestConsent: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    await markConsentRequested(tx, found.id, now)
    await setStatus(tx, found.id, 'awaiting-consent')
    const recipients = await consentRecipients(tx, found, await listGuardians(tx, found.personId), now)
    for (const recipient of recipients) {
      await notify(tx, found.id, 'consent-request', recipient,
        `Forespørsel om samtykke i sak ${found.reference}: koordinerende enhet trenger samtykke for å kunne tilby individuell plan og koordinator (pasient- og brukerrettighetsloven kapittel 4).`, job.key)
    }
  })
