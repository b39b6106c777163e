// What a person sees at a path that is not for them, that does not exist, or when no page is.
import { Paragraph } from '@digdir/designsystemet-react'
import { useI18n } from '../i18n/index.js'
import { Link } from '../router.js'
import type { PageRoute } from '../routes.js'
import { useSession } from '../session.js'
import { PageTitle } from '../components/page-title.js'

export function ForbiddenPage({ route, params }: { route: PageRoute; params: Record<string, string> }) {
  const { t } = useI18n()
  const { user } = useSession()
  const roles = (list: readonly string[]) => list.map((role) => t(`role.${role}` as 'role.admin')).join(', ')
  return (
    <>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Paragraph>{t('forbidden.body', { page: t(route.title, { key: params.key ?? '', id: params.id ?? params.meetingId ?? '' }), roles: roles(route.roles), you: roles(user?.roles ?? []) })}</Paragraph>
      <Paragraph><Link href="/" className="ds-link">{t('forbidden.back')}</Link></Paragraph>
    </>
  )
}

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n()
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.body', { path })}</Paragraph>
      <Paragraph><Link href="/" className="ds-link">{t('notFound.back')}</Link></Paragraph>
    </>
  )
}

export function NoPagesPage() {
  const { t } = useI18n()
  return <Paragraph>{t('home.noPages')}</Paragraph>
}
