// /saker: the reader's cases (a caseworker's unit's; a coordinator's own), open ones first, with a
// filter by status; and a search by reference, name or identity number (sent in the request body).
import { useState, type FormEvent } from 'react'
import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Textfield } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import { ErrorMessage } from '../../components/error-message.js'
import { PageTitle } from '../../components/page-title.js'
import { useApi } from '../../components/use-api.js'
import { CaseTable } from './case-table.js'

type Status = NonNullable<NonNullable<paths['/api/cases']['get']['parameters']['query']>['status']>[number]
const STATUSES: Status[] = ['registered', 'awaiting-consent', 'assessment', 'intake-group', 'coordinator-appointment', 'decision-letter', 'closed', 'withdrawn', 'linked']
const PAGE = 50
const SEARCHERS = ['caseworker', 'admin']
const WRITERS = ['caseworker', 'admin']

export default function CasesPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const roles: string[] = user?.roles ?? []
  const [filter, setFilter] = useState<'open' | 'all' | Status>('open')
  const [limit, setLimit] = useState(PAGE)
  const list = useApi(() => call(api.GET('/api/cases', {
    params: { query: { limit, ...(filter === 'open' ? { open: true } : filter === 'all' ? {} : { status: [filter] }) } },
  })), [filter, limit])
  const mine = roles.some((r) => SEARCHERS.includes(r))

  return (
    <>
      <PageTitle>{t('page.cases.title')}</PageTitle>
      <Paragraph>{mine ? t('cases.intro') : t('cases.introCoordinator')}</Paragraph>
      {roles.some((r) => WRITERS.includes(r)) && <Paragraph><Link href="/saker/ny" className="ds-link">{t('cases.newCase')}</Link></Paragraph>}
      {mine && <CaseSearch />}

      <Heading level={2} data-size="sm">{t('cases.listHeading')}</Heading>
      <Field>
        <Label>{t('cases.filterStatus')}</Label>
        <Select width="auto" value={filter} onChange={(event) => { setFilter(event.target.value as typeof filter); setLimit(PAGE) }}>
          <option value="open">{t('cases.filterOpen')}</option>
          <option value="all">{t('cases.filterAll')}</option>
          {STATUSES.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
        </Select>
      </Field>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} />
        : !list.data ? <Spinner aria-label={t('app.loading')} />
        : list.data.items.length === 0 ? <Paragraph>{t('cases.none')}</Paragraph>
        : (
          <>
            <CaseTable items={list.data.items} caption={t('cases.count', { shown: list.data.items.length, total: list.data.total })} />
            {list.data.items.length < list.data.total && (
              <div><Button variant="secondary" onClick={() => setLimit(limit + PAGE)} loading={list.loading}>{t('cases.more')}</Button></div>
            )}
          </>
        )}
    </>
  )
}

type Found = paths['/api/cases/search']['post']['responses'][200]['content']['application/json']

function CaseSearch() {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [found, setFound] = useState<Found | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (text.trim().length < 2) return setProblem(t('cases.searchTooShort'))
    setProblem(null)
    setError(null)
    setBusy(true)
    try {
      // The text may be an identity number: it goes in the body, never the address.
      setFound(await call(api.POST('/api/cases/search', { body: { query: text.trim() } })))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <search>
      <form onSubmit={submit} noValidate className="sf-case-search">
        <Textfield id="case-search" label={t('cases.search')} autoComplete="off" value={text} error={problem} onChange={(event) => setText(event.target.value)} />
        <Button type="submit" loading={busy} aria-disabled={busy}>{t('cases.searchButton')}</Button>
        {found && <Button type="button" variant="tertiary" onClick={() => { setFound(null); setText('') }}>{t('cases.searchClear')}</Button>}
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {found && (
        <div role="status" className="sf-case-results">
          {found.items.length === 0 ? <Paragraph>{t('cases.searchNone')}</Paragraph> : <CaseTable items={found.items} caption={t('cases.searchResults', { count: found.items.length })} />}
        </div>
      )}
    </search>
  )
}
