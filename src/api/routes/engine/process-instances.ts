// Starting, reading and cancelling process instances, and their history.
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { notFound } from '../../../errors.js'
import { childrenOf, getInstance } from '../../../engine/store/instances.js'
import { listIncidents } from '../../../engine/store/incidents.js'
import { readHistory } from '../../../engine/store/history.js'
import type { Variables } from '../../../engine/types.js'
import { HistoryEntry, Instance, KeyParams, VariablesSchema } from './schemas.js'
import { presentHistory, presentInstance } from './present.js'

const STARTERS = ['caseworker', 'process-owner', 'admin'] as const
const READERS = ['caseworker', 'intake-group', 'process-owner', 'auditor', 'admin'] as const

export async function processInstanceRoutes(app: App) {
  async function present(key: string) {
    const row = await getInstance(app.db.sql, key)
    if (!row) throw notFound('Process instance', key)
    const incidents = await listIncidents(app.db.sql, { instanceKey: key, state: 'active', limit: 100, offset: 0 })
    return presentInstance(row, incidents, await childrenOf(app.db.sql, key))
  }

  app.post('/api/process-instances', {
    config: { roles: STARTERS },
    schema: {
      tags: ['engine'],
      summary: 'Start an instance of a deployed process (the latest version unless one is named)',
      body: Type.Object({
        bpmnProcessId: Type.String({ minLength: 1 }),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        variables: Type.Optional(VariablesSchema),
        businessKey: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 201: Instance, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const { bpmnProcessId, version, variables, businessKey } = request.body
    const { key } = await app.engine.startInstance({ processId: bpmnProcessId, version, variables: variables as Variables, businessKey }, principalOf(request).username)
    return reply.status(201).send(await present(key))
  })

  app.get('/api/process-instances/:key', {
    config: { roles: READERS },
    schema: { tags: ['engine'], summary: 'An instance: state, active elements, variables, open incidents', params: KeyParams, response: { 200: Instance, ...errorResponses(404) } },
  }, async (request) => present(request.params.key))

  app.post('/api/process-instances/:key/cancel', {
    config: { roles: ['process-owner', 'admin'] },
    schema: { tags: ['engine'], summary: 'Cancel an active instance and the instances it called (an instance a call activity started is refused with 409: cancel its root)', params: KeyParams, response: { 200: Instance, ...errorResponses(404, 409) } },
  }, async (request) => {
    await app.engine.cancelInstance(request.params.key, principalOf(request).username)
    return present(request.params.key)
  })

  app.post('/api/process-instances/:key/variables', {
    config: { roles: ['process-owner', 'admin'] },
    schema: {
      tags: ['engine'],
      summary: 'Set variables on the process scope, e.g. to fix the cause of an incident before resolving it',
      params: KeyParams,
      body: Type.Object({ variables: VariablesSchema }, { additionalProperties: false }),
      response: { 200: Instance, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    await app.engine.setVariables(request.params.key, request.body.variables as Variables, principalOf(request).username)
    return present(request.params.key)
  })

  app.get('/api/process-instances/:key/history', {
    config: { roles: READERS },
    schema: {
      tags: ['engine'],
      summary: 'Everything that happened to an instance, in order, with who did it',
      params: KeyParams,
      querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }),
      response: { 200: Type.Array(HistoryEntry), ...errorResponses(404) },
    },
  }, async (request) => {
    if (!(await getInstance(app.db.sql, request.params.key))) throw notFound('Process instance', request.params.key)
    return (await readHistory(app.db.sql, request.params.key, request.query.after ?? 0, request.query.limit ?? 1000)).map(presentHistory)
  })
}
