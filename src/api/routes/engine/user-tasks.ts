// The task list: user tasks to find, claim, unclaim and complete.
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { notFound } from '../../../errors.js'
import { getUserTask, listUserTasks } from '../../../engine/store/user-tasks.js'
import type { Variables } from '../../../engine/types.js'
import { KeyParams, Page, UserTask, VariablesSchema } from './schemas.js'
import { presentTask } from './present.js'

const WORKERS = ['caseworker', 'intake-group', 'coordinator', 'admin'] as const
const READERS = [...WORKERS, 'auditor', 'process-owner'] as const

export async function userTaskRoutes(app: App) {
  app.get('/api/user-tasks', {
    config: { roles: READERS },
    schema: {
      tags: ['tasks'],
      summary: 'User tasks, highest priority and earliest due first',
      querystring: Type.Object({
        state: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('completed'), Type.Literal('cancelled')])),
        assignee: Type.Optional(Type.String()),
        candidateGroup: Type.Optional(Type.Array(Type.String())),
        candidateUser: Type.Optional(Type.String()),
        processId: Type.Optional(Type.String()),
        instanceKey: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
        ...Page,
      }),
      response: { 200: Type.Object({ items: Type.Array(UserTask), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }) },
    },
  }, async (request) => {
    const { candidateGroup, limit = 50, offset = 0, ...filter } = request.query
    const page = await listUserTasks(app.db.sql, { ...filter, candidateGroups: candidateGroup, limit, offset })
    return { items: page.items.map(presentTask), total: page.total, limit, offset }
  })

  app.get('/api/user-tasks/:key', {
    config: { roles: READERS },
    schema: { tags: ['tasks'], summary: 'One user task', params: KeyParams, response: { 200: UserTask, ...errorResponses(404) } },
  }, async (request) => {
    const task = await getUserTask(app.db.sql, request.params.key)
    if (!task) throw notFound('User task', request.params.key)
    return presentTask(task)
  })

  app.post('/api/user-tasks/:key/claim', {
    config: { roles: WORKERS },
    schema: { tags: ['tasks'], summary: 'Claim a task for yourself', params: KeyParams, response: { 200: UserTask, ...errorResponses(404, 409) } },
  }, async (request) => {
    const user = principalOf(request).username
    return presentTask(await app.engine.assignUserTask(request.params.key, user, user))
  })

  app.post('/api/user-tasks/:key/unclaim', {
    config: { roles: WORKERS },
    schema: { tags: ['tasks'], summary: 'Give a claimed task back (your own; admins any)', params: KeyParams, response: { 200: UserTask, ...errorResponses(404, 409) } },
  }, async (request) => {
    const principal = principalOf(request)
    return presentTask(await app.engine.assignUserTask(request.params.key, null, principal.username, { force: principal.roles.includes('admin') }))
  })

  app.post('/api/user-tasks/:key/complete', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Complete a task with the submitted variables; a task claimed by someone else gets 409',
      params: KeyParams,
      body: Type.Object({ variables: Type.Optional(VariablesSchema) }, { additionalProperties: false }),
      response: { 200: UserTask, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    await app.engine.completeUserTask(request.params.key, (request.body.variables ?? {}) as Variables, principalOf(request).username)
    return presentTask((await getUserTask(app.db.sql, request.params.key))!)
  })
}
