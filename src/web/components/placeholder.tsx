// What a page shows until it is built: its title and a word that it is coming.
import { Paragraph } from '@digdir/designsystemet-react'
import { useI18n, type MessageKey, type Values } from '../i18n/index.js'
import { PageTitle } from './page-title.js'

export function Placeholder({ title, values }: { title: MessageKey; values?: Values }) {
  const { t } = useI18n()
  return (
    <>
      <PageTitle>{t(title, values)}</PageTitle>
      <Paragraph>{t('page.placeholder')}</Paragraph>
    </>
  )
}
