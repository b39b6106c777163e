// /oppgaver: the caseworker's task queues (mine, my groups', unassigned) with counts, filters and
// sorting, paged on the server. The choices live in the address, so a view can be shared.
import { Button, Field, Label, Paragraph, Select, Switch, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../api/client.js'
import { useI18n } from '../i18n/index.js'
import { Link, navigate, useLocation } from '../router.js'
import { useSession } from '../session.js'
import { useApi } from '../components/use-api.js'
import { ErrorMessage } from '../components/error-message.js'
import { PageTitle } from '../components/page-title.js'
import { Loading } from '../components/loading.js'

type Query = NonNullable<paths['/api/tasklist']['get']['parameters']['query']>
type Queue = NonNullable<Query['queue']>
type Sort = NonNullable<Query['sort']>
const QUEUES: Queue[] = ['mine', 'groups', 'unassigned']
const SORTS: Sort[] = ['due', 'priority', 'age']
export const PAGE_SIZE = 25

/** The view in the address: ?ko=groups&sortering=priority&sak=KE-2026&side=2 ... */
function viewOf(search: URLSearchParams) {
  const queue = QUEUES.find((q) => q === search.get('ko')) ?? 'mine'
  const sort = SORTS.find((s) => s === search.get('sortering')) ?? 'due'
  const page = Math.max(1, Number.parseInt(search.get('side') ?? '1', 10) || 1)
  const [processId, elementId] = (search.get('type') ?? '').split('/')
  return {
    queue,
    sort,
    page,
    kind: search.get('type') ?? '',
    processId: processId || undefined,
    elementId: elementId || undefined,
    caseReference: search.get('sak') ?? '',
    dueBy: search.get('frist') ?? '',
    overdue: search.get('forfalt') === 'ja',
  }
}

export default function TasksPage() {
  const { t, formatDate, formatNumber } = useI18n()
  const { user } = useSession()
  const { search, url } = useLocation()
  const view = viewOf(search)
  const tasks = useApi(() => call(api.GET('/api/tasklist', {
    params: {
      query: {
        queue: view.queue,
        sort: view.sort,
        limit: PAGE_SIZE,
        offset: (view.page - 1) * PAGE_SIZE,
        ...(view.processId ? { processId: view.processId } : {}),
        ...(view.elementId ? { elementId: view.elementId } : {}),
        ...(view.caseReference.trim() ? { caseReference: view.caseReference.trim() } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(view.dueBy) ? { dueBy: view.dueBy } : {}),
        ...(view.overdue ? { overdue: true } : {}),
      },
    },
  })), [url])

  /** A new view: the changed choices, and back to the first page unless the page is what changed. */
  const show = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search)
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name)
      else next.set(name, value)
    }
    if (!('side' in changes)) next.delete('side')
    const text = next.toString()
    navigate(`/oppgaver${text ? `?${text}` : ''}`, { replace: true })
  }

  const data = tasks.data
  const now = Date.now()
  const from = data && data.total > 0 ? data.offset + 1 : 0
  const to = data ? data.offset + data.items.length : 0

  return (
    <>
      <PageTitle>{t('page.tasks.title')}</PageTitle>
      <div role="group" aria-label={t('tasks.queues')} className="sf-queues">
        {QUEUES.map((queue) => (
          <Button key={queue} variant={queue === view.queue ? 'primary' : 'secondary'} aria-pressed={queue === view.queue} onClick={() => show({ ko: queue === 'mine' ? null : queue })}>
            {t(`tasks.queue.${queue}`, { n: data ? formatNumber(data.counts[queue]) : '…' })}
          </Button>
        ))}
      </div>

      <form className="sf-filters" aria-label={t('tasks.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field>
          <Label>{t('tasks.filter.kind')}</Label>
          <Select value={view.kind} onChange={(event) => show({ type: event.target.value })}>
            <Select.Option value="">{t('tasks.filter.allKinds')}</Select.Option>
            {data?.kinds.map((kind) => (
              <Select.Option key={`${kind.processId}/${kind.elementId}`} value={`${kind.processId}/${kind.elementId}`}>
                {`${kind.name ?? kind.elementId} (${kind.processId}, ${formatNumber(kind.count)})`}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t('tasks.filter.caseReference')} value={view.caseReference} onChange={(event) => show({ sak: event.target.value })} />
        <Textfield label={t('tasks.filter.dueBy')} type="date" value={view.dueBy} onChange={(event) => show({ frist: event.target.value })} />
        <Field>
          <Label>{t('tasks.sort')}</Label>
          <Select value={view.sort} onChange={(event) => show({ sortering: event.target.value === 'due' ? null : event.target.value })}>
            {SORTS.map((sort) => <Select.Option key={sort} value={sort}>{t(`tasks.sort.${sort}`)}</Select.Option>)}
          </Select>
        </Field>
        <Switch label={t('tasks.filter.overdue')} checked={view.overdue} onChange={(event) => show({ forfalt: event.target.checked ? 'ja' : null })} />
        <Button variant="tertiary" type="button" onClick={() => navigate(view.queue === 'mine' ? '/oppgaver' : `/oppgaver?ko=${view.queue}`, { replace: true })}>{t('tasks.filter.clear')}</Button>
      </form>

      {tasks.error !== undefined && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
      {!data && tasks.loading && <Loading />}
      {data && data.items.length === 0 && <Paragraph>{t('tasks.empty')}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <Table zebra className="sf-table" aria-busy={tasks.loading}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tasks.column.task')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.column.case')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.column.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.column.priority')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.column.created')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tasks.column.assignee')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.items.map((task) => {
                const overdue = task.dueDate !== null && Date.parse(task.dueDate) < now
                return (
                  <Table.Row key={task.key}>
                    <Table.Cell><Link href={`/oppgaver/${task.key}`} className="ds-link">{task.name ?? task.elementId}</Link></Table.Cell>
                    <Table.Cell>{task.caseReference ?? ''}</Table.Cell>
                    <Table.Cell>
                      {task.dueDate ? formatDate(task.dueDate) : t('tasks.noDue')}
                      {overdue && <> <Tag data-color="danger" data-size="sm">{t('tasks.overdue')}</Tag></>}
                    </Table.Cell>
                    <Table.Cell>{formatNumber(task.priority)}</Table.Cell>
                    <Table.Cell>{formatDate(task.createdAt)}</Table.Cell>
                    <Table.Cell>{task.assignee === null ? t('tasks.unassigned') : task.assignee === user?.username ? t('tasks.you') : task.assignee}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          <nav aria-label={t('tasks.pages')} className="sf-pager">
            <Button variant="secondary" disabled={view.page <= 1} onClick={() => show({ side: view.page - 1 > 1 ? String(view.page - 1) : null })}>{t('tasks.previous')}</Button>
            <Paragraph aria-live="polite">{t('tasks.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(data.total) })}</Paragraph>
            <Button variant="secondary" disabled={to >= data.total} onClick={() => show({ side: String(view.page + 1) })}>{t('tasks.next')}</Button>
          </nav>
        </>
      )}
    </>
  )
}
