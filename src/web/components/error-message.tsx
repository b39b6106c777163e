// A failed request, told in words: a 5xx with the request id to quote, a network failure, or the
// server's own message for anything else.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { ApiError } from '../api/client.js'
import { useI18n, type Translate } from '../i18n/index.js'

export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.other', { status: '-', message: error instanceof Error ? error.message : String(error) })
  if (error.isNetwork) return t('error.network')
  if (error.status >= 500) return t('error.server', { requestId: error.requestId ?? '-' })
  if (error.status === 403) return t('error.forbidden')
  if (error.status === 404) return t('error.notFound')
  if (error.status === 409) return t('error.conflict')
  if (error.status === 429) return t('error.rateLimited')
  if (error.status === 400) return t('error.validation')
  return t('error.other', { status: error.status, message: error.message })
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">{t('error.title')}</Heading>
      <Paragraph>{describeError(error, t)}</Paragraph>
      {onRetry && <Button variant="secondary" data-size="sm" onClick={onRetry}>{t('error.retry')}</Button>}
    </Alert>
  )
}
