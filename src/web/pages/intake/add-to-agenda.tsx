// The secretary puts a case on the meeting's agenda by hand: one of the unit's open cases that is
// not on it already (the KE process puts the complex ones there itself).
import { useState, type FormEvent } from 'react'
import { Alert, Button, Field, Heading, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react'
import { api, call } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { useApi } from '../../components/use-api.js'
import { ErrorMessage } from '../../components/error-message.js'
import { Refusal } from './refusal.js'

export function AddToAgenda({ meetingId, onAgenda, onAdded }: { meetingId: string; onAgenda: string[]; onAdded(): void }) {
  const { t } = useI18n()
  const cases = useApi(() => call(api.GET('/api/cases', { params: { query: { open: true, limit: 200 } } })), [])
  const [chosen, setChosen] = useState('')
  const [problem, setProblem] = useState<string>()
  const [error, setError] = useState<unknown>()
  const [added, setAdded] = useState<string>()
  const [saving, setSaving] = useState(false)
  const choices = (cases.data?.items ?? []).filter((c) => !onAgenda.includes(c.id))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setAdded(undefined)
    if (!chosen) return setProblem(t('intake.add.required'))
    setProblem(undefined)
    setSaving(true)
    try {
      await call(api.POST('/api/meetings/{id}/agenda', { params: { path: { id: meetingId } }, body: { caseId: chosen } }))
      setAdded(choices.find((c) => c.id === chosen)?.reference ?? chosen)
      setChosen('')
      onAdded()
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="sf-stack sf-panel" aria-labelledby="add-to-agenda">
      <Heading level={2} data-size="sm" id="add-to-agenda">{t('intake.add.title')}</Heading>
      {cases.error !== undefined && <ErrorMessage error={cases.error} onRetry={cases.reload} />}
      {cases.data && choices.length === 0 && <Paragraph>{t('intake.add.none')}</Paragraph>}
      {choices.length > 0 && (
        <form className="sf-form" onSubmit={submit} noValidate>
          <Field>
            <Label>{t('intake.add.case')}</Label>
            <Field.Description>{t('intake.add.description')}</Field.Description>
            <Select value={chosen} onChange={(e) => setChosen(e.target.value)} aria-invalid={problem ? true : undefined}>
              <Select.Option value="">{t('intake.outcome.choose')}</Select.Option>
              {choices.map((c) => <Select.Option key={c.id} value={c.id}>{`${c.reference} – ${c.person?.name ?? ''}`}</Select.Option>)}
            </Select>
            {problem && <ValidationMessage>{problem}</ValidationMessage>}
          </Field>
          <div><Button type="submit" disabled={saving}>{t('intake.add.submit')}</Button></div>
        </form>
      )}
      {added && <Alert data-color="success" role="status"><Paragraph>{t('intake.add.added', { reference: added })}</Paragraph></Alert>}
      {error !== undefined && <Refusal error={error} />}
    </section>
  )
}
