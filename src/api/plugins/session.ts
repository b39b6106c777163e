// The browser's session: the same signed token an API client sends as a bearer token, kept in an
// httpOnly, SameSite=Strict cookie that page scripts cannot read. Beside it a readable CSRF cookie
// whose value the web client echoes in the x-csrf-token header on every state-changing request
// (double submit). The CSRF value is a hash of the session token, so a cookie planted by another
// site cannot be paired with a session it does not know.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const SESSION_COOKIE = 'samflyt_session'
export const CSRF_COOKIE = 'samflyt_csrf'
export const CSRF_HEADER = 'x-csrf-token'

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`samflyt-csrf:${sessionToken}`).digest('base64url')
}

export function csrfMatches(sessionToken: string, sent: string | undefined): boolean {
  if (!sent) return false
  const expected = Buffer.from(csrfTokenFor(sessionToken))
  const given = Buffer.from(sent)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const secure = (request: FastifyRequest) => request.protocol === 'https'

export function setSession(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: secure(request), expires: expiresAt }
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true })
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token), { ...common, httpOnly: false })
}

export function clearSession(request: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: secure(request) }
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true })
  reply.clearCookie(CSRF_COOKIE, common)
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const changesState = (request: FastifyRequest) => !SAFE_METHODS.has(request.method)

/** Whether an Origin (or, lacking one, Referer) header names another site than the one asked. */
export function fromOtherOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin ?? request.headers.referer
  if (!origin) return false
  try {
    return new URL(origin).host !== request.headers.host
  } catch {
    return true
  }
}
