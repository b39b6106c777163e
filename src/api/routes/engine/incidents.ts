// Incidents: what is stuck, and resolving it (which retries the step). An incident holds no case
// data (its element, type and a technical message), so those who oversee the processes (process
// owners, admins, auditors) see every one; a caseworker sees those of the cases they may read and
// of instances that belong to no case.
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { getIncident, listIncidents } from '../../../engine/store/incidents.js'
import { Incident, KeyParams, Page } from './schemas.js'
import { presentIncident } from './present.js'
import { readableInstance } from '../../../cases/case-access-instances.js'
import type { Principal } from '../../../auth/roles.js'

const OVERSEERS = ['process-owner', 'admin', 'auditor']
const oversees = (principal: Principal) => principal.roles.some((role) => OVERSEERS.includes(role))

export async function incidentRoutes(app: App) {
  app.get('/api/incidents', {
    config: { roles: ['process-owner', 'admin', 'auditor', 'caseworker'] },
    schema: {
      tags: ['engine'],
      summary: 'Incidents, newest first',
      description: 'Process owners, admins and auditors see every incident; a caseworker those of instances that belong to no case or to a case they may read.',
      querystring: Type.Object({
        state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('resolved')])),
        instanceKey: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
        ...Page,
      }),
      response: { 200: Type.Array(Incident) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const { limit = 50, offset = 0, ...filter } = request.query
    const scope = oversees(principal) ? undefined : readableInstance(app.db.sql, principal, app.db.sql`incidents.instance_key`)
    return (await listIncidents(app.db.sql, { ...filter, scope, limit, offset })).map(presentIncident)
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
    // Retrying a step changes no case data; both roles oversee every incident.
    await app.engine.resolveIncident(request.params.key, principalOf(request).username)
    return presentIncident((await getIncident(app.db.sql, request.params.key))!)
  })
}
