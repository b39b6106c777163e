// Sett saken på agendaen: a complex case goes onto the agenda of the intake group's next meeting.
import { setStatus, updateCase } from '../cases.js'
import { addToAgenda, nextMeeting } from '../meetings.js'
import { notify } from '../notifications.js'
import { withCase, type CaseJobHandler } from './case-job.js'
import { formatDateTime } from './dates.js'

export const putOnAgenda: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const meeting = await nextMeeting(tx, now)
    await addToAgenda(tx, meeting.id, found.id)
    await updateCase(tx, found.id, { route: 'complex' })
    await setStatus(tx, found.id, 'intake-group')
    await notify(tx, found.id, 'agenda', 'intake-group',
      `Sak ${found.reference} er satt på sakslisten til tverretatlig mottaksgruppe ${formatDateTime(meeting.startsAt)}.`, job.key)
    return { meetingId: meeting.id, meetingAt: meeting.startsAt.toISOString() }
  })
