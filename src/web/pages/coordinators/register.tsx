// The coordinator register: unit, profession, training, current load against capacity, child
// coordinator qualification, active. The KE edits a coordinator from their row.
import { useRef, useState } from 'react'
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { api, call, type paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { useApi } from '../../components/use-api.js'
import { ErrorMessage } from '../../components/error-message.js'
import { Loading } from '../../components/loading.js'
import { EditCoordinator } from './edit-coordinator.js'

export type Coordinator = paths['/api/coordinators']['get']['responses'][200]['content']['application/json'][number]

export function Register({ editable }: { editable: boolean }) {
  const { t, formatDate } = useI18n()
  const register = useApi(() => call(api.GET('/api/coordinators')), [])
  const [editing, setEditing] = useState<Coordinator>()
  const [saved, setSaved] = useState<string>()
  const editButtons = useRef(new Map<string, HTMLButtonElement>())

  const closeEditor = (id: string) => {
    setEditing(undefined)
    // Back to where the person was: the row's own button.
    window.setTimeout(() => editButtons.current.get(id)?.focus(), 0)
  }

  return (
    <section className="sf-stack" aria-labelledby="register">
      <Heading level={2} data-size="md" id="register">{t('coord.register.title')}</Heading>
      <Paragraph>{t('coord.register.intro')}</Paragraph>
      {!editable && <Paragraph>{t('coord.register.readOnly')}</Paragraph>}
      {register.error !== undefined && <ErrorMessage error={register.error} onRetry={register.reload} />}
      {register.loading && !register.data && <Loading />}
      {saved && <Alert data-color="success" role="status"><Paragraph>{t('coord.form.saved', { name: saved })}</Paragraph></Alert>}
      {register.data && register.data.length === 0 && <Paragraph>{t('coord.register.empty')}</Paragraph>}
      {register.data && register.data.length > 0 && (
        <Table className="sf-table" data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('coord.col.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.profession')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.training')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.load')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.child')}</Table.HeaderCell>
              <Table.HeaderCell>{t('coord.col.active')}</Table.HeaderCell>
              {editable && <Table.HeaderCell>{t('coord.col.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {register.data.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell>{c.unit}</Table.Cell>
                <Table.Cell>{c.profession}</Table.Cell>
                <Table.Cell>
                  {c.trainingCompleted
                    ? <Tag data-color="success">{c.trainedOn ? t('coord.training.done', { date: formatDate(c.trainedOn) }) : t('coord.training.doneNoDate')}</Tag>
                    : <Tag data-color="warning">{t('coord.training.missing')}</Tag>}
                </Table.Cell>
                <Table.Cell>{t(c.currentLoad >= c.capacity ? 'coord.loadFull' : 'coord.load', { load: c.currentLoad, capacity: c.capacity })}</Table.Cell>
                <Table.Cell>{c.childCoordinatorQualified ? t('coord.yes') : t('coord.no')}</Table.Cell>
                <Table.Cell>{c.active ? t('coord.yes') : t('coord.no')}</Table.Cell>
                {editable && (
                  <Table.Cell>
                    <Button variant="secondary" data-size="sm" aria-expanded={editing?.id === c.id}
                      ref={(button) => { if (button) editButtons.current.set(c.id, button) }}
                      aria-label={t('coord.edit', { name: c.name })}
                      onClick={() => { setSaved(undefined); setEditing(c) }}>
                      {t('coord.col.actions')}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {editable && editing && (
        <EditCoordinator key={editing.id} coordinator={editing}
          onCancel={() => closeEditor(editing.id)}
          onSaved={(updated) => { setSaved(updated.name); register.reload(); closeEditor(updated.id) }} />
      )}
    </section>
  )
}
