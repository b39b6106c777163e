// Cases: intake (which starts the KE process), lists, one case with its tasks and decisions,
// a search by identity number (in the body, never the URL), withdrawal, and the access log.
// Every read of a case is recorded in the access log.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { notFound } from '../../errors.js'
import { intake } from '../../cases/intake.js'
import { getCase, listCases, type CaseFilter } from '../../cases/cases.js'
import { findPersonByIdentity } from '../../cases/people.js'
import { recordCaseReads, caseAccessLog } from '../../cases/access-log.js'
import { maskIdentityNumber } from '../../cases/identity.js'
import { knowsWhoInAnonymousCases, present, readCase, revealIdentity, seesFullIdentity } from '../../cases/view.js'
import { checkCaseAccess, readableCase, readsAllCases } from '../../cases/case-access.js'
import { duplicateCheck, searchCases } from '../../cases/search.js'
import { CaseView } from './case-schemas.js'
import { SamflytError } from '../../errors.js'
import { osloDate } from '../../cases/deadlines.js'
import { withdrawCase } from '../../cases/withdraw.js'
import { caseFactsSchema } from '../../rules/facts-schema.js'
import { discussedAnonymously } from '../../cases/meeting-held.js'
import { CASE_STATUSES, CHANNELS, CONSENT_SCOPES, GUARDIAN_RELATIONS, SENDER_ROLES, type CaseStatus } from '../../cases/types.js'

const Id = Type.String({ pattern: '^[0-9]{1,10}$', description: 'A case id' })
const IdParams = Type.Object({ id: Id })
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
const Open = { additionalProperties: true } as const

const Person = Type.Object({
  identityNumber: Type.String({ description: 'Fødselsnummer, D-number or (test installations) a synthetic number; never put it in a URL' }),
  name: Text(200),
  address: Type.Optional(Text(200)),
  postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  city: Type.Optional(Text(100)),
  phone: Type.Optional(Text(40)),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  language: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('nn')])),
}, { additionalProperties: false })

const Guardian = Type.Object({
  name: Text(200),
  relation: Type.Union(GUARDIAN_RELATIONS.map((r) => Type.Literal(r))),
  identityNumber: Type.Optional(Type.String()),
  phone: Type.Optional(Text(40)),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  mayConsent: Type.Optional(Type.Boolean()),
}, { additionalProperties: false })

const IntakeBody = Type.Object({
  channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))),
  receivedOn: Type.Optional(Day),
  person: Person,
  guardians: Type.Optional(Type.Array(Guardian, { maxItems: 10 })),
  sender: Type.Optional(Type.Object({
    role: Type.Optional(Type.Union(SENDER_ROLES.map((r) => Type.Literal(r)))),
    name: Type.Optional(Text(200)),
    organisation: Type.Optional(Text(200)),
  }, { additionalProperties: false })),
  summary: Type.Optional(Text(4000)),
  // Verdicts of rule sets are results, not registrations; the person gives the identity number and birth date.
  facts: Type.Optional(Type.Unsafe<Record<string, unknown>>(caseFactsSchema(['identityNumber', 'birthDate', 'complex', 'needsChildCoordinator', 'intakeGroupCoordinator']) as never)),
  consent: Type.Optional(Type.Union([Type.Null(), Type.Object({
    consentGiven: Type.Boolean({ description: 'true: consent given; false: consent refused (an answer). Leave out consent altogether when it is not yet known: it is then requested.' }),
    ipDeclined: Type.Boolean(),
    scope: Type.Optional(Type.Array(Type.Union(CONSENT_SCOPES.map((c) => Type.Literal(c))), {
      uniqueItems: true,
      description: 'What a given consent covers. Default: coordinator, and individual-plan unless declined. information-sharing (to share with the intake group and the agencies involved) only when named.',
    })),
    givenBy: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('guardian'), Type.Literal('parent')])),
  }, { additionalProperties: false })])),
  language: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('nn')])),
  unit: Type.Optional(Text(100)),
}, { additionalProperties: false })

const CaseSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String(),
  route: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  receivedOn: Type.String(),
  deadline: Type.String(),
  unit: Type.String(),
  instanceKey: Type.Union([Type.String(), Type.Null()]),
  linkedCaseId: Type.Union([Type.String(), Type.Null()]),
  person: Type.Optional(Type.Object({ name: Type.String(), identityNumber: Type.String(), birthDate: Type.String() })),
  overdue: Type.Optional(Type.Boolean()),
}, Open)

const CASE_READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
const CASE_WRITERS = ['caseworker', 'admin'] as const

export interface CaseRouteOptions {
  /** Accept synthetic test identity numbers (demo and test installations). */
  allowSyntheticIdentities?: boolean
}

export async function caseRoutes(app: App, options: CaseRouteOptions) {
  const allowSyntheticIdentities = options.allowSyntheticIdentities ?? false

  app.post('/api/cases', {
    config: { roles: CASE_WRITERS },
    schema: {
      tags: ['cases'],
      summary: 'Register an enquiry (intake): validates it, links a duplicate to the open case, and starts the KE process',
      body: IntakeBody,
      response: { 201: Type.Object({ case: CaseSummary, linkedTo: Type.Union([Type.Null(), Type.Object({ id: Type.String(), reference: Type.String() })]) }), ...errorResponses(400, 503) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request)
    const result = await intake(app.db.sql, app.engine, request.body as never, principal, { allowSyntheticIdentities, now: app.engine.clock() })
    await recordCaseReads(app.db.sql, [result.case.id], { principal, purpose: 'POST /api/cases (intake)' })
    return reply.status(201).send({ case: present(result.case), linkedTo: result.linkedTo })
  })

  app.get('/api/cases', {
    config: { roles: CASE_READERS },
    schema: {
      tags: ['cases'],
      summary: 'Cases by status, route and deadline, open ones first, then earliest deadline; caseworkers see their own unit\'s (identity numbers masked)',
      querystring: Type.Object({
        status: Type.Optional(Type.Array(Type.Union(CASE_STATUSES.map((s) => Type.Literal(s))))),
        route: Type.Optional(Type.Union([Type.Literal('simple'), Type.Literal('complex')])),
        deadlineBefore: Type.Optional(Day),
        overdue: Type.Optional(Type.Boolean()),
        open: Type.Optional(Type.Boolean()),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const { limit = 50, offset = 0, status, route, deadlineBefore, overdue, open } = request.query
    const today = osloDate(app.engine.clock())
    const filter: CaseFilter = { status: status as CaseStatus[] | undefined, route, deadlineBefore, overdue: overdue ? { today } : undefined, open, limit, offset }
    // The same rule as for one case (GET /api/cases/{id}): the list never shows a case the reader could not open.
    if (!readsAllCases(principal)) filter.readable = readableCase(app.db.sql, principal)
    const page = await listCases(app.db.sql, filter)
    await recordCaseReads(app.db.sql, page.items.map((c) => c.id), { principal, purpose: 'GET /api/cases (list)' })
    // The intake group sees no one's identity in a case it discusses anonymously.
    const anonymous = new Set<string>()
    if (!knowsWhoInAnonymousCases(principal)) for (const c of page.items) if (await discussedAnonymously(app.db.sql, c.id)) anonymous.add(c.id)
    return {
      items: page.items.map((c) => ({
        ...present(c),
        ...(anonymous.has(c.id) ? { sender: { ...present(c).sender, name: null } } : {}),
        person: anonymous.has(c.id) ? { name: 'Anonym', identityNumber: '***********', birthDate: '' } : { name: c.personName, identityNumber: maskIdentityNumber(c.identityNumber), birthDate: c.birthDate },
        overdue: c.closedAt === null && c.deadline < today,
      })),
      total: page.total,
      limit,
      offset,
    }
  })

  app.post('/api/cases/search', {
    config: { roles: ['caseworker', 'auditor', 'admin'] },
    schema: {
      tags: ['cases'],
      summary: 'Cases found by identity number, case reference or a part of the person\'s name (sent in the body, so a number never appears in a URL or access log line); open cases first, at most 50',
      body: Type.Object({
        identityNumber: Type.Optional(Type.String({ pattern: '^[0-9]{11}$', description: 'A person\'s cases, with the number shown in full to those who may see it' })),
        query: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'KE-2026-00008, 11 digits, or a part of a name; identity numbers in the answer are masked' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(CaseSummary), kind: Type.Optional(Type.String({ description: 'What the query was read as: reference, identity-number or name' })) }), ...errorResponses(400) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const { identityNumber, query } = request.body
    if ((identityNumber === undefined) === (query === undefined)) {
      throw new SamflytError('SAMFLYT_VALIDATION', 'Give either identityNumber or query', [{ path: '/query', message: 'give either identityNumber or query, not both or neither' }])
    }
    if (query !== undefined) {
      if (!query.trim()) throw new SamflytError('SAMFLYT_VALIDATION', 'The query is empty', [{ path: '/query', message: 'is empty' }])
      const { kind, hits } = await searchCases(app.db.sql, principal, query)
      await recordCaseReads(app.db.sql, hits.map((h) => h.row.id), { principal, purpose: `POST /api/cases/search (${kind})` })
      return {
        kind,
        items: hits.map(({ row, person }) => ({ ...present(row), person: { name: person.name, identityNumber: maskIdentityNumber(person.identityNumber), birthDate: person.birthDate } })),
      }
    }
    const person = await findPersonByIdentity(app.db.sql, identityNumber!)
    if (!person) return { items: [] }
    const rows = (await app.db.sql<{ id: string }[]>`select id::text from cases where person_id = ${person.id} order by id`)
    const visible = []
    for (const { id } of rows) {
      const row = (await getCase(app.db.sql, id))!
      try {
        await checkCaseAccess(app.db.sql, principal, row)
        visible.push(row)
      } catch {
        // not this reader's case
      }
    }
    await recordCaseReads(app.db.sql, visible.map((c) => c.id), { principal, purpose: 'POST /api/cases/search', fullIdentity: seesFullIdentity(principal) })
    const shown = seesFullIdentity(principal) ? person.identityNumber : maskIdentityNumber(person.identityNumber)
    return { items: visible.map((c) => ({ ...present(c), person: { name: person.name, identityNumber: shown, birthDate: person.birthDate } })) }
  })

  app.post('/api/cases/duplicate-check', {
    config: { roles: CASE_WRITERS },
    schema: {
      tags: ['cases'],
      summary: 'Before an enquiry is registered: is the person known, and the open case it would be linked to (the number in the body, never a URL)',
      body: Type.Object({ identityNumber: Type.String({ pattern: '^[0-9]{11}$' }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          person: Type.Union([Type.Null(), Type.Object({ name: Type.String() })]),
          openCase: Type.Union([Type.Null(), Type.Object({ id: Type.String(), reference: Type.String(), status: Type.String(), receivedOn: Type.String(), unit: Type.String() })]),
        }),
        ...errorResponses(400),
      },
    },
  }, async (request) => {
    const check = await duplicateCheck(app.db.sql, request.body.identityNumber)
    const open = check.openCase
    if (open) await recordCaseReads(app.db.sql, [open.id], { principal: principalOf(request), purpose: 'POST /api/cases/duplicate-check (intake)' })
    return {
      person: check.person,
      openCase: open ? { id: open.id, reference: open.reference, status: open.status, receivedOn: open.receivedOn, unit: open.unit } : null,
    }
  })

  app.get('/api/cases/intake-settings', {
    config: { roles: CASE_WRITERS },
    schema: {
      tags: ['cases'],
      summary: 'What the one door checks an enquiry against: the server\'s date and whether synthetic test identity numbers are accepted',
      response: { 200: Type.Object({ now: Type.String({ format: 'date-time' }), today: Type.String({ format: 'date' }), allowSyntheticIdentities: Type.Boolean() }) },
    },
  }, async () => {
    const now = app.engine.clock()
    return { now: now.toISOString(), today: osloDate(now), allowSyntheticIdentities }
  })

  app.get('/api/cases/:id', {
    config: { roles: CASE_READERS },
    schema: {
      tags: ['cases'],
      summary: 'One case: its open tasks, the rules\' decisions and reasons, the decision, the coordinator, the intake group\'s outcome; the read is recorded',
      params: IdParams,
      querystring: Type.Object({
        purpose: Type.Optional(Type.String({ maxLength: 200, description: 'Why you read the case; recorded in the access log' })),
        masked: Type.Optional(Type.Boolean({ description: 'Identity numbers masked even for a reader who may see them (then shown with POST /api/cases/:id/identity and a reason)' })),
      }),
      response: { 200: CaseView, ...errorResponses(404) },
    },
  }, async (request) => {
    const purpose = `GET /api/cases/:id${request.query.purpose ? `: ${request.query.purpose}` : ''}`
    // Dates go out as ISO strings (the serializer writes a Date as such); the schema says strings.
    return (await readCase(app.db.sql, request.params.id, principalOf(request), purpose, { masked: request.query.masked === true })) as never
  })

  app.post('/api/cases/:id/identity', {
    config: { roles: CASE_WRITERS },
    schema: {
      tags: ['cases'],
      summary: 'The full identity numbers of the case\'s person and guardians, shown for a stated reason, which the access log records',
      params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 300, description: 'Why the number is needed, e.g. "Oppslag i Folkeregisteret"' }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ identityNumber: Type.String(), guardians: Type.Array(Type.Object({ id: Type.String(), identityNumber: Type.String() })) }),
        ...errorResponses(400, 404),
      },
    },
  }, async (request) => {
    const reason = request.body.reason.trim()
    if (reason.length < 3) throw new SamflytError('SAMFLYT_VALIDATION', 'Say why the number is needed', [{ path: '/reason', message: 'say why the number is needed (3 characters or more)' }])
    if (/\d{11}/.test(reason.replace(/\s/g, ''))) {
      throw new SamflytError('SAMFLYT_VALIDATION', 'The reason must not contain an identity number', [{ path: '/reason', message: 'must not contain an identity number' }])
    }
    return revealIdentity(app.db.sql, request.params.id, principalOf(request), reason)
  })

  app.post('/api/cases/:id/withdraw', {
    config: { roles: CASE_WRITERS },
    schema: {
      tags: ['cases'],
      summary: 'The person withdraws the enquiry: the case ends at whatever step it is, with the reason recorded',
      params: IdParams,
      body: Type.Object({ reason: Text(2000) }, { additionalProperties: false }),
      response: { 202: Type.Object({ id: Type.String(), withdrawn: Type.Boolean() }), ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request)
    const row = await getCase(app.db.sql, request.params.id)
    if (!row) throw notFound('Case', request.params.id)
    await checkCaseAccess(app.db.sql, principal, row)
    await withdrawCase(app.db.sql, app.engine, row, request.body.reason, principal.username)
    return reply.status(202).send({ id: row.id, withdrawn: true })
  })

  app.get('/api/cases/:id/access-log', {
    config: { roles: ['auditor', 'admin'] },
    schema: {
      tags: ['cases'],
      summary: 'Every read of the case: who, when, why, and whether the full identity number was shown',
      params: IdParams,
      response: { 200: Type.Array(Type.Object({ username: Type.String(), roles: Type.Array(Type.String()), purpose: Type.String(), fullIdentity: Type.Boolean(), at: Type.String({ format: 'date-time' }) })), ...errorResponses(404) },
    },
  }, async (request) => {
    if (!(await getCase(app.db.sql, request.params.id))) throw notFound('Case', request.params.id)
    return (await caseAccessLog(app.db.sql, request.params.id)).map((entry) => ({ ...entry, at: entry.at.toISOString() }))
  })
}
