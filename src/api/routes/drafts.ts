// Drafts of a task's form, per task and person: saved as the person types, read back when the
// task is opened again (after a reload or a lost session), removed when they are done with it.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { SamflytError, notFound } from '../../errors.js'
import { getUserTask } from '../../engine/store/user-tasks.js'
import { checkTaskRead, checkTaskWork } from './engine/task-access.js'
import { KeyParams, VariablesSchema } from './engine/schemas.js'
import { deleteDraft, getDraft, saveDraft } from '../../tasklist/drafts.js'

const WORKERS = ['caseworker', 'intake-group', 'coordinator', 'admin'] as const
const DraftBody = Type.Object({ variables: VariablesSchema, updatedAt: Type.String({ format: 'date-time' }) })

export async function draftRoutes(app: App) {
  async function openTask(key: string) {
    const task = await getUserTask(app.db.sql, key)
    if (!task) throw notFound('User task', key)
    return task
  }

  app.get('/api/user-tasks/:key/draft', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Your draft of the task\'s form (404 when you have none)',
      params: KeyParams,
      response: { 200: DraftBody, ...errorResponses(404) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const task = await openTask(request.params.key)
    checkTaskRead(task, principal)
    const draft = await getDraft(app.db.sql, task.key, principal.username)
    if (!draft || task.state !== 'created') throw notFound('Draft of user task', task.key)
    return { variables: draft.variables, updatedAt: draft.updatedAt.toISOString() }
  })

  app.put('/api/user-tasks/:key/draft', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Save what you have typed into the task\'s form so far (not validated: it is not submitted)',
      params: KeyParams,
      body: Type.Object({ variables: VariablesSchema }, { additionalProperties: false }),
      response: { 200: DraftBody, ...errorResponses(400, 403, 404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const task = await openTask(request.params.key)
    checkTaskWork(task, principal)
    if (task.state !== 'created') throw new SamflytError('SAMFLYT_CONFLICT', `User task ${task.key} is ${task.state}; there is nothing to draft`)
    const draft = await saveDraft(app.db.sql, task.key, principal.username, request.body.variables as Record<string, unknown>)
    return { variables: draft.variables, updatedAt: draft.updatedAt.toISOString() }
  })

  app.delete('/api/user-tasks/:key/draft', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Throw away your draft of the task\'s form',
      params: KeyParams,
      response: { 204: Type.Null(), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request)
    const task = await openTask(request.params.key)
    checkTaskRead(task, principal)
    await deleteDraft(app.db.sql, task.key, principal.username)
    return reply.code(204).send(null)
  })
}
