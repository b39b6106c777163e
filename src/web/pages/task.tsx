// /oppgaver/:key: one task with its form (deployed, or generated from what the task passes on),
// prefilled from the task's variables and the person's draft; claim, give back and complete. The
// draft is saved as they type, so a reload or a lost session loses nothing; the server's
// validation errors appear at their fields. After completing, the case's next task is offered
// when it is theirs.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, ErrorSummary, Paragraph } from '@digdir/designsystemet-react'
import { ApiError, api, call } from '../api/client.js'
import { useI18n } from '../i18n/index.js'
import { Link } from '../router.js'
import type { PageProps } from '../routes.js'
import { useSession } from '../session.js'
import { useApi } from '../components/use-api.js'
import { ErrorMessage, describeError } from '../components/error-message.js'
import { FormViewer, fieldLabel, type FieldErrors, type FormData, type FormViewerHandle } from '../components/form-viewer.js'
import { unsavedDraft, useDraft } from '../components/use-draft.js'
import { NextTask } from '../components/next-task.js'
import { PageTitle } from '../components/page-title.js'
import { Loading } from '../components/loading.js'

async function loadTask(key: string) {
  const params = { path: { key } }
  const [task, form, draft] = await Promise.all([
    call(api.GET('/api/user-tasks/{key}', { params })),
    call(api.GET('/api/user-tasks/{key}/form', { params })),
    call(api.GET('/api/user-tasks/{key}/draft', { params })),
  ])
  return { task, form, draft }
}

export default function TaskPage({ params }: PageProps) {
  const key = params.key!
  const { t, formatDate, formatDateTime } = useI18n()
  const { user } = useSession()
  const loaded = useApi(() => loadTask(key), [key])
  const viewer = useRef<FormViewerHandle>(null)
  // What is shown at the fields (the form's own check at submit, or the server's), and the
  // summary above the form, which follows the fields as the person corrects them.
  const [errors, setErrors] = useState<FieldErrors>({})
  const [summary, setSummary] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const [completed, setCompleted] = useState(false)
  const [initial, setInitial] = useState<FormData | null>(null)
  // Read before the draft hook saves it and clears it, whichever of the two answers first.
  const [unsaved] = useState(() => unsavedDraft(key))
  const draft = useDraft(key)

  const data = loaded.data
  useEffect(() => {
    if (data && initial === null) setInitial({ ...data.task.variables, ...(data.draft?.variables ?? {}), ...(unsaved ?? {}) })
  }, [data, initial, unsaved])

  if (loaded.error !== undefined && !data) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
  if (!data || initial === null) return <Loading />
  const { task, form } = data
  const title = task.name ?? t('task.unnamed')
  const mine = task.assignee === user?.username
  const open = task.state === 'created'
  const caseReference = typeof task.variables.caseReference === 'string' ? task.variables.caseReference : null
  const caseId = task.variables.caseId != null ? String(task.variables.caseId) : null

  async function act(action: 'claim' | 'unclaim') {
    setBusy(true)
    setProblem(undefined)
    try {
      await call(action === 'claim'
        ? api.POST('/api/user-tasks/{key}/claim', { params: { path: { key } } })
        : api.POST('/api/user-tasks/{key}/unclaim', { params: { path: { key } } }))
      loaded.reload()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  async function complete() {
    const submitted = viewer.current!.submit()
    setErrors(submitted.errors)
    setSummary(submitted.errors)
    if (Object.keys(submitted.errors).length > 0) return
    setBusy(true)
    setProblem(undefined)
    try {
      await draft.flush()
      await call(api.POST('/api/user-tasks/{key}/complete', { params: { path: { key } }, body: { variables: submitted.data } }))
      await draft.discard()
      setCompleted(true)
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const byField: FieldErrors = {}
        for (const detail of error.details) (byField[detail.path.replace(/^\/(variables\/)?/, '')] ??= []).push(detail.message)
        setErrors(byField)
        setSummary(byField)
      } else {
        setProblem(error)
      }
    } finally {
      setBusy(false)
    }
  }

  const errorList = Object.entries(summary).flatMap(([field, messages]) => messages.map((message) => ({ field, message })))

  return (
    <div className="sf-task-layout">
      <PageTitle>{title}</PageTitle>
      <Paragraph>
        {caseReference && (caseId ? <Link href={`/saker/${caseId}`} className="ds-link">{t('task.case', { reference: caseReference })}</Link> : t('task.case', { reference: caseReference }))}
        {task.dueDate && <>{caseReference ? ' · ' : ''}{t('task.due', { date: formatDate(task.dueDate) })}</>}
      </Paragraph>

      {completed ? (
        <>
          <Alert data-color="success" role="status">{t('task.completed')}</Alert>
          <NextTask instanceKey={task.instanceKey} after={key} />
        </>
      ) : !open ? (
        <Alert data-color="info">{t('task.closed', { state: task.state })}</Alert>
      ) : (
        <>
          <Paragraph>{mine ? t('task.assignedToYou') : task.assignee ? t('task.assignedTo', { name: task.assignee }) : t('task.unassigned')}</Paragraph>
          {data.draft && <Paragraph data-size="sm">{t('task.draftRestored', { time: formatDateTime(data.draft.updatedAt) })}</Paragraph>}
          {form.source === 'generated' && <Paragraph data-size="sm">{t('task.generatedForm')}</Paragraph>}
          {errorList.length > 0 && (
            <ErrorSummary>
              <ErrorSummary.Heading>{t('task.errors')}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {errorList.map(({ field, message }) => (
                  <ErrorSummary.Item key={`${field}:${message}`}>{message.includes('«') ? message : `${fieldLabel(form.schema, field)}: ${message}`}</ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          )}
          <FormViewer ref={viewer} schema={form.schema} data={initial} errors={errors} readOnly={!mine} onChange={(values, now) => {
            if (mine) draft.save(values)
            if (errorList.length > 0) setSummary(now)
          }} />
          <Paragraph data-size="sm" aria-live="polite">
            {draft.state === 'saving' ? t('task.draftSaving') : draft.state === 'failed' ? t('task.draftFailed') : draft.savedAt ? t('task.draftSaved', { time: formatDateTime(draft.savedAt) }) : ''}
          </Paragraph>
          {problem !== undefined && <Alert data-color="danger" role="alert">{describeError(problem, t)}</Alert>}
          <div className="sf-actions">
            {mine && <Button onClick={() => void complete()} loading={busy} aria-disabled={busy}>{busy ? t('task.completing') : t('task.complete')}</Button>}
            {!task.assignee && <Button onClick={() => void act('claim')} aria-disabled={busy}>{t('task.claim')}</Button>}
            {mine && <Button variant="secondary" onClick={() => void act('unclaim')} aria-disabled={busy}>{t('task.unclaim')}</Button>}
          </div>
        </>
      )}
      <Paragraph><Link href="/oppgaver" className="ds-link">{t('task.backToList')}</Link></Paragraph>
    </div>
  )
}
