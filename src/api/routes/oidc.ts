// The browser's sign-in through the municipality's OpenID Connect provider (when configured with
// a client id): /api/auth/oidc/start sends the browser there with PKCE, /api/auth/oidc/callback
// takes the code back, and the person gets the same session cookie as a local sign-in.
import { Type } from 'typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../app.js'
import type { OidcConfig } from '../../config.js'
import { OidcLoginError, oidcLogin, type PendingLogin } from '../../auth/oidc-login.js'
import { setSession } from '../plugins/session.js'
import { errorResponses } from '../schemas.js'
import { SamflytError } from '../../errors.js'

const PENDING_COOKIE = 'samflyt_oidc'
const PENDING_PATH = '/api/auth/oidc'
const PENDING_SECONDS = 600

/** Only a path of our own, so a crafted link cannot send a person elsewhere after sign-in. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/logg-inn') && !next.includes('\\') ? next : '/'
}

// The last step is a page that moves on by itself rather than a redirect: the session cookie is
// SameSite=Strict, and a redirect chain begun at the provider's site would not send it.
const forward = (to: string) => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${to.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"><title>Samflyt</title></head><body><p><a href="${to.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">Fortsett</a></p></body></html>`

export async function oidcRoutes(app: App, options: { oidc?: OidcConfig | undefined }) {
  const config = options.oidc
  const login = config?.clientId ? oidcLogin({ ...config, clientId: config.clientId }) : undefined
  const redirectUri = (request: FastifyRequest) => `${request.protocol}://${request.host}${PENDING_PATH}/callback`

  app.get('/api/auth/oidc', {
    config: { roles: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Whether the sign-in page offers an OpenID Connect provider, and its name',
      response: { 200: Type.Object({ enabled: Type.Boolean(), name: Type.Union([Type.String(), Type.Null()]) }) },
    },
  }, async () => ({ enabled: login !== undefined, name: login ? (config?.name ?? null) : null }))

  app.get('/api/auth/oidc/start', {
    config: { roles: 'public' },
    schema: {
      tags: ['auth'],
      summary: "Go to the OpenID Connect provider's sign-in (authorization code with PKCE)",
      querystring: Type.Object({ neste: Type.Optional(Type.String({ maxLength: 2000, description: 'The page to return to afterwards' })) }),
      response: { 302: Type.Null(), ...errorResponses(404, 503) },
    },
  }, async (request, reply) => {
    if (!login) throw new SamflytError('SAMFLYT_NOT_FOUND', 'No OpenID Connect client is configured (SAMFLYT_OIDC_CLIENT_ID)')
    let started
    try {
      started = await login.start(redirectUri(request), safeNext(request.query.neste))
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in could not start')
      throw new SamflytError('SAMFLYT_NOT_READY', 'The OpenID Connect provider cannot be reached; try again, or sign in with a local account')
    }
    reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(started.pending)).toString('base64url'), {
      path: PENDING_PATH,
      httpOnly: true,
      // Lax: it must come along when the provider sends the browser back (a cross-site navigation).
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: PENDING_SECONDS,
    })
    return reply.redirect(started.url, 302)
  })

  app.get('/api/auth/oidc/callback', {
    config: { roles: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Where the OpenID Connect provider sends the browser back with a code',
      querystring: Type.Object({
        code: Type.Optional(Type.String({ maxLength: 4096 })),
        state: Type.Optional(Type.String({ maxLength: 512 })),
        error: Type.Optional(Type.String({ maxLength: 256 })),
      }),
      response: { 200: Type.String() },
    },
  }, async (request, reply) => {
    const pending = readPending(request)
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH })
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
    try {
      if (!login) throw new OidcLoginError('No OpenID Connect client is configured')
      if (request.query.error) throw new OidcLoginError(`The provider answered ${request.query.error}`)
      if (!pending || !request.query.state || pending.state !== request.query.state) throw new OidcLoginError('The sign-in did not start here, or took too long (state)')
      if (!request.query.code) throw new OidcLoginError('The provider sent no code')
      const principal = await login.finish(request.query.code, redirectUri(request), pending)
      const { token, expiresAt } = await app.tokens.issue(principal)
      setSession(request, reply, token, expiresAt)
      request.log.info({ username: principal.username }, 'signed in through OpenID Connect')
      return forward(safeNext(pending.next))
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in failed')
      return failed(reply)
    }
  })
}

function failed(reply: FastifyReply) {
  reply.code(200)
  return forward('/logg-inn?grunn=oidc-feil')
}

function readPending(request: FastifyRequest): PendingLogin | undefined {
  const raw = request.cookies[PENDING_COOKIE]
  if (!raw) return undefined
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as PendingLogin
    return typeof value.state === 'string' && typeof value.verifier === 'string' && typeof value.nonce === 'string' ? { ...value, next: String(value.next ?? '/') } : undefined
  } catch {
    return undefined
  }
}
