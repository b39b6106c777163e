// The secretary schedules a meeting of the intake group: date and time (Oslo), place, a note.
import { useState, type FormEvent } from 'react'
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { ApiError, api, call } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Refusal } from './refusal.js'
import { meetingWhen } from './when.js'

interface Problems {
  date?: string
  time?: string
  location?: string
  note?: string
}

export function NewMeetingForm({ onCreated }: { onCreated(): void }) {
  const { t, language } = useI18n()
  const [date, setDate] = useState('')
  const [time, setTime] = useState('09:00')
  const [location, setLocation] = useState('')
  const [note, setNote] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)
  const [created, setCreated] = useState<string>()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setCreated(undefined)
    setError(undefined)
    const found: Problems = {}
    if (!date) found.date = t('intake.new.dateRequired')
    if (!time) found.time = t('intake.new.timeRequired')
    setProblems(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    try {
      // The browser's own time zone: the KE's staff work in Norway.
      const startsAt = new Date(`${date}T${time}`).toISOString()
      const body = { startsAt, ...(location.trim() ? { location: location.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) }
      const meeting = await call(api.POST('/api/meetings', { body }))
      setCreated(meetingWhen(language, meeting.startsAt))
      setDate('')
      setLocation('')
      setNote('')
      onCreated()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.details.length > 0) {
        const at = (field: string) => caught.details.find((d) => d.path.replace(/^\//, '') === field)?.message
        setProblems({ date: at('startsAt'), location: at('location'), note: at('note') })
      }
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="sf-stack sf-panel" aria-labelledby="new-meeting">
      <Heading level={2} data-size="sm" id="new-meeting">{t('intake.new.title')}</Heading>
      <form className="sf-form" onSubmit={submit} noValidate>
        <div className="sf-row">
          <Textfield label={t('intake.new.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={problems.date} required />
          <Textfield label={t('intake.new.time')} type="time" value={time} onChange={(e) => setTime(e.target.value)} error={problems.time} required />
        </div>
        <Textfield label={t('intake.new.location')} value={location} onChange={(e) => setLocation(e.target.value)} error={problems.location} maxLength={200} />
        <Textfield label={t('intake.new.note')} multiline rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={problems.note} maxLength={2000} />
        <div><Button type="submit" disabled={saving}>{saving ? t('intake.new.saving') : t('intake.new.submit')}</Button></div>
      </form>
      {created && <Alert data-color="success" role="status"><Paragraph>{t('intake.new.created', { when: created })}</Paragraph></Alert>}
      {error !== undefined && !(error instanceof ApiError && error.status === 400) && <Refusal error={error} />}
    </section>
  )
}
