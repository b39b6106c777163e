// The person's identity number, masked; a reader who may see it in full asks for it with a reason,
// which the server records in the case's access log (POST /api/cases/:id/identity). The full
// number lives only in this component's state, and is gone when it is hidden or the page left.
import { useId, useState, type FormEvent } from 'react'
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { api, call, ApiError } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { ErrorMessage } from '../error-message.js'

export interface Revealed {
  identityNumber: string
  guardians: { id: string; identityNumber: string }[]
  reason: string
}

interface Props {
  caseId: string
  masked: string
  /** The reader may ask for the full number (caseworkers and admins). */
  mayReveal: boolean
  revealed: Revealed | null
  onRevealed(revealed: Revealed | null): void
}

export function IdentityReveal({ caseId, masked, mayReveal, revealed, onRevealed }: Props) {
  const { t } = useI18n()
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const formId = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    const given = reason.trim()
    if (given.length < 3) return setProblem(t('casePanel.revealReasonRequired'))
    if (/\d{11}/.test(given.replace(/\s/g, ''))) return setProblem(t('casePanel.revealNoNumber'))
    setBusy(true)
    setProblem(null)
    setError(null)
    try {
      const shown = await call(api.POST('/api/cases/{id}/identity', { params: { path: { id: caseId } }, body: { reason: given } }))
      onRevealed({ ...shown, reason: given })
      setAsking(false)
      setReason('')
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400) setProblem(t('casePanel.revealReasonRequired'))
      else setError(failure)
    } finally {
      setBusy(false)
    }
  }

  if (revealed) {
    return (
      <div className="sf-case-identity">
        <span className="sf-case-number">{revealed.identityNumber}</span>
        <Paragraph data-size="sm">{t('casePanel.revealed', { reason: revealed.reason })}</Paragraph>
        <Button variant="tertiary" data-size="sm" onClick={() => onRevealed(null)}>{t('casePanel.hide')}</Button>
      </div>
    )
  }
  return (
    <div className="sf-case-identity">
      <span className="sf-case-number">{masked}</span>
      {mayReveal && !asking && (
        <Button variant="secondary" data-size="sm" onClick={() => setAsking(true)}>{t('casePanel.reveal')}</Button>
      )}
      {asking && (
        <form id={formId} onSubmit={submit} noValidate className="sf-stack">
          <Textfield
            label={t('casePanel.revealReason')}
            description={t('casePanel.revealHelp')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={problem}
            maxLength={300}
            autoFocus
          />
          <div className="sf-case-actions">
            <Button type="submit" data-size="sm" loading={busy} aria-disabled={busy}>{t('casePanel.revealSubmit')}</Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => { setAsking(false); setProblem(null) }}>{t('casePanel.revealCancel')}</Button>
          </div>
          {error !== null && <ErrorMessage error={error} />}
        </form>
      )}
    </div>
  )
}
