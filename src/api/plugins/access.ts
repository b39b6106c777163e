// Every route declares who may use it: `config: { roles: [...] }`, or 'public'. A route that
// declares nothing is a start-up error, so nothing is ever open by accident.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SamflytError } from '../../errors.js'
import { ROLES, type Principal, type Role } from '../../auth/roles.js'
import type { TokenService } from '../../auth/tokens.js'
import { errorResponses } from '../schemas.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: readonly Role[] | 'public'
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

/** Routes that plugins register themselves (the OpenAPI UI) and that are public by nature. */
const PLUGIN_ROUTE = /^\/docs(\/|$)/

export const ANY_ROLE: readonly Role[] = ROLES

export function registerAccessControl(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('principal', null)

  app.addHook('onRoute', (route) => {
    if (PLUGIN_ROUTE.test(route.url)) {
      route.config = { ...route.config, roles: 'public' }
      return
    }
    const roles = route.config?.roles
    if (!roles) throw new Error(`Route ${String(route.method)} ${route.url} does not declare the roles it allows`)
    if (roles === 'public') return
    const schema = (route.schema ??= {}) as Record<string, unknown>
    schema.security = [{ bearerAuth: [] }]
    schema.response = { ...errorResponses(401, 403), ...(schema.response as object | undefined) }
    const allowed = roles.length === ROLES.length ? 'any signed-in user' : roles.join(', ')
    schema.description = `${schema.description ? `${schema.description}\n\n` : ''}Roles: ${allowed}.`
  })

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const roles = request.routeOptions.config?.roles
    if (!roles || roles === 'public') return
    const header = request.headers.authorization
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
    if (!match) throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'Send a bearer token in the Authorization header (POST /api/auth/login gives one)')
    const principal = await tokens.verify(match[1]!)
    if (!principal.roles.some((role) => roles.includes(role))) {
      throw new SamflytError('SAMFLYT_FORBIDDEN', `${request.method} ${request.routeOptions.url} is for ${roles.join(', ')}; you have ${principal.roles.join(', ') || 'no role'}`)
    }
    request.principal = principal
  })
}

/** The signed-in user of a route that requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'This route requires a signed-in user')
  return request.principal
}
