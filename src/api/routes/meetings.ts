// The intake group's meetings: the schedule, each meeting's agenda of complex cases, and the
// group's outcome per case. The KE's caseworkers are the group's secretary: they schedule
// meetings and set the agendas (of cases they may read). Members of the group read the cases on
// the agendas and record the group's outcome for them; a member cannot put a case on an agenda,
// so cannot give themselves a case. An agenda shows each reader only the cases they may read
// (src/cases/case-access.ts), and every showing is recorded in the case's access log.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { SamflytError, notFound } from '../../errors.js'
import { addToAgenda, agendaOf, getMeeting, insertMeeting, listMeetings, recordOutcome, updateMeeting } from '../../cases/meetings.js'
import { recordCaseReads } from '../../cases/access-log.js'
import { readableCaseById, readableCases } from '../../cases/case-access.js'
import { checkMeetingStarted, heldMeeting, holdMeeting } from '../../cases/meeting-held.js'
import { agendaDetails } from '../../cases/agenda-details.js'

const Id = Type.String({ pattern: '^[0-9]{1,10}$' })
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Meeting = Type.Object({
  id: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  location: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
})
const AgendaItem = Type.Object({
  caseId: Type.String(),
  caseReference: Type.String(),
  position: Type.Integer(),
  responsibleUnit: Type.Union([Type.String(), Type.Null()]),
  recommendation: Type.Union([Type.String(), Type.Null()]),
  outcomeNote: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  personName: Type.Union([Type.String(), Type.Null()], { description: 'null when the case is on the agenda for anonymous discussion' }),
  caseStatus: Type.String(),
  deadline: Type.String({ format: 'date' }),
  needs: Type.Array(Type.Object({ rule: Type.String(), reason: Type.String(), reasonNn: Type.String() }), { description: 'Why the case needs the group: the complexity rules\' reasons (bokmål, nynorsk)' }),
  notifiedAgencies: Type.Array(Type.String(), { description: 'The agencies told that the case goes to the group' }),
  outcomeTaskKey: Type.Union([Type.String(), Type.Null()], { description: 'The open user task in which the group\'s outcome is recorded (completing it moves the KE process on); null when there is none' }),
})

const READERS = ['caseworker', 'intake-group', 'auditor', 'admin'] as const
/** The KE contact person is the group's secretary: caseworkers schedule meetings and set agendas, members do not. */
const SECRETARIES = ['caseworker', 'admin'] as const
/** The group's outcome is recorded by its members, or by the secretary keeping the minutes. */
const OUTCOME_RECORDERS = ['caseworker', 'intake-group', 'admin'] as const

const presentMeeting = (m: { id: string; startsAt: Date; location: string | null; status: string; note: string | null }) => ({ ...m, startsAt: m.startsAt.toISOString() })

export async function meetingRoutes(app: App) {
  app.get('/api/meetings', {
    config: { roles: READERS },
    schema: {
      tags: ['intake group'],
      summary: 'The intake group\'s meetings, earliest first',
      querystring: Type.Object({
        from: Type.Optional(Type.String({ format: 'date-time' })),
        to: Type.Optional(Type.String({ format: 'date-time' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      }),
      response: { 200: Type.Array(Meeting) },
    },
  }, async (request) => {
    const { from, to, limit = 50, offset = 0 } = request.query
    const rows = await listMeetings(app.db.sql, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, limit, offset })
    return rows.map(presentMeeting)
  })

  app.post('/api/meetings', {
    config: { roles: SECRETARIES },
    schema: {
      tags: ['intake group'],
      summary: 'Schedule a meeting',
      body: Type.Object({ startsAt: Type.String({ format: 'date-time' }), location: Type.Optional(Text(200)), note: Type.Optional(Text(2000)) }, { additionalProperties: false }),
      response: { 201: Meeting, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const meeting = await insertMeeting(app.db.sql, { ...request.body, startsAt: new Date(request.body.startsAt) }, principalOf(request).username)
    return reply.status(201).send(presentMeeting(meeting))
  })

  app.get('/api/meetings/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['intake group'],
      summary: 'A meeting with its agenda and the outcome per case',
      description: 'The agenda lists the cases the reader may read (GET /api/cases/{id}); each one shown is recorded in its access log.',
      params: Type.Object({ id: Id }),
      response: {
        200: Type.Object({
          meeting: Meeting,
          agenda: Type.Array(AgendaItem),
          attendance: Type.Object({ heldAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]), heldBy: Type.Union([Type.String(), Type.Null()]), attendees: Type.Array(Type.String()) }),
        }),
        ...errorResponses(404),
      },
    },
  }, async (request) => {
    const meeting = await getMeeting(app.db.sql, request.params.id)
    if (!meeting) throw notFound('Meeting', request.params.id)
    const principal = principalOf(request)
    const items = await agendaOf(app.db.sql, meeting.id)
    const readable = await readableCases(app.db.sql, principal, items.map((item) => item.caseId))
    const agenda = items.filter((item) => readable.has(item.caseId))
    await recordCaseReads(app.db.sql, agenda.map((item) => item.caseId), { principal, purpose: 'GET /api/meetings/:id (agenda)' })
    const held = await heldMeeting(app.db.sql, meeting.id)
    const details = await agendaDetails(app.db.sql, agenda.map((item) => item.caseId))
    return {
      meeting: presentMeeting(meeting),
      // A case put forward for anonymous discussion is shown without the person's name.
      agenda: agenda.map((item) => {
        const detail = details.get(item.caseId)!
        return { ...item, ...detail, personName: item.anonymous ? null : detail.personName, recordedAt: item.recordedAt?.toISOString() ?? null }
      }),
      attendance: { heldAt: held?.heldAt?.toISOString() ?? null, heldBy: held?.heldBy ?? null, attendees: held?.attendees ?? [] },
    }
  })

  app.patch('/api/meetings/:id', {
    config: { roles: SECRETARIES },
    schema: {
      tags: ['intake group'],
      summary: 'Move, hold or cancel a meeting',
      params: Type.Object({ id: Id }),
      body: Type.Object({
        startsAt: Type.Optional(Type.String({ format: 'date-time' })),
        location: Type.Optional(Text(200)),
        status: Type.Optional(Type.Union([Type.Literal('planned'), Type.Literal('held'), Type.Literal('cancelled')])),
        note: Type.Optional(Text(2000)),
      }, { additionalProperties: false }),
      response: { 200: Meeting, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    if (!(await getMeeting(app.db.sql, request.params.id))) throw notFound('Meeting', request.params.id)
    if (request.body.status === 'held') {
      throw new SamflytError('SAMFLYT_VALIDATION', 'A meeting is held with who attended: POST /api/meetings/:id/held { attendees }', [{ path: '/body/status', message: 'held is recorded with POST /api/meetings/:id/held, naming who attended' }])
    }
    const { startsAt, ...rest } = request.body
    await updateMeeting(app.db.sql, request.params.id, { ...rest, startsAt: startsAt ? new Date(startsAt) : undefined })
    return presentMeeting((await getMeeting(app.db.sql, request.params.id))!)
  })

  app.post('/api/meetings/:id/agenda', {
    config: { roles: SECRETARIES },
    schema: {
      tags: ['intake group'],
      summary: 'Put a case on a meeting\'s agenda by hand (the KE process does it for complex cases)',
      description: 'The secretary\'s (a KE caseworker\'s) work, for a case they may read; a case they may not read is 404.',
      params: Type.Object({ id: Id }),
      body: Type.Object({ caseId: Id }, { additionalProperties: false }),
      response: { 201: Type.Object({ meetingId: Type.String(), caseId: Type.String() }), ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const meeting = await getMeeting(app.db.sql, request.params.id)
    if (!meeting) throw notFound('Meeting', request.params.id)
    await readableCaseById(app.db.sql, principalOf(request), request.body.caseId)
    await addToAgenda(app.db.sql, meeting.id, request.body.caseId)
    return reply.status(201).send({ meetingId: meeting.id, caseId: request.body.caseId })
  })

  app.put('/api/meetings/:id/agenda/:caseId/outcome', {
    config: { roles: OUTCOME_RECORDERS },
    schema: {
      tags: ['intake group'],
      summary: 'Record the group\'s outcome for a case on the agenda: who takes responsibility, what it recommends',
      description: 'Only for a case on this meeting\'s agenda that the recorder may read; otherwise 404.',
      params: Type.Object({ id: Id, caseId: Id }),
      body: Type.Object({ responsibleUnit: Text(200), recommendation: Text(4000), note: Type.Optional(Text(4000)) }, { additionalProperties: false }),
      response: { 200: Type.Object({ meetingId: Type.String(), caseId: Type.String() }), ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    await readableCaseById(app.db.sql, principalOf(request), request.params.caseId)
    const meeting = await getMeeting(app.db.sql, request.params.id)
    if (!meeting) throw notFound('Meeting', request.params.id)
    const now = app.engine.clock()
    checkMeetingStarted(meeting, now, 'recording an outcome')
    if (!(await heldMeeting(app.db.sql, meeting.id))?.heldAt) {
      throw new SamflytError('SAMFLYT_CONFLICT', `Meeting ${meeting.id} is not recorded as held: record who attended first (POST /api/meetings/${meeting.id}/held)`)
    }
    const done = await recordOutcome(app.db.sql, request.params.id, request.params.caseId, request.body, principalOf(request).username, now)
    if (!done) throw new SamflytError('SAMFLYT_NOT_FOUND', `Case ${request.params.caseId} is not on the agenda of meeting ${request.params.id}`)
    return { meetingId: request.params.id, caseId: request.params.caseId }
  })

  app.post('/api/meetings/:id/held', {
    config: { roles: OUTCOME_RECORDERS },
    schema: {
      tags: ['intake group'],
      summary: 'Record the meeting as held, with who attended (at or after its start; names are added to any recorded before)',
      params: Type.Object({ id: Id }),
      body: Type.Object({ attendees: Type.Array(Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' }), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ meetingId: Type.String(), status: Type.String(), heldAt: Type.String({ format: 'date-time' }), heldBy: Type.String(), attendees: Type.Array(Type.String()) }),
        ...errorResponses(400, 404, 409),
      },
    },
  }, async (request) => {
    const held = await holdMeeting(app.db.sql, request.params.id, request.body.attendees, principalOf(request).username, app.engine.clock())
    return { meetingId: request.params.id, status: 'held', heldAt: held.heldAt!.toISOString(), heldBy: held.heldBy!, attendees: held.attendees }
  })
}
