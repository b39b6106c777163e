// The caseworkers' tasklist: open tasks by queue (mine, my groups', unassigned) with filters,
// sorting, counts per queue and paging, for the web app's /oppgaver.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { taskViewer } from './engine/task-access.js'
import { QUEUES, SORTS, listQueue } from '../../tasklist/queues.js'

const WORKERS = ['caseworker', 'intake-group', 'coordinator', 'admin'] as const
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)))

const QueueTask = Type.Object({
  key: Type.String(),
  instanceKey: Type.String(),
  processId: Type.String(),
  elementId: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  assignee: Type.Union([Type.String(), Type.Null()]),
  candidateGroups: Type.Array(Type.String()),
  dueDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  priority: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  caseReference: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
})

const Counts = Type.Object({ mine: Type.Integer(), groups: Type.Integer(), unassigned: Type.Integer() })

export async function tasklistRoutes(app: App) {
  app.get('/api/tasklist', {
    config: { roles: WORKERS },
    schema: {
      tags: ['tasks'],
      summary: 'Open tasks in a queue (mine, my groups\', unassigned), filtered, sorted and paged, with the count of each queue',
      description: 'Only tasks the caller may work on (see GET /api/user-tasks); admins see all. The counts apply the same filters. `kinds` lists the processes and tasks among the visible open tasks, for filter choices.',
      querystring: Type.Object({
        queue: Type.Optional(literals(QUEUES)),
        processId: Type.Optional(Type.String({ maxLength: 200 })),
        elementId: Type.Optional(Type.String({ maxLength: 200 })),
        caseReference: Type.Optional(Type.String({ maxLength: 40, description: 'Part of a case reference, e.g. KE-2026-0004' })),
        dueBy: Type.Optional(Type.String({ format: 'date', description: 'Due on or before this date (Norwegian time)' })),
        overdue: Type.Optional(Type.Boolean()),
        sort: Type.Optional(literals(SORTS)),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(QueueTask),
          total: Type.Integer(),
          counts: Counts,
          kinds: Type.Array(Type.Object({ processId: Type.String(), elementId: Type.String(), name: Type.Union([Type.String(), Type.Null()]), count: Type.Integer() })),
          limit: Type.Integer(),
          offset: Type.Integer(),
        }),
        ...errorResponses(400),
      },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const { queue = 'mine', sort = 'due', limit = 25, offset = 0, ...filters } = request.query
    const page = await listQueue(app.db.sql, principal.username, taskViewer(principal), { ...filters, queue, sort, limit, offset }, app.engine.clock())
    return {
      ...page,
      items: page.items.map((task) => ({ ...task, dueDate: task.dueDate?.toISOString() ?? null, createdAt: task.createdAt.toISOString() })),
      limit,
      offset,
    }
  })
}
