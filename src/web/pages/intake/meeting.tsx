// /mottaksgruppe/:meetingId: one meeting of the intake group: when and where, its agenda (each
// case, what it needs from the group, which agencies were told) and the group's outcome per case,
// recorded here by a member or the secretary. The secretary also puts cases on the agenda.
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Link } from '../../router.js'
import type { PageProps } from '../../routes.js'
import { useSession } from '../../session.js'
import { PageTitle } from '../../components/page-title.js'
import { ErrorMessage } from '../../components/error-message.js'
import { useApi } from '../../components/use-api.js'
import { Loading } from '../../components/loading.js'
import { AgendaItem } from './agenda-item.js'
import { AddToAgenda } from './add-to-agenda.js'
import { meetingStatus } from './meetings.js'
import { isSecretary } from './roles.js'
import { meetingWhen } from './when.js'

export type MeetingWithAgenda = paths['/api/meetings/{id}']['get']['responses'][200]['content']['application/json']

export default function MeetingPage({ params }: PageProps) {
  const { t, language } = useI18n()
  const { user } = useSession()
  const id = params.meetingId ?? ''
  const loaded = useApi(() => call(api.GET('/api/meetings/{id}', { params: { path: { id } } })), [id])
  const meeting = loaded.data?.meeting
  const title = meeting ? t('intake.meeting.heading', { when: meetingWhen(language, meeting.startsAt) }) : t('page.meeting.title', { id })
  return (
    <>
      <Paragraph><Link href="/mottaksgruppe" className="ds-link">{t('intake.meeting.back')}</Link></Paragraph>
      <PageTitle>{title}</PageTitle>
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.loading && !loaded.data && <Loading />}
      {meeting && loaded.data && (
        <>
          <dl className="sf-facts">
            <div><dt>{t('intake.where')}</dt><dd>{meeting.location ?? t('intake.noLocation')}</dd></div>
            <div><dt>{t('intake.status')}</dt><dd><Tag data-color="info">{t(meetingStatus(meeting.status))}</Tag></dd></div>
            {meeting.note && <div><dt>{t('intake.note')}</dt><dd>{meeting.note}</dd></div>}
          </dl>
          <section className="sf-stack" aria-labelledby="agenda">
            <Heading level={2} data-size="md" id="agenda">{t('intake.agenda')}</Heading>
            {loaded.data.agenda.length === 0
              ? <Paragraph>{t('intake.agendaEmpty')}</Paragraph>
              : <Paragraph>{t('intake.agendaCount', { count: loaded.data.agenda.length })}</Paragraph>}
            {loaded.data.agenda.map((item) => (
              <AgendaItem key={item.caseId} meetingId={meeting.id} item={item} onChanged={loaded.reload} />
            ))}
          </section>
          {user && isSecretary(user.roles) && (
            <AddToAgenda meetingId={meeting.id} onAgenda={loaded.data.agenda.map((item) => item.caseId)} onAdded={loaded.reload} />
          )}
        </>
      )}
    </>
  )
}
