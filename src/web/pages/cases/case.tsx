// /saker/:id: one case, in the case panel; after registration, a word that it is registered (and
// linked to the person's open case, when it was a duplicate).
import { useState } from 'react'
import { Alert, Paragraph } from '@digdir/designsystemet-react'
import { useI18n } from '../../i18n/index.js'
import { Link, useLocation } from '../../router.js'
import type { PageProps } from '../../routes.js'
import { PageTitle } from '../../components/page-title.js'
import { CasePanel, type CaseDetails } from '../../components/case-panel/case-panel.js'

export default function CasePage({ params }: PageProps) {
  const { t } = useI18n()
  const { search } = useLocation()
  const [details, setDetails] = useState<CaseDetails | null>(null)
  const id = params.id ?? ''
  const linked = details?.linkedCaseId ? details.linkedCases.find((c) => c.id === details.linkedCaseId) : undefined
  return (
    <>
      <PageTitle>{details ? t('caseView.title', { reference: details.reference }) : t('page.case.title', { id })}</PageTitle>
      <Paragraph><Link href="/saker" className="ds-link">{t('caseView.back')}</Link></Paragraph>
      {details && search.get('registrert') === '1' && (
        <Alert data-color="success" role="status">
          {linked
            ? t('caseView.registeredLinked', { reference: details.reference, linked: linked.reference })
            : t('caseView.registered', { reference: details.reference })}
        </Alert>
      )}
      <CasePanel caseId={id} onLoaded={setDetails} />
    </>
  )
}
