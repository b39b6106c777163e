// /saker/ny, the one door: an enquiry from any channel (an application from the person, a parent
// or a guardian; a notice from health personnel, hpl. § 38 a; a NAV referral; an internal notice),
// with guardians and consent. Problems are shown at their fields and listed above the button
// (Designsystemet's error summary); POST /api/cases registers it, linked to the person's open case
// if there is one, and the case page opens.
import { useRef, useState, type FormEvent } from 'react'
import { Button, ErrorSummary, Fieldset, Paragraph, Radio, Spinner, Textfield, Checkbox } from '@digdir/designsystemet-react'
import { api, call, ApiError } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { navigate } from '../../router.js'
import { useSession } from '../../session.js'
import { ErrorMessage } from '../../components/error-message.js'
import { PageTitle } from '../../components/page-title.js'
import { useApi } from '../../components/use-api.js'
import { word } from '../../components/case-panel/words.js'
import { APPLICANTS, CHANNELS, checkDraft, emptyDraft, serverProblems, toBody, type IntakeDraft } from './intake-form.js'
import { PersonFields } from './person-fields.js'
import { GuardianFields } from './guardian-fields.js'

/** Problems only the server finds (consent rules, sender and channel): they stay until the next try. */
const SERVER_ONLY = /^(consentGivenBy|channel|other:)/

export default function NewCasePage() {
  const { t } = useI18n()
  const settings = useApi(() => call(api.GET('/api/cases/intake-settings')), [])
  if (settings.error) return <><PageTitle>{t('page.newCase.title')}</PageTitle><ErrorMessage error={settings.error} onRetry={settings.reload} /></>
  if (!settings.data) return <Spinner aria-label={t('app.loading')} />
  return <IntakeForm now={new Date(settings.data.now)} today={settings.data.today} allowSynthetic={settings.data.allowSyntheticIdentities} />
}

function IntakeForm({ now, today, allowSynthetic }: { now: Date; today: string; allowSynthetic: boolean }) {
  const { t } = useI18n()
  const { language } = useSession()
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(today, language))
  const [errors, setErrors] = useState<Map<string, string>>(new Map())
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // The summary lists the problems after a try to register; before that, they show at their fields only.
  const [tried, setTried] = useState(false)
  const summary = useRef<HTMLElement>(null)
  const rules = { now, allowSynthetic, today }

  const set = (change: Partial<IntakeDraft>) => {
    const next = { ...draft, ...change }
    setDraft(next)
    // A problem shown goes away as soon as its field is right; new ones wait for the field to be left or the form sent.
    setErrors((previous) => {
      if (previous.size === 0) return previous
      const still = checkDraft(next, rules, t)
      const kept = new Map([...previous].filter(([field]) => still.has(field) || SERVER_ONLY.test(field)))
      return kept.size === previous.size ? previous : kept
    })
  }
  const setError = (field: string, message: string | null) =>
    setErrors((previous) => {
      const next = new Map(previous)
      if (message) next.set(field, message)
      else next.delete(field)
      return next
    })
  const showProblems = (problems: Map<string, string>) => {
    setErrors(problems)
    // The summary takes focus when it appears (ds-error-summary does), and again on each new try.
    requestAnimationFrame(() => summary.current?.focus())
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setFailure(null)
    setTried(true)
    const problems = checkDraft(draft, rules, t)
    if (problems.size > 0) return showProblems(problems)
    setBusy(true)
    try {
      const created = await call(api.POST('/api/cases', { body: toBody(draft) }))
      navigate(`/saker/${created.case.id}?registrert=1`)
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) showProblems(serverProblems(error.details, draft, t))
      else setFailure(error)
    }
  }

  const sender = draft.channel !== 'application' || draft.applicant !== 'person'
  return (
    <>
      <PageTitle>{t('page.newCase.title')}</PageTitle>
      <Paragraph>{t('newCase.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="sf-form">
        <Fieldset>
          <Fieldset.Legend>{t('newCase.channel')}</Fieldset.Legend>
          {CHANNELS.map((channel, i) => (
            <Radio key={channel} id={i === 0 ? 'channel' : undefined} name="channel" value={channel} label={word(t, 'channel', channel)} checked={draft.channel === channel}
              error={i === CHANNELS.length - 1 ? errors.get('channel') : undefined} onChange={() => set({ channel })} />
          ))}
        </Fieldset>
        {draft.channel === 'application' && (
          <Fieldset>
            <Fieldset.Legend>{t('newCase.senderRole')}</Fieldset.Legend>
            {APPLICANTS.map((applicant) => (
              <Radio key={applicant} name="applicant" value={applicant} label={word(t, 'sender', applicant)} checked={draft.applicant === applicant} onChange={() => set({ applicant })} />
            ))}
          </Fieldset>
        )}
        {sender && (
          <div className="sf-form-row">
            <Textfield id="senderName" label={t('newCase.senderName')} autoComplete="off" value={draft.senderName} onChange={(event) => set({ senderName: event.target.value })} />
            {draft.channel !== 'application' && (
              <Textfield id="senderOrganisation" label={t('newCase.senderOrganisation')} description={t('newCase.senderOrganisationHelp')} autoComplete="off" value={draft.senderOrganisation} onChange={(event) => set({ senderOrganisation: event.target.value })} />
            )}
          </div>
        )}
        <Textfield id="receivedOn" label={t('newCase.receivedOn')} type="date" max={today} value={draft.receivedOn} error={errors.get('receivedOn')} onChange={(event) => set({ receivedOn: event.target.value })} />

        <PersonFields draft={draft} set={set} errors={errors} setError={setError} rules={rules} />
        <GuardianFields draft={draft} set={set} errors={errors} />
        <Textfield id="summary" multiline rows={4} label={t('newCase.summary')} value={draft.summary} maxLength={4000} onChange={(event) => set({ summary: event.target.value })} />

        <Fieldset>
          <Fieldset.Legend>{t('newCase.consent')}</Fieldset.Legend>
          {(['missing', 'given', 'refused'] as const).map((consent) => (
            <Radio key={consent} name="consent" value={consent} checked={draft.consent === consent} onChange={() => set({ consent })}
              label={t(consent === 'missing' ? 'newCase.consentMissing' : consent === 'given' ? 'newCase.consentGiven' : 'newCase.consentRefused')} />
          ))}
        </Fieldset>
        {draft.consent !== 'missing' && (
          <>
            <Fieldset>
              <Fieldset.Legend>{t('newCase.consentGivenBy')}</Fieldset.Legend>
              {APPLICANTS.map((answerer, i) => (
                <Radio key={answerer} id={i === 0 ? 'consentGivenBy' : undefined} name="consentGivenBy" value={answerer} label={word(t, 'sender', answerer)} checked={draft.consentGivenBy === answerer}
                  error={i === APPLICANTS.length - 1 ? errors.get('consentGivenBy') : undefined} onChange={() => set({ consentGivenBy: answerer })} />
              ))}
            </Fieldset>
            <Checkbox label={t('newCase.consentIpDeclined')} checked={draft.ipDeclined} onChange={(event) => set({ ipDeclined: event.target.checked })} />
          </>
        )}

        {tried && errors.size > 0 && (
          <ErrorSummary ref={summary as never}>
            <ErrorSummary.Heading>{t('newCase.errorsHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {[...errors].map(([field, message]) => (
                <ErrorSummary.Item key={field}>
                  <ErrorSummary.Link href={field.startsWith('other:') ? '#' : `#${field}`}>{message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        {failure !== null && <ErrorMessage error={failure} />}
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy}>{busy ? t('newCase.submitting') : t('newCase.submit')}</Button>
        </div>
      </form>
    </>
  )
}
