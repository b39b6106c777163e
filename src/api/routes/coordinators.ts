// The coordinator register: the KE (caseworkers and admins) maintains it; the intake group,
// coordinators and auditors read it.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { errorResponses } from '../schemas.js'
import { notFound } from '../../errors.js'
import { checkCoordinator, checkUsernameFree, getCoordinator, insertCoordinator, listCoordinators, updateCoordinator } from '../../cases/coordinators.js'
import { osloDate } from '../../cases/deadlines.js'

const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,10}$' }) })
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Nullable = <T extends ReturnType<typeof Text>>(t: T) => Type.Union([t, Type.Null()])

const fields = {
  name: Text(200),
  unit: Text(100),
  profession: Text(100),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(Nullable(Text(40))),
  username: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9._@-]{2,64}$' }))),
  trainingCompleted: Type.Boolean(),
  trainedOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  childCoordinatorQualified: Type.Boolean(),
  capacity: Type.Integer({ minimum: 0, maximum: 200 }),
  active: Type.Optional(Type.Boolean()),
}

const Coordinator = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  profession: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  trainingCompleted: Type.Boolean(),
  trainedOn: Type.Union([Type.String(), Type.Null()]),
  childCoordinatorQualified: Type.Boolean(),
  capacity: Type.Integer(),
  currentLoad: Type.Integer({ description: 'Open cases the coordinator is appointed to' }),
  active: Type.Boolean(),
})

const READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
/** The KE keeps the register: its caseworkers appoint, train and follow up the coordinators. */
const KEEPERS = ['caseworker', 'admin'] as const
const RULES = 'A training date is not in the future, and is given only when the training is completed.'

export async function coordinatorRoutes(app: App) {
  app.get('/api/coordinators', {
    config: { roles: READERS },
    schema: {
      tags: ['coordinators'],
      summary: 'The coordinator register, with each coordinator\'s current load',
      querystring: Type.Object({ active: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Array(Coordinator) },
    },
  }, async (request) => listCoordinators(app.db.sql, { activeOnly: request.query.active === true }))

  app.get('/api/coordinators/:id', {
    config: { roles: READERS },
    schema: { tags: ['coordinators'], summary: 'One coordinator', params: IdParams, response: { 200: Coordinator, ...errorResponses(404) } },
  }, async (request) => {
    const row = await getCoordinator(app.db.sql, request.params.id)
    if (!row) throw notFound('Coordinator', request.params.id)
    return row
  })

  app.post('/api/coordinators', {
    config: { roles: KEEPERS },
    schema: {
      tags: ['coordinators'],
      summary: 'Add a coordinator to the register',
      description: RULES,
      body: Type.Object(fields, { additionalProperties: false }),
      response: { 201: Coordinator, ...errorResponses(400, 409) },
    },
  }, async (request, reply) => {
    checkCoordinator(request.body, osloDate(app.engine.clock()))
    await checkUsernameFree(app.db.sql, request.body.username, null)
    return reply.status(201).send(await insertCoordinator(app.db.sql, request.body))
  })

  app.patch('/api/coordinators/:id', {
    config: { roles: KEEPERS },
    schema: {
      tags: ['coordinators'],
      summary: 'Change a coordinator (training, capacity, qualification, active)',
      description: `${RULES} The rules apply to the coordinator as changed.`,
      params: IdParams,
      body: Type.Partial(Type.Object(fields, { additionalProperties: false })),
      response: { 200: Coordinator, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const current = await getCoordinator(app.db.sql, request.params.id)
    if (!current) throw notFound('Coordinator', request.params.id)
    checkCoordinator({ ...current, ...request.body }, osloDate(app.engine.clock()))
    await checkUsernameFree(app.db.sql, request.body.username, current.id)
    return updateCoordinator(app.db.sql, request.params.id, request.body)
  })
}
