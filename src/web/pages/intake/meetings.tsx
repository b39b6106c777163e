// /mottaksgruppe: the intake group's meetings, today's and the coming ones first and then those of
// the past year, latest first, each a link to its agenda. The group's secretary (a KE caseworker) schedules a new one here.
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n, type MessageKey } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { PageTitle } from '../../components/page-title.js'
import { ErrorMessage } from '../../components/error-message.js'
import { useApi } from '../../components/use-api.js'
import { Loading } from '../../components/loading.js'
import { NewMeetingForm } from './new-meeting-form.js'
import { isSecretary } from './roles.js'
import { meetingWhen } from './when.js'

export type Meeting = paths['/api/meetings']['get']['responses'][200]['content']['application/json'][number]

const STATUS_COLOR: Record<string, string> = { planned: 'info', held: 'success', cancelled: 'neutral' }
export const meetingStatus = (status: string) => `intake.meetingStatus.${status}` as MessageKey

export default function MeetingsPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const meetings = useApi(async () => {
    // Today's meetings count as coming all day (one may be going on); those held go back a year.
    const today = new Date()
    today.setHours(0, 0, 0, 0)
    const yearAgo = new Date(today.getTime() - 366 * 86_400_000)
    const [upcoming, past] = await Promise.all([
      call(api.GET('/api/meetings', { params: { query: { from: today.toISOString(), limit: 50 } } })),
      call(api.GET('/api/meetings', { params: { query: { from: yearAgo.toISOString(), to: today.toISOString(), limit: 200 } } })),
    ])
    return { upcoming, past: [...past].reverse() }
  }, [])
  return (
    <>
      <PageTitle>{t('page.intakeGroup.title')}</PageTitle>
      <Paragraph>{t('intake.intro')}</Paragraph>
      {meetings.error !== undefined && <ErrorMessage error={meetings.error} onRetry={meetings.reload} />}
      {meetings.loading && !meetings.data && <Loading />}
      {meetings.data && (
        <>
          <MeetingTable title={t('intake.upcoming')} empty={t('intake.noUpcoming')} meetings={meetings.data.upcoming} />
          {user && isSecretary(user.roles) && <NewMeetingForm onCreated={meetings.reload} />}
          <MeetingTable title={t('intake.past')} empty={t('intake.noPast')} meetings={meetings.data.past} />
        </>
      )}
    </>
  )
}

function MeetingTable({ title, empty, meetings }: { title: string; empty: string; meetings: Meeting[] }) {
  const { t, language } = useI18n()
  return (
    <section className="sf-stack" aria-label={title}>
      <Heading level={2} data-size="sm">{title}</Heading>
      {meetings.length === 0 ? <Paragraph>{empty}</Paragraph> : (
        <Table className="sf-table" data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('intake.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('intake.where')}</Table.HeaderCell>
              <Table.HeaderCell>{t('intake.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('intake.note')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {meetings.map((meeting) => (
              <Table.Row key={meeting.id}>
                <Table.Cell>
                  <Link href={`/mottaksgruppe/${meeting.id}`} className="ds-link">{meetingWhen(language, meeting.startsAt)}</Link>
                </Table.Cell>
                <Table.Cell>{meeting.location ?? t('intake.noLocation')}</Table.Cell>
                <Table.Cell><Tag data-color={STATUS_COLOR[meeting.status] ?? 'neutral'}>{t(meetingStatus(meeting.status))}</Tag></Table.Cell>
                <Table.Cell>{meeting.note ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  )
}
