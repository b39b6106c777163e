// Starting, reading and cancelling process instances, and their history. An instance of a case
// is case data (src/cases/case-access-instances.ts): only those who may read the case see it whole
// (and the read is recorded), process owners see it without variables, anyone else gets 404.
// The KE casework's own processes are started, changed and ended through the cases routes only
// (src/cases/case-access-domain.ts).
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { SamflytError, notFound } from '../../../errors.js'
import type { Principal } from '../../../auth/roles.js'
import { childrenOf, getInstance } from '../../../engine/store/instances.js'
import { listIncidents } from '../../../engine/store/incidents.js'
import { readHistory } from '../../../engine/store/history.js'
import type { Variables } from '../../../engine/types.js'
import { checkNamedCases, instanceAccess, recordInstanceReads, type InstanceAccess } from '../../../cases/case-access-instances.js'
import { checkChangeAllowed, checkStartAllowed } from '../../../cases/case-access-domain.js'
import { HistoryEntry, Instance, KeyParams, VariablesSchema } from './schemas.js'
import { presentHistory, presentInstance } from './present.js'

const STARTERS = ['caseworker', 'process-owner', 'admin'] as const
const READERS = ['caseworker', 'intake-group', 'process-owner', 'auditor', 'admin'] as const
const CASE_DATA = ' An instance of a case is shown only to those who may read the case (others get 404, as for the case), process owners without its variables (withheld); the read goes into the case\'s access log.'

export async function processInstanceRoutes(app: App) {
  /** What this reader may see of the instance: 404 when it does not exist or belongs to a case they may not read. */
  async function accessTo(key: string, principal: Principal): Promise<InstanceAccess> {
    const access = await instanceAccess(app.db.sql, principal, key)
    if (access.mode === 'hidden') throw notFound('Process instance', key)
    return access
  }

  async function present(key: string, access: InstanceAccess, principal: Principal, purpose: string) {
    const row = await getInstance(app.db.sql, key)
    if (!row) throw notFound('Process instance', key)
    const incidents = await listIncidents(app.db.sql, { instanceKey: key, state: 'active', limit: 100, offset: 0 })
    await recordInstanceReads(app.db.sql, principal, [access], purpose)
    return presentInstance(row, incidents, await childrenOf(app.db.sql, key), access.mode === 'withheld')
  }

  app.post('/api/process-instances', {
    config: { roles: STARTERS },
    schema: {
      tags: ['engine'],
      summary: 'Start an instance of a deployed process (the latest version unless one is named)',
      description: 'The KE casework\'s processes (ke-sak and what it calls) are refused with 403: a case is started by registering an enquiry (POST /api/cases).',
      body: Type.Object({
        bpmnProcessId: Type.String({ minLength: 1 }),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        variables: Type.Optional(VariablesSchema),
        businessKey: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 201: Instance, ...errorResponses(400, 403, 404) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request)
    const { bpmnProcessId, version, variables, businessKey } = request.body
    await checkStartAllowed(app.db.sql, app.engine, bpmnProcessId)
    await checkNamedCases(app.db.sql, principal, businessKey, variables)
    const { key } = await app.engine.startInstance({ processId: bpmnProcessId, version, variables: variables as Variables, businessKey }, principal.username)
    // Variables or a business key may name a case: then what was just started is that case's data.
    return reply.status(201).send(await present(key, await accessTo(key, principal), principal, 'POST /api/process-instances'))
  })

  app.get('/api/process-instances/:key', {
    config: { roles: READERS },
    schema: { tags: ['engine'], summary: 'An instance: state, active elements, variables, open incidents', description: CASE_DATA, params: KeyParams, response: { 200: Instance, ...errorResponses(404) } },
  }, async (request) => {
    const principal = principalOf(request)
    return present(request.params.key, await accessTo(request.params.key, principal), principal, 'GET /api/process-instances/:key')
  })

  app.post('/api/process-instances/:key/cancel', {
    config: { roles: ['process-owner', 'admin'] },
    schema: {
      tags: ['engine'],
      summary: 'Cancel an active instance and the instances it called (an instance a call activity started is refused with 409: cancel its root)',
      description: 'An instance of the KE casework\'s processes is refused with 403: withdraw its case (POST /api/cases/{id}/withdraw).',
      params: KeyParams,
      response: { 200: Instance, ...errorResponses(403, 404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const access = await accessTo(request.params.key, principal)
    await checkChangeAllowed(app.db.sql, app.engine, request.params.key, 'cancel')
    await app.engine.cancelInstance(request.params.key, principal.username)
    return present(request.params.key, access, principal, 'POST /api/process-instances/:key/cancel')
  })

  app.post('/api/process-instances/:key/variables', {
    config: { roles: ['process-owner', 'admin'] },
    schema: {
      tags: ['engine'],
      summary: 'Set variables on the process scope, e.g. to fix the cause of an incident before resolving it',
      description: 'An instance of the KE casework\'s processes is refused with 403: its variables change through its tasks\' forms. An instance of a case you may not read is 404.',
      params: KeyParams,
      body: Type.Object({ variables: VariablesSchema }, { additionalProperties: false }),
      response: { 200: Instance, ...errorResponses(400, 403, 404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const access = await accessTo(request.params.key, principal)
    await checkChangeAllowed(app.db.sql, app.engine, request.params.key, 'variables')
    // Writing into a case's instance needs the right to read that case, not only to oversee it.
    if (access.mode === 'withheld') throw new SamflytError('SAMFLYT_FORBIDDEN', `Process instance ${request.params.key} belongs to a case you may not read; you may not set its variables`)
    await checkNamedCases(app.db.sql, principal, undefined, request.body.variables)
    await app.engine.setVariables(request.params.key, request.body.variables as Variables, principal.username)
    return present(request.params.key, access, principal, 'POST /api/process-instances/:key/variables')
  })

  app.get('/api/process-instances/:key/history', {
    config: { roles: READERS },
    schema: {
      tags: ['engine'],
      summary: 'Everything that happened to an instance, in order, with who did it',
      description: `${CASE_DATA} Withheld entries keep their type, element, actor and time, without data.`,
      params: KeyParams,
      querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }),
      response: { 200: Type.Array(HistoryEntry), ...errorResponses(404) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    if (!(await getInstance(app.db.sql, request.params.key))) throw notFound('Process instance', request.params.key)
    const access = await accessTo(request.params.key, principal)
    const rows = await readHistory(app.db.sql, request.params.key, request.query.after ?? 0, request.query.limit ?? 1000)
    await recordInstanceReads(app.db.sql, principal, [access], 'GET /api/process-instances/:key/history')
    return rows.map((row) => presentHistory(row, access.mode === 'withheld'))
  })
}
