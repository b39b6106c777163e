// The auditors' routes of a case: whether its record is whole (integrity), its history in words
// (timeline), and the dossier for the county governor (export). Each is a read of the case,
// recorded in its access log with the purpose the reader stated.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { openCaseFor } from '../../audit/case-access.js'
import { verifyCase } from '../../audit/verify.js'
import { notFound } from '../../errors.js'
import { buildTimeline } from '../../audit/timeline/build.js'
import { IntegrityReport, Timeline } from './audit-schemas.js'

const READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'A case id' }) })
const Lang = Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('nn')], { description: 'Bokmål or nynorsk; the case\'s own language when left out' }))
const purposeField = (required: boolean) => {
  const schema = Type.String({ minLength: 3, maxLength: 200, description: 'Why you read the case; recorded in its access log' })
  return required ? schema : Type.Optional(schema)
}

export async function auditRoutes(app: App) {
  app.get('/api/cases/:id/integrity', {
    config: { roles: READERS },
    schema: {
      tags: ['audit'],
      summary: 'Verifies every hash chain of the case (the history of each of its instances, its access log) and their seals; names the first row that does not match',
      params: IdParams,
      querystring: Type.Object({ purpose: purposeField(false) }, { additionalProperties: false }),
      response: { 200: IntegrityReport, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    await openCaseFor(app.db.sql, principalOf(request), request.params.id, 'GET /api/cases/:id/integrity', request.query.purpose)
    const result = await verifyCase(app.db.sql, request.params.id, app.engine.clock())
    if (!result) throw notFound('Case', request.params.id)
    return result
  })

  app.get('/api/cases/:id/timeline', {
    config: { roles: READERS },
    schema: {
      tags: ['audit'],
      summary: 'The case\'s history in words (nb/nn): who did each step, when and what they entered, what the municipality did, decisions with their reasons, letters, deadlines; the read is recorded with its purpose',
      params: IdParams,
      querystring: Type.Object({ lang: Lang, purpose: purposeField(true) }, { additionalProperties: false }),
      response: { 200: Timeline, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const row = await openCaseFor(app.db.sql, principalOf(request), request.params.id, 'GET /api/cases/:id/timeline', request.query.purpose)
    const lang = request.query.lang ?? row.language
    const entries = await buildTimeline({ sql: app.db.sql, model: (key) => app.engine.model(key) }, row, lang)
    return { caseId: row.id, reference: row.reference, language: lang, entries }
  })
}
