// A page's heading, which is also the document title, so that history and tabs say where one is.
import { useEffect } from 'react'
import { Heading } from '@digdir/designsystemet-react'
import { useI18n } from '../i18n/index.js'

export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n()
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`
  }, [children, t])
  return <Heading level={1} data-size="lg">{children}</Heading>
}
