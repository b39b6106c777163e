// One case on a meeting's agenda: who and what, why it needs the group, which agencies were told,
// and the group's outcome: as recorded, or the form to record it in.
import { useState } from 'react'
import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { useI18n, type MessageKey } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { useSession } from '../../session.js'
import type { MeetingWithAgenda } from './meeting.js'
import { OutcomeForm } from './outcome-form.js'
import { fieldLabel, optionLabel } from './labels.js'
import { keepsMinutes, recordsOutcomes } from './roles.js'

export type Item = MeetingWithAgenda['agenda'][number]

export function AgendaItem({ meetingId, item, onChanged }: { meetingId: string; item: Item; onChanged(): void }) {
  const { t, language, formatDate, formatDateTime } = useI18n()
  const { user } = useSession()
  const [sent, setSent] = useState(false)
  const headingId = `case-${item.caseId}`
  const recorded = item.recordedAt !== null
  const mayRecord = user ? recordsOutcomes(user.roles) : false
  const mayMinute = user ? keepsMinutes(user.roles) : false
  // A case the KE process did not send (put on by hand, or past the group's step) has no outcome task.
  const byHand = item.outcomeTaskKey === null && item.caseStatus !== 'intake-group'

  function submitted() {
    setSent(true)
    onChanged()
    // The KE process records the outcome on the agenda a moment after the task is completed.
    window.setTimeout(onChanged, 1500)
  }

  return (
    <Card data-color="neutral" className="sf-agenda-item" aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('intake.item.heading', { position: item.position, reference: item.caseReference, name: item.personName ?? t('intake.item.anonymous') })}
      </Heading>
      <dl className="sf-facts">
        <div><dt>{t('intake.item.caseStatus')}</dt><dd><Tag data-color="info">{t(`intake.caseStatus.${item.caseStatus}` as MessageKey)}</Tag></dd></div>
        <div><dt>{t('intake.item.deadline')}</dt><dd>{formatDate(item.deadline)}</dd></div>
      </dl>
      <Paragraph><Link href={`/saker/${item.caseId}`} className="ds-link">{t('intake.item.openCase', { reference: item.caseReference })}</Link></Paragraph>
      <Heading level={4} data-size="2xs">{t('intake.item.needs')}</Heading>
      {item.needs.length === 0 ? <Paragraph>{t('intake.item.noNeeds')}</Paragraph> : (
        <ul className="sf-list">{item.needs.map((need) => <li key={need.rule}>{language === 'nn' ? need.reasonNn : need.reason}</li>)}</ul>
      )}
      <Heading level={4} data-size="2xs">{t('intake.item.agencies')}</Heading>
      {item.notifiedAgencies.length === 0 ? <Paragraph>{t('intake.item.noAgencies')}</Paragraph> : (
        <ul className="sf-list">{item.notifiedAgencies.map((agency) => <li key={agency}>{agency}</li>)}</ul>
      )}
      {recorded ? (
        <section className="sf-outcome" aria-label={t('intake.item.outcome')}>
          <Heading level={4} data-size="2xs">{t('intake.item.outcome')}</Heading>
          <dl className="sf-facts">
            {item.recommendation && <div><dt>{fieldLabel(t, 'intakeGroupOutcome')}</dt><dd>{optionLabel(t, 'intakeGroupOutcome', item.recommendation)}</dd></div>}
            {item.responsibleUnit && <div><dt>{fieldLabel(t, 'responsibleAgency')}</dt><dd>{optionLabel(t, 'responsibleAgency', item.responsibleUnit)}</dd></div>}
            {item.outcomeNote && <div><dt>{fieldLabel(t, 'intakeGroupNotes')}</dt><dd>{item.outcomeNote}</dd></div>}
          </dl>
          <Paragraph data-size="sm">{t('intake.item.recordedBy', { who: item.recordedBy ?? '-', when: formatDateTime(item.recordedAt) })}</Paragraph>
        </section>
      ) : sent ? (
        <Alert data-color="success" role="status"><Paragraph>{t('intake.outcome.saved', { reference: item.caseReference })} {t('intake.item.pending')}</Paragraph></Alert>
      ) : item.outcomeTaskKey && mayRecord ? (
        <OutcomeForm target={{ kind: 'task', taskKey: item.outcomeTaskKey }} reference={item.caseReference} onSubmitted={submitted} onReload={onChanged} />
      ) : byHand && mayMinute ? (
        <>
          <Paragraph>{t('intake.item.minutesOnly')}</Paragraph>
          <OutcomeForm target={{ kind: 'minutes', meetingId, caseId: item.caseId }} reference={item.caseReference} onSubmitted={onChanged} onReload={onChanged} />
        </>
      ) : (
        <Paragraph>{item.outcomeTaskKey || !byHand ? t('intake.item.awaiting') : t('intake.item.noTask')}</Paragraph>
      )}
    </Card>
  )
}
