// The auditors' routes of a case: whether its record is whole (integrity), its history in words
// (timeline), and the dossier for the county governor (export). Each is a read of the case,
// recorded in its access log with the purpose the reader stated.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { openCaseFor } from '../../audit/case-access.js'
import { verifyCase } from '../../audit/verify.js'
import { createHash } from 'node:crypto'
import { notFound } from '../../errors.js'
import { buildDossier } from '../../audit/dossier/dossier.js'
import { renderDossierPdf } from '../../audit/dossier/pdf.js'
import { buildTimeline } from '../../audit/timeline/build.js'
import { casePath } from '../../audit/timeline/path.js'
import { CasePath, IntegrityReport, Timeline } from './audit-schemas.js'

const READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
/** The dossier holds the access log, which only these read (as GET /api/cases/:id/access-log). */
const EXPORTERS = ['auditor', 'admin'] as const
const Dossier = {
  description: 'The dossier, with its SHA-256 in the X-Checksum-Sha256 and Content-Digest headers',
  content: {
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
    'application/json': { schema: { type: 'object', additionalProperties: true } },
  },
}
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

  app.get('/api/cases/:id/dossier', {
    config: { roles: EXPORTERS },
    schema: {
      tags: ['audit'],
      summary: 'The whole dossier for the county governor (timeline, decisions and reasons, letters, access log, integrity status) as one PDF in the case\'s language or as JSON, with its SHA-256',
      params: IdParams,
      querystring: Type.Object({
        format: Type.Union([Type.Literal('pdf'), Type.Literal('json')], { description: 'pdf or json' }),
        lang: Lang,
        purpose: purposeField(true),
      }, { additionalProperties: false }),
      response: { 200: Dossier, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request)
    const { format, purpose } = request.query
    const row = await openCaseFor(app.db.sql, principal, request.params.id, `GET /api/cases/:id/dossier (${format})`, purpose)
    const lang = request.query.lang ?? row.language
    const dossier = await buildDossier({ sql: app.db.sql, model: (key) => app.engine.model(key) }, row, lang, { username: principal.username, roles: [...principal.roles] }, purpose, app.engine.clock())
    const body = format === 'pdf' ? await renderDossierPdf(dossier) : Buffer.from(JSON.stringify(dossier, null, 2), 'utf8')
    const digest = createHash('sha256').update(body)
    return reply
      .header('content-type', format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${row.reference}-saksmappe.${format}"`)
      .header('x-checksum-sha256', digest.copy().digest('hex'))
      .header('content-digest', `sha-256=:${digest.digest('base64')}:`)
      .send(body)
  })

  app.get('/api/cases/:id/path', {
    config: { roles: READERS },
    schema: {
      tags: ['audit'],
      summary: 'The path the case took, to draw on its diagrams: for each of its instances the exact BPMN it ran, visits per element, flows taken, where it stands, open incidents, cancelled branches',
      params: IdParams,
      querystring: Type.Object({ purpose: purposeField(true) }, { additionalProperties: false }),
      response: { 200: CasePath, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const row = await openCaseFor(app.db.sql, principalOf(request), request.params.id, 'GET /api/cases/:id/path', request.query.purpose)
    return { caseId: row.id, instances: row.instanceKey ? await casePath(app.db.sql, row.instanceKey) : [] }
  })
}
