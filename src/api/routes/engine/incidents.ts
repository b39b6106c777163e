// Incidents: what is stuck, and resolving it (which retries the step).
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { getIncident, listIncidents } from '../../../engine/store/incidents.js'
import { Incident, KeyParams, Page } from './schemas.js'
import { presentIncident } from './present.js'

export async function incidentRoutes(app: App) {
  app.get('/api/incidents', {
    config: { roles: ['process-owner', 'admin', 'auditor', 'caseworker'] },
    schema: {
      tags: ['engine'],
      summary: 'Incidents, newest first',
      querystring: Type.Object({
        state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('resolved')])),
        instanceKey: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
        ...Page,
      }),
      response: { 200: Type.Array(Incident) },
    },
  }, async (request) => {
    const { limit = 50, offset = 0, ...filter } = request.query
    return (await listIncidents(app.db.sql, { ...filter, limit, offset })).map(presentIncident)
  })

  app.post('/api/incidents/:key/resolve', {
    config: { roles: ['process-owner', 'admin'] },
    schema: {
      tags: ['engine'],
      summary: 'Resolve an incident: the failed step runs again with the variables as they are now',
      params: KeyParams,
      response: { 200: Incident, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    await app.engine.resolveIncident(request.params.key, principalOf(request).username)
    return presentIncident((await getIncident(app.db.sql, request.params.key))!)
  })
}
