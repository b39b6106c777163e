// The case panel: what a caseworker needs to know about a case at a glance, on /saker/:id and
// beside every task. See README.md in this folder for its props. It reads the case with identity
// numbers masked (GET /api/cases/:id?masked=true); a full number is shown only for a stated reason.
import { useState } from 'react'
import { Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { useSession } from '../../session.js'
import { Link } from '../../router.js'
import { ErrorMessage } from '../error-message.js'
import { useApi } from '../use-api.js'
import { IdentityReveal, type Revealed } from './identity-reveal.js'
import { Decisions, Letters, Tasks } from './sections.js'
import { CLOSED_STATUSES, daysLeftText, daysUntil, word } from './words.js'

export type CaseDetails = paths['/api/cases/{id}']['get']['responses'][200]['content']['application/json']

export interface CasePanelProps {
  /** The case id (the number in /saker/:id, and a KE task's `caseId` variable). */
  caseId: string
  /** The task shown beside the panel, if any: marked in the list of open tasks. */
  currentTaskKey?: string
  /** The level of the panel's heading; its sections' headings are one below. Default 2. */
  headingLevel?: 2 | 3
  /** Called with the case once loaded (a page may use its reference as its title). */
  onLoaded?(details: CaseDetails): void
}

/** Roles that see full identity numbers, and so may ask for one with a reason. */
const REVEALERS = ['caseworker', 'admin']
/** Roles that read a case's letters (GET /api/cases/:id/letters). */
const LETTER_READERS = ['caseworker', 'auditor', 'admin']

export function CasePanel({ caseId, currentTaskKey, headingLevel = 2, onLoaded }: CasePanelProps) {
  const { t, formatDate } = useI18n()
  const { user } = useSession()
  const roles: string[] = user?.roles ?? []
  const details = useApi(async () => {
    const loaded = await call(api.GET('/api/cases/{id}', { params: { path: { id: caseId }, query: { masked: true } } }))
    onLoaded?.(loaded)
    return loaded
  }, [caseId])
  const [revealed, setRevealed] = useState<Revealed | null>(null)

  if (details.error) return <ErrorMessage error={details.error} onRetry={details.reload} />
  if (!details.data) return <Spinner aria-label={t('app.loading')} />
  const c = details.data
  const sub = (headingLevel + 1) as 3 | 4
  const closed = CLOSED_STATUSES.includes(c.status) || c.closedAt !== null
  const overdue = !closed && daysUntil(c.deadline) < 0
  const guardianNumber = (id: string, masked: string | null) => revealed?.guardians.find((g) => g.id === id)?.identityNumber ?? masked

  return (
    <section aria-label={t('casePanel.label')} className="sf-case-panel">
      <Heading level={headingLevel} data-size="sm">{c.reference}</Heading>
      <dl className="sf-case-facts">
        <div><dt>{t('casePanel.status')}</dt><dd><Tag data-color={closed ? 'neutral' : 'info'}>{word(t, 'status', c.status)}</Tag></dd></div>
        <div>
          <dt>{t('casePanel.deadline')}</dt>
          <dd>
            {formatDay(c.deadline)}
            <br />
            {closed
              ? <span>{t('casePanel.closedAt', { date: formatDay(c.closedAt) })}</span>
              : <Tag data-color={overdue ? 'danger' : 'success'}>{daysLeftText(t, c.deadline)}</Tag>}
          </dd>
        </div>
        <div><dt>{t('casePanel.channel')}</dt><dd>{word(t, 'channel', c.channel)}</dd></div>
        <div><dt>{t('casePanel.receivedOn')}</dt><dd>{formatDay(c.receivedOn)}</dd></div>
        <div><dt>{t('casePanel.sender')}</dt><dd>{[word(t, 'sender', c.sender.role), c.sender.name, c.sender.organisation].filter(Boolean).join(', ')}</dd></div>
        <div><dt>{t('casePanel.unit')}</dt><dd>{c.unit}</dd></div>
        {c.route && <div><dt>{t('casePanel.route')}</dt><dd>{word(t, 'route', c.route)}</dd></div>}
      </dl>
      {c.summary && (
        <>
          <Heading level={sub} data-size="2xs">{t('casePanel.summary')}</Heading>
          <Paragraph data-size="sm">{c.summary}</Paragraph>
        </>
      )}

      <Heading level={sub} data-size="xs">{t('casePanel.person')}</Heading>
      {c.person === null ? <Paragraph data-size="sm">{t('casePanel.anonymous')}</Paragraph> : (
        <dl className="sf-case-facts">
          <div><dt>{t('newCase.name')}</dt><dd>{c.person.name}</dd></div>
          <div>
            <dt>{t('casePanel.identityNumber')}</dt>
            <dd>
              <IdentityReveal caseId={c.id} masked={c.person.identityNumber} mayReveal={roles.some((r) => REVEALERS.includes(r))} revealed={revealed} onRevealed={setRevealed} />
            </dd>
          </div>
          <div><dt>{t('casePanel.birthDate')}</dt><dd>{formatDay(c.person.birthDate)}</dd></div>
        </dl>
      )}

      <Heading level={sub} data-size="xs">{t('casePanel.guardians')}</Heading>
      {c.guardians.length === 0 ? <Paragraph data-size="sm">{t('casePanel.noGuardians')}</Paragraph> : (
        <ul className="sf-case-list">
          {c.guardians.map((g) => (
            <li key={g.id}>
              {g.name} ({word(t, 'relation', g.relation).toLowerCase()}{g.mayConsent ? `, ${t('casePanel.mayConsent')}` : ''})
              {g.identityNumber && <span className="sf-case-number"> {guardianNumber(g.id, g.identityNumber)}</span>}
              {[g.phone, g.email].filter(Boolean).length > 0 && <span> – {[g.phone, g.email].filter(Boolean).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}

      <Heading level={sub} data-size="xs">{t('casePanel.consent')}</Heading>
      {c.consent ? (
        <Paragraph data-size="sm">
          <Tag data-color={c.consent.status === 'given' ? 'success' : c.consent.status === 'refused' ? 'danger' : 'warning'}>{word(t, 'consent', c.consent.status)}</Tag>
          {c.consent.givenBy && <> {t('casePanel.consentGivenBy', { who: word(t, 'sender', c.consent.givenBy).toLowerCase() })}</>}
          {c.consent.ipDeclined && <>. {t('casePanel.consentIpDeclined')}</>}
        </Paragraph>
      ) : <Paragraph data-size="sm">{t('casePanel.consentNone')}</Paragraph>}

      <Heading level={sub} data-size="xs">{t('casePanel.coordinator')}</Heading>
      <Paragraph data-size="sm">{c.coordinator ? `${c.coordinator.name}${c.coordinator.unit ? `, ${c.coordinator.unit}` : ''}` : t('casePanel.noCoordinator')}</Paragraph>

      <Decisions details={c} level={sub} />
      {roles.some((r) => LETTER_READERS.includes(r)) && <Letters caseId={c.id} level={sub} />}
      <Tasks tasks={c.tasks} currentTaskKey={currentTaskKey} level={sub} />

      {c.linkedCases.length > 0 && (
        <>
          <Heading level={sub} data-size="xs">{t('casePanel.linked')}</Heading>
          <ul className="sf-case-list">
            {c.linkedCases.map((linked) => (
              <li key={linked.id}><Link href={`/saker/${linked.id}`} className="ds-link">{linked.reference}</Link> ({word(t, 'status', linked.status).toLowerCase()})</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )

  // A date-only value (YYYY-MM-DD) is that day in Norway: noon UTC is the same date there.
  function formatDay(value: string | null | undefined) {
    return value ? formatDate(value.length === 10 ? `${value}T12:00:00Z` : value) : ''
  }
}
