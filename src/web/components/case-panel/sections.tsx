// The case panel's longer sections: the rules' decisions with their reasons and rule-set versions
// and the caseworker's decision; the letters with their status and PDF; the open tasks.
import { Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react'
import { api, call } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { ErrorMessage } from '../error-message.js'
import { useApi } from '../use-api.js'
import type { CaseDetails } from './case-panel.js'
import { word } from './words.js'

type Level = 3 | 4

export function Decisions({ details, level }: { details: CaseDetails; level: Level }) {
  const { t, language, formatDateTime } = useI18n()
  const decision = details.decision
  return (
    <>
      <Heading level={level} data-size="xs">{t('casePanel.decisions')}</Heading>
      {decision && (
        <div>
          <Paragraph data-size="sm"><strong>{t('casePanel.decision', { outcome: word(t, 'outcome', decision.outcome) })}</strong></Paragraph>
          {decision.rights && (
            <ul className="sf-case-list">
              {Object.entries(decision.rights).map(([right, value]) => <li key={right}>{word(t, 'right', right)}: {word(t, 'rightValue', value)}</li>)}
            </ul>
          )}
          {decision.reason && <Paragraph data-size="sm">{decision.reason}</Paragraph>}
          {decision.decidedBy && <Paragraph data-size="sm">{t('casePanel.decidedBy', { who: decision.decidedBy, date: formatDateTime(decision.decidedAt) })}</Paragraph>}
        </div>
      )}
      {details.ruleDecisions.length === 0 && !decision && <Paragraph data-size="sm">{t('casePanel.noDecisions')}</Paragraph>}
      {details.ruleDecisions.map((made) => (
        <div key={made.id} className="sf-case-decision">
          <Paragraph data-size="sm">
            <strong>{t('casePanel.ruleSet', { id: made.ruleSetId, version: made.version })}</strong>, {t('casePanel.evaluatedAt', { date: formatDateTime(made.evaluatedAt) })}
          </Paragraph>
          {made.reasons.length === 0 ? <Paragraph data-size="sm">{t('casePanel.noReasons')}</Paragraph> : (
            <ul className="sf-case-list">
              {made.reasons.map((reason, i) => (
                <li key={i}>{(language === 'nn' ? reason.reasonNn ?? reason.reason : reason.reason) ?? reason.rule}{reason.law ? ` (${reason.law})` : ''}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  )
}

export function Letters({ caseId, level }: { caseId: string; level: Level }) {
  const { t, formatDateTime } = useI18n()
  const letters = useApi(() => call(api.GET('/api/cases/{id}/letters', { params: { path: { id: caseId }, query: { purpose: 'Saksvisning' } } })), [caseId])
  return (
    <>
      <Heading level={level} data-size="xs">{t('casePanel.letters')}</Heading>
      {letters.error ? <ErrorMessage error={letters.error} onRetry={letters.reload} />
        : !letters.data ? <Spinner aria-label={t('app.loading')} data-size="sm" />
        : letters.data.items.length === 0 ? <Paragraph data-size="sm">{t('casePanel.noLetters')}</Paragraph>
        : (
          <ul className="sf-case-list">
            {letters.data.items.map((letter) => (
              <li key={letter.id}>
                {/* A plain link: the browser opens the PDF itself (the opening is recorded on the server). */}
                <a href={`/api/letters/${letter.id}/pdf`} className="ds-link" target="_blank" rel="noopener">
                  {t('casePanel.letterPdf', { kind: word(t, 'letterKind', letter.kind), language: t(`language.${letter.language}`) })}
                </a>{' '}
                <Tag data-color={letter.status === 'failed' ? 'danger' : letter.status === 'draft' ? 'warning' : 'success'}>{word(t, 'letter', letter.status)}</Tag>{' '}
                <span>{t('casePanel.letterCreated', { date: formatDateTime(letter.createdAt) })}</span>
              </li>
            ))}
          </ul>
        )}
    </>
  )
}

export function Tasks({ tasks, currentTaskKey, level }: { tasks: CaseDetails['tasks']; currentTaskKey: string | undefined; level: Level }) {
  const { t, formatDate } = useI18n()
  return (
    <>
      <Heading level={level} data-size="xs">{t('casePanel.tasks')}</Heading>
      {tasks.length === 0 ? <Paragraph data-size="sm">{t('casePanel.noTasks')}</Paragraph> : (
        <ul className="sf-case-list">
          {tasks.map((task) => (
            <li key={task.key}>
              <Link href={`/oppgaver/${task.key}`} className="ds-link" aria-current={task.key === currentTaskKey ? 'page' : undefined}>{task.name ?? task.elementId}</Link>
              {task.dueDate && <span> – {t('casePanel.taskDue', { date: formatDate(task.dueDate) })}</span>}
              {task.key === currentTaskKey && <span> {t('casePanel.taskCurrent')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
