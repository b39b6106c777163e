// Lag vedtaksbrev: PLACEHOLDER until the letters module (src/letters) is wired in. It records
// that a decision letter is due, and says plainly that no letter was produced.
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'

export const decisionLetter: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found) => {
    await notify(tx, found.id, 'decision-letter', 'person',
      `PLASSHOLDER: vedtaksbrev for sak ${found.reference} (${found.decision === 'granted' ? 'innvilget' : 'avslått'}) er ikke laget; brevmodulen er ikke koblet til ennå.`, job.key)
    return { letterPlaceholder: true }
  })
