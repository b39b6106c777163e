// The task list: user tasks to find, claim, unclaim and complete. A task of a case is case data:
// only those who may read the case see it (process owners without its variables), and every
// answer that shows one whole is recorded in the case's access log.
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { notFound } from '../../../errors.js'
import { getUserTask, listUserTasks } from '../../../engine/store/user-tasks.js'
import type { Variables } from '../../../engine/types.js'
import { KeyParams, Page, UserTask, VariablesSchema } from './schemas.js'
import { presentTask } from './present.js'
import { checkSubmission } from '../../../forms/submission.js'
import { completeWithLetterApproval } from '../../../letters/approval.js'
import { checkTaskRead, checkTaskWork, taskScope, taskViewer } from './task-access.js'
import { instanceAccessAll, recordInstanceReads, type InstanceAccess } from '../../../cases/case-access-instances.js'
import type { Principal } from '../../../auth/roles.js'

const WORKERS = ['caseworker', 'intake-group', 'coordinator', 'admin'] as const
const READERS = [...WORKERS, 'auditor', 'process-owner'] as const

export async function userTaskRoutes(app: App) {
  app.get('/api/user-tasks', {
    config: { roles: READERS },
    schema: {
      tags: ['tasks'],
      summary: 'User tasks, highest priority and earliest due first',
      description: 'A caseworker, intake-group member or coordinator sees the tasks meant for them: assigned to them, naming them as a candidate user, naming one of their roles as a candidate group, or naming nobody. Admins, auditors and process owners see all. A task of a case is listed only to those who may read the case (GET /api/cases/{id}); process owners see such tasks without their variables (withheld). The cases whose tasks are shown record the read.',
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
    const principal = principalOf(request)
    const { candidateGroup, limit = 50, offset = 0, ...filter } = request.query
    const page = await listUserTasks(app.db.sql, { ...filter, candidateGroups: candidateGroup, visibleTo: taskViewer(principal), scope: taskScope(app.db.sql, principal), limit, offset })
    const access = await instanceAccessAll(app.db.sql, principal, page.items.map((task) => task.instanceKey))
    // The scope already left out what the principal may not see at all; `hidden` cannot reach here.
    const items = page.items.filter((task) => access.get(task.instanceKey)!.mode !== 'hidden')
    await recordInstanceReads(app.db.sql, principal, items.map((task) => access.get(task.instanceKey)!), 'GET /api/user-tasks (list)')
    return { items: items.map((task) => presentTask(task, access.get(task.instanceKey)!.mode === 'withheld')), total: page.total, limit, offset }
  })

  app.get('/api/user-tasks/:key', {
    config: { roles: READERS },
    schema: { tags: ['tasks'], summary: 'One user task', params: KeyParams, response: { 200: UserTask, ...errorResponses(404) } },
  }, async (request) => {
    const principal = principalOf(request)
    const task = await existingTask(request.params.key)
    const access = await checkTaskRead(app.db.sql, task, principal)
    return shown(task, access, principal, 'GET /api/user-tasks/:key')
  })

  app.post('/api/user-tasks/:key/claim', {
    config: { roles: WORKERS },
    schema: { tags: ['tasks'], summary: 'Claim a task for yourself', params: KeyParams, response: { 200: UserTask, ...errorResponses(403, 404, 409) } },
  }, async (request) => {
    const principal = principalOf(request)
    const access = await checkTaskWork(app.db.sql, await existingTask(request.params.key), principal)
    return shown(await app.engine.assignUserTask(request.params.key, principal.username, principal.username), access, principal, 'POST /api/user-tasks/:key/claim')
  })

  app.post('/api/user-tasks/:key/unclaim', {
    config: { roles: WORKERS },
    schema: { tags: ['tasks'], summary: 'Give a claimed task back (your own; admins any)', params: KeyParams, response: { 200: UserTask, ...errorResponses(403, 404, 409) } },
  }, async (request) => {
    const principal = principalOf(request)
    const access = await checkTaskWork(app.db.sql, await existingTask(request.params.key), principal)
    return shown(await app.engine.assignUserTask(request.params.key, null, principal.username, { force: principal.roles.includes('admin') }), access, principal, 'POST /api/user-tasks/:key/unclaim')
  })

  app.post('/api/user-tasks/:key/complete', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Complete a task with the submitted variables; a task claimed by someone else gets 409',
      description: "The variables are validated against the task's form first (GET /api/user-tasks/{key}/form): a submission that breaks it gets 400 SAMFLYT_VALIDATION with one detail per field problem ({path: the field key, code, message in Norwegian}); nothing is written and the task stays open. A letter-approval task (form id ke-letter-approval) must be completed by someone other than whoever assessed the case (four eyes): the assessor gets 403, and 409 when no assessment is recorded; completing it with letterApproval \"approved\" approves the letter (the variable letterId, else the newest draft).",
      params: KeyParams,
      body: Type.Object({ variables: Type.Optional(VariablesSchema) }, { additionalProperties: false }),
      response: { 200: UserTask, ...errorResponses(400, 403, 404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const actor = principal.username
    const variables = (request.body.variables ?? {}) as Variables
    // The submission must match the task's form (deployed, or generated from its outputs) before
    // anything is written. A task that is closed or held by someone else is the engine's 409.
    const task = await existingTask(request.params.key)
    const access = await checkTaskWork(app.db.sql, task, principal)
    if (task.state === 'created' && (!task.assignee || task.assignee === actor)) await checkSubmission(app.db.sql, app.engine, task, variables)
    // A letter-approval task: four eyes first (403/409), and its letter approved with it.
    const complete = () => app.engine.completeUserTask(request.params.key, variables, actor)
    if (task.state === 'created' && (!task.assignee || task.assignee === actor)) await completeWithLetterApproval(app.db.sql, task, variables, actor, new Date(), complete)
    else await complete()
    return shown((await getUserTask(app.db.sql, request.params.key))!, access, principal, 'POST /api/user-tasks/:key/complete')
  })

  /** The task as this reader may see it; a read of a case's task whole goes into its access log. */
  async function shown(task: Parameters<typeof presentTask>[0], access: InstanceAccess, principal: Principal, purpose: string) {
    await recordInstanceReads(app.db.sql, principal, [access], purpose)
    return presentTask(task, access.mode === 'withheld')
  }

  async function existingTask(key: string) {
    const task = await getUserTask(app.db.sql, key)
    if (!task) throw notFound('User task', key)
    return task
  }
}
