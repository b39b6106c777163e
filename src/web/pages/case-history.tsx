// /saker/:id/historikk: the auditors' view of a case. The reader states a purpose once per visit,
// before the case opens; then the diagram as it ran with the path taken, the timeline in words
// (a click on an element filters it), whether the record is whole, the access log, the engine's
// own events one click away, and the dossier for the county governor as PDF or JSON.
import { useCallback, useMemo, useState, type FormEvent } from 'react'
import { Alert, Button, Details, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react'
import { api, call, ApiError } from '../api/client.js'
import { useApi } from '../components/use-api.js'
import { ErrorMessage } from '../components/error-message.js'
import { PageTitle } from '../components/page-title.js'
import { BpmnViewer } from '../components/bpmn-viewer.js'
import { useI18n } from '../i18n/index.js'
import type { PageProps } from '../routes.js'
import type { paths } from '../api/client.js'

type Timeline = paths['/api/cases/{id}/timeline']['get']['responses'][200]['content']['application/json']
type Entry = Timeline['entries'][number]

export default function CaseHistoryPage({ params }: PageProps) {
  const { t } = useI18n()
  const id = params.id ?? ''
  const [purpose, setPurpose] = useState<string | null>(null)
  return (
    <>
      <PageTitle>{t('page.caseHistory.title', { id })}</PageTitle>
      {purpose ? <History id={id} purpose={purpose} /> : <PurposeForm onDone={setPurpose} />}
    </>
  )
}

function PurposeForm({ onDone }: { onDone(purpose: string): void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim().length < 3) return setProblem(t('history.purpose.required'))
    onDone(text.trim())
  }
  return (
    <form onSubmit={submit} noValidate className="sf-stack">
      <Paragraph>{t('history.purpose.intro')}</Paragraph>
      <Textfield label={t('history.purpose.label')} description={t('history.purpose.description')} value={text} onChange={(e) => setText(e.target.value)}
        error={problem ?? undefined} maxLength={200} required />
      <div><Button type="submit">{t('history.purpose.open')}</Button></div>
    </form>
  )
}

function History({ id, purpose }: { id: string; purpose: string }) {
  const { t, language } = useI18n()
  const [selected, setSelected] = useState<string | null>(null)
  const timeline = useApi(() => call(api.GET('/api/cases/{id}/timeline', { params: { path: { id }, query: { purpose, lang: language } } })), [id, purpose, language])
  const path = useApi(() => call(api.GET('/api/cases/{id}/path', { params: { path: { id }, query: { purpose } } })), [id, purpose])
  const integrity = useApi(() => call(api.GET('/api/cases/{id}/integrity', { params: { path: { id }, query: { purpose } } })), [id, purpose])
  const visitsLabel = useCallback((count: number) => t('history.diagram.visits', { count }), [t])
  const entries = useMemo(() => (timeline.data?.entries ?? []).filter((entry) => !selected || entry.elementId === selected), [timeline.data, selected])
  const query = (format: 'pdf' | 'json') => `/api/cases/${encodeURIComponent(id)}/dossier?${new URLSearchParams({ format, purpose, lang: language })}`

  return (
    <div className="sf-stack">
      <section aria-labelledby="sf-integrity" className="sf-badge-row">
        <Heading level={2} data-size="xs" id="sf-integrity">{t('history.integrity.title')}</Heading>
        {integrity.data && (integrity.data.ok
          ? <Tag data-color="success">{t('history.integrity.ok')}</Tag>
          : <Tag data-color="danger">{t('history.integrity.broken')}</Tag>)}
        {integrity.loading && <span>{t('app.loading')}</span>}
      </section>
      {integrity.error !== undefined && <ErrorMessage error={integrity.error} onRetry={integrity.reload} />}
      {integrity.data && !integrity.data.ok && (
        <Alert data-color="danger">
          <Heading level={3} data-size="2xs">{t('history.integrity.firstProblem')}</Heading>
          {integrity.data.problems.slice(0, 5).map((problem) => <Paragraph key={`${problem.chain}${problem.key}${problem.seq}`}>{problem.message}</Paragraph>)}
        </Alert>
      )}

      <section aria-labelledby="sf-diagram" className="sf-stack">
        <Heading level={2} data-size="sm" id="sf-diagram">{t('history.diagram.title')}</Heading>
        <Paragraph data-size="sm">{t('history.diagram.legend')}</Paragraph>
        {path.error !== undefined && <ErrorMessage error={path.error} onRetry={path.reload} />}
        {path.data?.instances.map((instance) => (
          <div key={instance.instanceKey}>
            <Paragraph data-size="sm">{t('history.diagram.instance', { process: instance.processId, version: instance.version, status: instance.status })}</Paragraph>
            <BpmnViewer xml={instance.xml} path={instance} label={t('history.diagram.label', { process: instance.processId, version: instance.version })}
              onSelect={setSelected} visitsLabel={visitsLabel} />
          </div>
        ))}
      </section>

      <section aria-labelledby="sf-timeline" className="sf-stack">
        <Heading level={2} data-size="sm" id="sf-timeline">{t('history.timeline.title')}</Heading>
        {selected && (
          <div className="sf-badge-row">
            <Paragraph>{t('history.timeline.filtered', { element: selected })}</Paragraph>
            <Button variant="secondary" data-size="sm" onClick={() => setSelected(null)}>{t('history.timeline.all')}</Button>
          </div>
        )}
        {timeline.error !== undefined && <ErrorMessage error={timeline.error} onRetry={timeline.reload} />}
        {timeline.loading && !timeline.data && <Paragraph>{t('app.loading')}</Paragraph>}
        <ol className="sf-timeline" aria-label={t('history.timeline.title')}>
          {entries.map((entry, index) => <TimelineItem key={`${entry.at}${entry.seq ?? ''}${index}`} entry={entry} />)}
        </ol>
        {timeline.data && entries.length === 0 && <Paragraph>{t('history.timeline.empty')}</Paragraph>}
      </section>

      <AccessLog id={id} ready={timeline.data !== undefined} />

      <section aria-labelledby="sf-export" className="sf-stack">
        <Heading level={2} data-size="sm" id="sf-export">{t('history.export.title')}</Heading>
        <Paragraph data-size="sm">{t('history.export.intro')}</Paragraph>
        <div className="sf-badge-row">
          <Button asChild><a href={query('pdf')} download>{t('history.export.pdf')}</a></Button>
          <Button asChild variant="secondary"><a href={query('json')} download>{t('history.export.json')}</a></Button>
        </div>
      </section>

      <EngineEvents instances={path.data?.instances.map((i) => i.instanceKey) ?? []} />
    </div>
  )
}

function TimelineItem({ entry }: { entry: Entry }) {
  const { t } = useI18n()
  const details = [
    ...entry.entered.map((field) => [field.label, field.value] as const),
    ...entry.changes.map((change) => [t('history.timeline.changed', { field: change.label }), `${change.before} → ${change.after}`] as const),
    ...(entry.decision?.facts.map((fact) => [t('history.timeline.fact', { fact: fact.label }), fact.value] as const) ?? []),
    ...(entry.decision?.reasons.map((reason) => [t('history.timeline.reason'), `${reason.reason}${reason.law ? ` (${reason.law})` : ''}`] as const) ?? []),
  ]
  return (
    <li data-kind={entry.kind}>
      <Paragraph>{entry.text}</Paragraph>
      {details.length > 0 && (
        <dl className="sf-details">
          {details.map(([label, value], index) => <div key={index} style={{ display: 'contents' }}><dt>{label}</dt><dd>{value}</dd></div>)}
        </dl>
      )}
    </li>
  )
}

function AccessLog({ id, ready }: { id: string; ready: boolean }) {
  const { t, formatDateTime } = useI18n()
  // Read after the timeline, so this very visit is in it.
  const log = useApi(() => (ready ? call(api.GET('/api/cases/{id}/access-log', { params: { path: { id } } })) : Promise.resolve(undefined)), [id, ready])
  const forbidden = log.error instanceof ApiError && log.error.status === 403
  return (
    <section aria-labelledby="sf-access" className="sf-stack">
      <Heading level={2} data-size="sm" id="sf-access">{t('history.access.title')}</Heading>
      {forbidden && <Paragraph>{t('history.access.forbidden')}</Paragraph>}
      {log.error !== undefined && !forbidden && <ErrorMessage error={log.error} onRetry={log.reload} />}
      {log.data && (
        <table className="sf-table">
          <caption className="ds-sr-only">{t('history.access.title')}</caption>
          <thead><tr><th scope="col">{t('history.access.when')}</th><th scope="col">{t('history.access.who')}</th><th scope="col">{t('history.access.role')}</th><th scope="col">{t('history.access.purpose')}</th></tr></thead>
          <tbody>
            {[...log.data].reverse().map((row, index) => (
              <tr key={index}><td>{formatDateTime(row.at)}</td><td>{row.username}</td><td>{row.roles.join(', ')}</td><td>{row.purpose}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function EngineEvents({ instances }: { instances: string[] }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const events = useApi(() => (open && instances.length > 0
    ? Promise.all(instances.map((key) => call(api.GET('/api/process-instances/{key}/history', { params: { path: { key }, query: { limit: 1000 } } }))))
    : Promise.resolve(undefined)), [open, instances.join(',')])
  return (
    <Details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <Details.Summary>{t('history.engine.title')}</Details.Summary>
      <Details.Content>
        {events.error !== undefined && <ErrorMessage error={events.error} />}
        {events.data && (
          <pre className="sf-engine-events">{JSON.stringify(events.data, null, 1).slice(0, 200_000)}</pre>
        )}
      </Details.Content>
    </Details>
  )
}
