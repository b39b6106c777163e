import { Type } from 'typebox'
import type { App } from '../app.js'
import { ANY_ROLE, principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { SamflytError } from '../../errors.js'
import { findUser, listUsers } from '../../auth/users.js'
import { DUMMY_HASH, verifyPassword } from '../../auth/passwords.js'
import { ROLES, type Role } from '../../auth/roles.js'
import { setSession } from '../plugins/session.js'

const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] })
const UserSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  unit: Type.Union([Type.String(), Type.Null()]),
})

export async function authRoutes(app: App) {
  app.post('/api/auth/login', {
    config: { roles: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with a local account and get a short-lived bearer token',
      description: 'With `session: true` (the web app) the token is not returned but set as an httpOnly session cookie, beside a samflyt_csrf cookie whose value every state-changing request made with the session must send in the x-csrf-token header.',
      body: Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
          session: Type.Optional(Type.Boolean({ description: 'Set a browser session cookie instead of returning the token' })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ token: Type.Optional(Type.String()), expiresAt: Type.String({ format: 'date-time' }), user: UserSchema }),
        ...errorResponses(400, 401),
      },
    },
  }, async (request, reply) => {
    const { username, password } = request.body
    const user = await findUser(app.db.sql, username.toLowerCase())
    // Verify against a dummy hash for unknown users too, so timing does not tell which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
    if (!user || !user.active || !user.passwordHash || !valid) {
      throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'Wrong username or password')
    }
    const principal = { username: user.username, displayName: user.displayName, roles: user.roles, unit: user.unit }
    const { token, expiresAt } = await app.tokens.issue(principal)
    request.log.info({ username: user.username }, 'signed in')
    if (request.body.session) {
      setSession(request, reply, token, expiresAt)
      return { expiresAt: expiresAt.toISOString(), user: principal }
    }
    return { token, expiresAt: expiresAt.toISOString(), user: principal }
  })

  app.get('/api/auth/me', {
    config: { roles: ANY_ROLE },
    schema: { tags: ['auth'], summary: 'Who the bearer token belongs to', response: { 200: UserSchema } },
  }, async (request) => {
    const { username, displayName, roles, unit } = principalOf(request)
    return { username, displayName, roles, unit }
  })

  app.get('/api/users', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['auth'],
      summary: 'List local accounts',
      response: { 200: Type.Array(Type.Object({ ...UserSchema.properties, active: Type.Boolean() })) },
    },
  }, async () => (await listUsers(app.db.sql)).map(({ username, displayName, roles, unit, active }) => ({ username, displayName, roles, unit, active })))
}
