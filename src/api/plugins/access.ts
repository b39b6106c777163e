// Every route declares who may use it: `config: { roles: [...] }`, or 'public'. A route that
// declares nothing is a start-up error, so nothing is ever open by accident. The caller is known
// by a bearer token (API clients) or by the browser's session cookie (the web app), which must
// come with its CSRF header on every state-changing request and never from another site.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { decodeJwt } from 'jose'
import { SamflytError } from '../../errors.js'
import { ROLES, type Principal, type Role } from '../../auth/roles.js'
import type { TokenService } from '../../auth/tokens.js'
import { errorResponses } from '../schemas.js'
import { CSRF_HEADER, SESSION_COOKIE, changesState, clearSession, csrfMatches, fromOtherOrigin, setSession } from './session.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: readonly Role[] | 'public'
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

/** Routes that plugins register themselves (the OpenAPI UI, the web app's bundles) and that are public by nature. */
const PLUGIN_ROUTE = /^\/(docs|assets)(\/|$)/

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

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization
    const sessionToken = header ? undefined : request.cookies?.[SESSION_COOKIE]
    // A browser sends its cookies along whoever made the page; only our own pages may change things.
    if (!header && changesState(request) && fromOtherOrigin(request)) {
      throw new SamflytError('SAMFLYT_FORBIDDEN', `${request.method} ${request.url} came from another site (Origin ${String(request.headers.origin ?? request.headers.referer)}); send it from Samflyt's own pages or with a bearer token`)
    }
    const roles = request.routeOptions.config?.roles
    if (!roles || roles === 'public') return
    let principal: Principal
    if (sessionToken) {
      principal = await sessionPrincipal(request, reply, sessionToken)
    } else {
      const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
      if (!match) throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'Send a bearer token in the Authorization header (POST /api/auth/login gives one), or sign in at /logg-inn')
      principal = await tokens.verify(match[1]!)
    }
    if (!principal.roles.some((role) => roles.includes(role))) {
      throw new SamflytError('SAMFLYT_FORBIDDEN', `${request.method} ${request.routeOptions.url} is for ${roles.join(', ')}; you have ${principal.roles.join(', ') || 'no role'}`)
    }
    request.principal = principal
  })

  async function sessionPrincipal(request: FastifyRequest, reply: FastifyReply, token: string): Promise<Principal> {
    let principal: Principal
    try {
      principal = await tokens.verify(token)
    } catch {
      clearSession(request, reply)
      throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'Your session has ended; sign in again at /logg-inn')
    }
    if (changesState(request) && !csrfMatches(token, headerValue(request.headers[CSRF_HEADER]))) {
      throw new SamflytError('SAMFLYT_FORBIDDEN', `A request made with the session cookie must send the ${CSRF_HEADER} header with the value of the samflyt_csrf cookie`)
    }
    // A session in use lives on: past half its life it is renewed with the response.
    const { iat, exp } = decodeJwt(token)
    if (iat && exp && Date.now() / 1000 > iat + (exp - iat) / 2) {
      const { username, displayName, roles, unit } = principal
      const renewed = await tokens.issue({ username, displayName, roles, unit })
      setSession(request, reply, renewed.token, renewed.expiresAt)
    }
    return principal
  }
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** The signed-in user of a route that requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SamflytError('SAMFLYT_UNAUTHENTICATED', 'This route requires a signed-in user')
  return request.principal
}
