// A coordinator's own work: the open cases they are appointed to, and the tasks meant for them.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { api, call } from '../../api/client.js'
import { useI18n, type MessageKey } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { useApi } from '../../components/use-api.js'
import { ErrorMessage } from '../../components/error-message.js'
import { Loading } from '../../components/loading.js'

export function MyWork() {
  const { t, formatDate, formatDateTime } = useI18n()
  const cases = useApi(() => call(api.GET('/api/cases', { params: { query: { open: true, limit: 200 } } })), [])
  const tasks = useApi(() => call(api.GET('/api/user-tasks', { params: { query: { state: 'created', limit: 100 } } })), [])
  return (
    <>
      <Paragraph>{t('coord.mine.intro')}</Paragraph>
      <section className="sf-stack" aria-labelledby="my-cases">
        <Heading level={2} data-size="sm" id="my-cases">{t('coord.mine.cases')}</Heading>
        {cases.error !== undefined && <ErrorMessage error={cases.error} onRetry={cases.reload} />}
        {cases.loading && !cases.data && <Loading />}
        {cases.data && (cases.data.items.length === 0 ? <Paragraph>{t('coord.mine.noCases')}</Paragraph> : (
          <Table className="sf-table" data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('coord.case.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coord.case.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coord.case.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coord.case.deadline')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cases.data.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell><Link href={`/saker/${item.id}`} className="ds-link">{item.reference}</Link></Table.Cell>
                  <Table.Cell>{item.person?.name ?? ''}</Table.Cell>
                  <Table.Cell>{t(`intake.caseStatus.${item.status}` as MessageKey)}</Table.Cell>
                  <Table.Cell>{formatDate(item.deadline)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
      </section>
      <section className="sf-stack" aria-labelledby="my-tasks">
        <Heading level={2} data-size="sm" id="my-tasks">{t('coord.mine.tasks')}</Heading>
        {tasks.error !== undefined && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
        {tasks.loading && !tasks.data && <Loading />}
        {tasks.data && (tasks.data.items.length === 0 ? <Paragraph>{t('coord.mine.noTasks')}</Paragraph> : (
          <Table className="sf-table" data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('coord.task.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coord.task.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('coord.task.created')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tasks.data.items.map((task) => (
                <Table.Row key={task.key}>
                  <Table.Cell><Link href={`/oppgaver/${task.key}`} className="ds-link">{task.name ?? t('coord.task.unnamed', { key: task.key })}</Link></Table.Cell>
                  <Table.Cell>{formatDate(task.dueDate)}</Table.Cell>
                  <Table.Cell>{formatDateTime(task.createdAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
      </section>
    </>
  )
}
