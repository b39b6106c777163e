// The server's refusal of something done on the intake group's pages, told in Norwegian: a
// conflict (the case moved on, the meeting not begun), a role that may not, a case gone from the
// agenda. Where the server gives a reason in Norwegian (after " / " in its message), it is shown
// too. Anything else (a 5xx with its request id, the network) is the shell's ErrorMessage.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { ApiError } from '../../api/client.js'
import { useI18n, type MessageKey } from '../../i18n/index.js'
import { ErrorMessage } from '../../components/error-message.js'

const REFUSALS: Record<number, MessageKey> = {
  403: 'intake.refused.forbidden',
  404: 'intake.refused.notFound',
  409: 'intake.refused.conflict',
}

/** The Norwegian part of a server message written "English / norsk", if it has one. */
export function norwegianReason(message: string): string | null {
  const at = message.lastIndexOf(' / ')
  return at >= 0 ? message.slice(at + 3).trim() || null : null
}

export function Refusal({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useI18n()
  const key = error instanceof ApiError ? REFUSALS[error.status] : undefined
  if (!key || !(error instanceof ApiError)) return <ErrorMessage error={error} />
  const reason = norwegianReason(error.message)
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={3} data-size="xs">{t('intake.refused.title')}</Heading>
      <Paragraph>{t(key)}</Paragraph>
      {reason && <Paragraph>{t('intake.refused.reason', { reason })}</Paragraph>}
      {onReload && <Button variant="secondary" data-size="sm" onClick={onReload}>{t('intake.reload')}</Button>}
    </Alert>
  )
}
