// A table of cases (the list and the search results): reference (a link), person with the
// identity number masked, status, deadline, received and channel.
import { Table, Tag } from '@digdir/designsystemet-react'
import type { paths } from '../../api/client.js'
import { useI18n } from '../../i18n/index.js'
import { Link } from '../../router.js'
import { daysUntil, word, CLOSED_STATUSES } from '../../components/case-panel/words.js'

type Summary = paths['/api/cases']['get']['responses'][200]['content']['application/json']['items'][number]

export function CaseTable({ items, caption }: { items: Summary[]; caption: string }) {
  const { t, formatDate } = useI18n()
  const day = (value: string) => formatDate(`${value}T12:00:00Z`)
  return (
    <div className="sf-table-wrap">
      <Table zebra data-size="sm">
        <caption className="sf-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cases.reference')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.personColumn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.statusColumn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.deadlineColumn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.receivedColumn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.channelColumn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => {
            const open = !CLOSED_STATUSES.includes(c.status)
            return (
              <Table.Row key={c.id}>
                <Table.Cell className="sf-nowrap"><Link href={`/saker/${c.id}`} className="ds-link">{c.reference}</Link></Table.Cell>
                <Table.Cell>{c.person ? <>{c.person.name}<br /><span className="sf-case-number">{c.person.identityNumber}</span></> : ''}</Table.Cell>
                <Table.Cell>{word(t, 'status', c.status)}</Table.Cell>
                <Table.Cell className="sf-nowrap">
                  {day(c.deadline)}
                  {open && daysUntil(c.deadline) < 0 && <> <Tag data-color="danger">{t('cases.overdue')}</Tag></>}
                </Table.Cell>
                <Table.Cell className="sf-nowrap">{day(c.receivedOn)}</Table.Cell>
                <Table.Cell>{word(t, 'channel', c.channel)}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
