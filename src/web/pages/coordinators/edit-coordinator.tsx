// Editing one coordinator in the register: unit, profession, training and its date, child
// coordinator qualification, capacity, active. Only what changed is sent; the server's rules
// (a training date not in the future, and only for a completed training) come back at the field.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { ApiError, api, call } from '../../api/client.js'
import { useI18n, type MessageKey } from '../../i18n/index.js'
import { ErrorMessage } from '../../components/error-message.js'
import type { Coordinator } from './register.js'

type Fields = 'unit' | 'profession' | 'trainedOn' | 'capacity' | 'username'

const CODE_TEXTS: Record<string, MessageKey> = {
  'trainedOn.future': 'coord.error.trainedOn.future',
  'trainedOn.notCompleted': 'coord.error.trainedOn.notCompleted',
  'username.taken': 'coord.error.username.taken',
}

export function EditCoordinator({ coordinator, onSaved, onCancel }: { coordinator: Coordinator; onSaved(updated: Coordinator): void; onCancel(): void }) {
  const { t } = useI18n()
  const [unit, setUnit] = useState(coordinator.unit)
  const [profession, setProfession] = useState(coordinator.profession)
  const [trainingCompleted, setTrainingCompleted] = useState(coordinator.trainingCompleted)
  const [trainedOn, setTrainedOn] = useState(coordinator.trainedOn ?? '')
  const [child, setChild] = useState(coordinator.childCoordinatorQualified)
  const [capacity, setCapacity] = useState(String(coordinator.capacity))
  const [active, setActive] = useState(coordinator.active)
  const [problems, setProblems] = useState<Partial<Record<Fields, string>>>({})
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    const found: Partial<Record<Fields, string>> = {}
    if (!unit.trim()) found.unit = t('coord.error.required')
    if (!profession.trim()) found.profession = t('coord.error.required')
    const places = Number(capacity)
    if (!/^[0-9]{1,3}$/.test(capacity.trim()) || places > 200) found.capacity = t('coord.error.capacity')
    setProblems(found)
    if (Object.keys(found).length > 0) return
    const changed = {
      ...(unit.trim() !== coordinator.unit ? { unit: unit.trim() } : {}),
      ...(profession.trim() !== coordinator.profession ? { profession: profession.trim() } : {}),
      ...(trainingCompleted !== coordinator.trainingCompleted ? { trainingCompleted } : {}),
      ...((trainedOn || null) !== coordinator.trainedOn ? { trainedOn: trainedOn || null } : {}),
      ...(child !== coordinator.childCoordinatorQualified ? { childCoordinatorQualified: child } : {}),
      ...(places !== coordinator.capacity ? { capacity: places } : {}),
      ...(active !== coordinator.active ? { active } : {}),
    }
    setSaving(true)
    try {
      onSaved(await call(api.PATCH('/api/coordinators/{id}', { params: { path: { id: coordinator.id } }, body: changed })))
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 400 || caught.status === 409) && caught.details.length > 0) {
        const atFields: Partial<Record<Fields, string>> = {}
        for (const detail of caught.details) {
          const field = detail.path.replace(/^\//, '').split('/')[0] as Fields
          atFields[field] ??= t(CODE_TEXTS[`${field}.${detail.code ?? ''}`] ?? 'coord.error.field')
        }
        setProblems(atFields)
      } else {
        setError(caught)
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="sf-stack sf-panel" aria-labelledby="edit-coordinator">
      <Heading level={3} data-size="sm" id="edit-coordinator" ref={heading} tabIndex={-1}>{t('coord.form.title', { name: coordinator.name })}</Heading>
      <form className="sf-form" onSubmit={submit} noValidate>
        <div className="sf-row">
          <Textfield label={t('coord.form.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} error={problems.unit} maxLength={100} required />
          <Textfield label={t('coord.form.profession')} value={profession} onChange={(e) => setProfession(e.target.value)} error={problems.profession} maxLength={100} required />
        </div>
        <Checkbox label={t('coord.form.trainingCompleted')} checked={trainingCompleted} onChange={(e) => setTrainingCompleted(e.target.checked)} />
        <Textfield label={t('coord.form.trainedOn')} description={t('coord.form.trainedOnHelp')} type="date" value={trainedOn} onChange={(e) => setTrainedOn(e.target.value)} error={problems.trainedOn} />
        <Checkbox label={t('coord.form.child')} checked={child} onChange={(e) => setChild(e.target.checked)} />
        <Textfield label={t('coord.form.capacity')} type="number" min={0} max={200} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} error={problems.capacity} />
        <Checkbox label={t('coord.form.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
        {Object.keys(problems).length > 0 && <Paragraph role="alert">{t('coord.form.fix')}</Paragraph>}
        {error !== undefined && <ErrorMessage error={error} />}
        <div className="sf-row">
          <Button type="submit" disabled={saving}>{saving ? t('coord.form.saving') : t('coord.form.save')}</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>{t('coord.form.cancel')}</Button>
        </div>
      </form>
    </section>
  )
}
