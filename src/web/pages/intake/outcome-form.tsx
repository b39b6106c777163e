// The group's outcome for one case, in the fields of the task's own form (GET
// /api/user-tasks/{key}/form: forms/intake-group-outcome.form), so a field the form gains shows up
// here too. Saving completes the task, which moves the KE process on; the server checks the
// submission against the form, and its problems are shown at their fields in Norwegian.
// A case put on the agenda by hand has no such task: its outcome goes into the meeting's minutes
// (PUT /api/meetings/{id}/agenda/{caseId}/outcome) with the same form's three fields.
import { useState, type FormEvent } from 'react'
import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react'
import { ApiError, api, call, type ErrorDetail } from '../../api/client.js'
import { useI18n, type Translate } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { useApi } from '../../components/use-api.js'
import { Loading } from '../../components/loading.js'
import { Refusal } from './refusal.js'
import { fieldLabel, optionLabel } from './labels.js'

interface Option {
  label: string
  value: string
}

interface Component {
  type: string
  key?: string
  label?: string
  description?: string
  values?: Option[]
  valuesKey?: string
  validate?: { required?: boolean; maxLength?: number }
}

const INPUTS = new Set(['radio', 'select', 'textarea', 'textfield'])
const OUTCOME_FORM_ID = 'ke-intake-group-outcome'
/** The minutes' fields, by the outcome form's keys. */
const MINUTES = { intakeGroupOutcome: 'recommendation', responsibleAgency: 'responsibleUnit', intakeGroupNotes: 'note' } as const
const MINUTES_REQUIRED = ['intakeGroupOutcome', 'responsibleAgency']

export type OutcomeTarget = { kind: 'task'; taskKey: string } | { kind: 'minutes'; meetingId: string; caseId: string }

/** The input fields of a form-js schema, in order (text and layout components carry no value). */
function fieldsOf(schema: unknown): Component[] {
  const components = (schema as { components?: Component[] } | null)?.components ?? []
  return components.filter((c) => typeof c.key === 'string' && c.key.length > 0)
}

function optionsOf(component: Component, variables: Record<string, unknown>): Option[] {
  if (component.values) return component.values
  const listed = component.valuesKey ? variables[component.valuesKey] : undefined
  return Array.isArray(listed) ? listed.filter((o): o is Option => !!o && typeof o === 'object' && 'value' in o).map((o) => ({ label: String(o.label), value: String(o.value) })) : []
}

function problemText(t: Translate, detail: ErrorDetail, label: string): string {
  switch (detail.code) {
    case 'required': return t('intake.fieldError.required', { label })
    case 'maxLength': return t('intake.fieldError.maxLength', { label })
    case 'minLength': return t('intake.fieldError.minLength', { label })
    case 'option': return t('intake.fieldError.option', { label })
    default: return t('intake.fieldError.other', { label, message: detail.message })
  }
}

export function OutcomeForm({ target, reference, onSubmitted, onReload }: { target: OutcomeTarget; reference: string; onSubmitted(): void; onReload(): void }) {
  const { t } = useI18n()
  const taskKey = target.kind === 'task' ? target.taskKey : null
  const loaded = useApi(async () => {
    if (!taskKey) {
      const form = await call(api.GET('/api/forms/{id}', { params: { path: { id: OUTCOME_FORM_ID }, query: {} } }))
      return { fields: fieldsOf(form.schema).filter((c) => c.key! in MINUTES), variables: {} as Record<string, unknown> }
    }
    const [form, task] = await Promise.all([
      call(api.GET('/api/user-tasks/{key}/form', { params: { path: { key: taskKey } } })),
      call(api.GET('/api/user-tasks/{key}', { params: { path: { key: taskKey } } })),
    ])
    return { fields: fieldsOf(form.schema), variables: task.variables as Record<string, unknown> }
  }, [taskKey])
  const formId = `outcome-${taskKey ?? (target.kind === 'minutes' ? target.caseId : '')}`
  const [values, setValues] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)
  const legendId = formId

  if (loaded.error !== undefined) return <Refusal error={loaded.error} onReload={onReload} />
  if (!loaded.data) return <Loading />
  const { fields, variables } = loaded.data
  const set = (key: string, value: string) => setValues((previous) => ({ ...previous, [key]: value }))
  const labelOf = (c: Component) => fieldLabel(t, c.key!, c.label)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setProblems({})
    const submission = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''))
    if (target.kind === 'minutes') {
      const missing = Object.fromEntries(MINUTES_REQUIRED.filter((key) => !submission[key]).map((key) => {
        const component = fields.find((c) => c.key === key)
        return [key, t('intake.fieldError.required', { label: component ? labelOf(component) : key })]
      }))
      if (Object.keys(missing).length > 0) return setProblems(missing)
    }
    setSaving(true)
    try {
      if (target.kind === 'task') {
        await call(api.POST('/api/user-tasks/{key}/complete', { params: { path: { key: target.taskKey } }, body: { variables: submission } }))
      } else {
        const body = { responsibleUnit: submission.responsibleAgency!, recommendation: submission.intakeGroupOutcome!, ...(submission.intakeGroupNotes ? { note: submission.intakeGroupNotes } : {}) }
        await call(api.PUT('/api/meetings/{id}/agenda/{caseId}/outcome', { params: { path: { id: target.meetingId, caseId: target.caseId } }, body }))
      }
      onSubmitted()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.details.length > 0) {
        const found: Record<string, string> = {}
        for (const detail of caught.details) {
          const at = detail.path.replace(/^\/?(variables\/)?/, '').split(/[./[]/)[0]!
          const key = target.kind === 'minutes' ? (Object.entries(MINUTES).find(([, field]) => field === at)?.[0] ?? at) : at
          const component = fields.find((c) => c.key === key)
          found[key] ??= problemText(t, detail, component ? labelOf(component) : key)
        }
        setProblems(found)
      }
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="sf-form sf-outcome" onSubmit={submit} noValidate aria-labelledby={legendId}>
      <Heading level={4} data-size="xs" id={legendId}>{t('intake.outcome.legend', { reference })}</Heading>
      {fields.map((c) => {
        const key = c.key!
        const label = labelOf(c)
        const problem = problems[key]
        const required = c.validate?.required === true
        if (!INPUTS.has(c.type)) {
          return <Paragraph key={key}>{t('intake.outcome.unsupported', { label })} {taskKey && <Link href={`/oppgaver/${taskKey}`} className="ds-link">{t('intake.outcome.openTask')}</Link>}</Paragraph>
        }
        if (c.type === 'radio') {
          return (
            <Fieldset key={key} aria-invalid={problem ? true : undefined}>
              <Fieldset.Legend>{label}</Fieldset.Legend>
              {c.description && <Fieldset.Description>{c.description}</Fieldset.Description>}
              {optionsOf(c, variables).map((option) => (
                <Radio key={option.value} name={`${key}-${formId}`} value={option.value} label={optionLabel(t, key, option.value, option.label)}
                  checked={values[key] === option.value} onChange={() => set(key, option.value)} />
              ))}
              {problem && <ValidationMessage>{problem}</ValidationMessage>}
            </Fieldset>
          )
        }
        if (c.type === 'select') {
          return (
            <Field key={key}>
              <Label>{label}</Label>
              {c.description && <Field.Description>{c.description}</Field.Description>}
              <Select value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)} aria-invalid={problem ? true : undefined} required={required}>
                <Select.Option value="">{t('intake.outcome.choose')}</Select.Option>
                {optionsOf(c, variables).map((option) => <Select.Option key={option.value} value={option.value}>{optionLabel(t, key, option.value, option.label)}</Select.Option>)}
              </Select>
              {problem && <ValidationMessage>{problem}</ValidationMessage>}
            </Field>
          )
        }
        const common = { label, description: c.description, value: values[key] ?? '', error: problem, required }
        return c.type === 'textarea'
          ? <Textfield key={key} {...common} multiline rows={3} onChange={(e) => set(key, e.target.value)} />
          : <Textfield key={key} {...common} onChange={(e) => set(key, e.target.value)} />
      })}
      {Object.keys(problems).length > 0 && <Paragraph role="alert">{t('intake.outcome.fixFields')}</Paragraph>}
      {/* A problem at a key the page shows no field for (the form changed meanwhile): said here. */}
      {Object.entries(problems).filter(([key]) => !fields.some((c) => c.key === key)).map(([key, text]) => <Paragraph key={key} data-color="danger">{text}</Paragraph>)}
      {error !== undefined && !(error instanceof ApiError && error.status === 400 && error.details.length > 0) && <Refusal error={error} onReload={onReload} />}
      <div><Button type="submit" disabled={saving}>{saving ? t('intake.outcome.saving') : t('intake.outcome.submit', { reference })}</Button></div>
    </form>
  )
}
