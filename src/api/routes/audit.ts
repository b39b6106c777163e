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
import { IntegrityReport } from './audit-schemas.js'

const READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'A case id' }) })
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
}
