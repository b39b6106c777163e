// While something loads: Designsystemet's spinner, named for screen readers.
import { Spinner } from '@digdir/designsystemet-react'
import { useI18n } from '../i18n/index.js'

export function Loading() {
  const { t } = useI18n()
  return <Spinner aria-label={t('app.loading')} data-size="lg" />
}
