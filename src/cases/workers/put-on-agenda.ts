// Sett saken på agendaen: a complex case goes onto the agenda of the intake group's next meeting;
// for anonymous discussion (sharingBasis "anonymous") it is marked so, and the group is told it
// gets no name or identity.
import { setStatus, updateCase } from '../cases.js'
import { addToAgenda, nextMeeting } from '../meetings.js'
import { notify } from '../notifications.js'
import { markAgendaItem } from '../meeting-held.js'
import { text, withCase, type CaseJobHandler } from './case-job.js'
import { formatDateTime } from './dates.js'

export const putOnAgenda: CaseJobHandler = (job, ctx) =>
  withCase(job, ctx, async (tx, found, now) => {
    const meeting = await nextMeeting(tx, now)
    const anonymous = text(job.variables.sharingBasis) === 'anonymous'
    await addToAgenda(tx, meeting.id, found.id)
    if (anonymous) await markAgendaItem(tx, meeting.id, found.id, { anonymous: true })
    await updateCase(tx, found.id, { route: 'complex' })
    await setStatus(tx, found.id, 'intake-group')
    await notify(tx, found.id, 'agenda', 'intake-group', anonymous
      ? `En sak (${found.reference}) er satt på sakslisten til tverretatlig mottaksgruppe ${formatDateTime(meeting.startsAt)} for anonym drøfting: navn og andre opplysninger som identifiserer personen, deles ikke.`
      : `Sak ${found.reference} er satt på sakslisten til tverretatlig mottaksgruppe ${formatDateTime(meeting.startsAt)}.`, job.key)
    return { meetingId: meeting.id, meetingAt: meeting.startsAt.toISOString() }
  })
