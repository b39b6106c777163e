// Signing in through an OpenID Connect provider in the browser: the authorization code flow with
// PKCE (RFC 7636) against the issuer's discovery document. Samflyt then keeps its own session;
// the provider's tokens are used once, to learn who signed in and with which roles.
import { createHash, randomBytes } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose'
import type { OidcConfig } from '../config.js'
import { isRole, type Principal, type Role } from './roles.js'

interface Discovery {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  jwks_uri?: string
}

/** What the browser keeps (in a short-lived cookie) between leaving for the provider and coming back. */
export interface PendingLogin {
  state: string
  nonce: string
  verifier: string
  next: string
}

export class OidcLoginError extends Error {
  override name = 'OidcLoginError'
}

const DISCOVERY_TTL_MS = 10 * 60_000
const random = () => randomBytes(32).toString('base64url')

export function oidcLogin(config: OidcConfig & { clientId: string }) {
  let discovery: { value: Promise<Discovery>; at: number } | undefined
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined

  async function fetchDiscovery(): Promise<Discovery> {
    const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) })
    if (!response.ok) throw new OidcLoginError(`The provider's discovery document ${url} answered ${response.status}`)
    const document = (await response.json()) as Partial<Discovery>
    if (document.issuer !== config.issuer) throw new OidcLoginError(`The discovery document names issuer ${String(document.issuer)}, not ${config.issuer}`)
    if (!document.authorization_endpoint || !document.token_endpoint) throw new OidcLoginError('The discovery document lacks authorization_endpoint or token_endpoint')
    return document as Discovery
  }

  function discover(): Promise<Discovery> {
    if (!discovery || Date.now() - discovery.at > DISCOVERY_TTL_MS) {
      const value = fetchDiscovery()
      discovery = { value, at: Date.now() }
      value.catch(() => (discovery = undefined))
    }
    return discovery.value
  }

  return {
    /** Where to send the browser, and what to remember until it comes back. */
    async start(redirectUri: string, next: string): Promise<{ url: string; pending: PendingLogin }> {
      const { authorization_endpoint } = await discover()
      const pending: PendingLogin = { state: random(), nonce: random(), verifier: random(), next }
      const url = new URL(authorization_endpoint)
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: 'openid profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString()
      return { url: url.toString(), pending }
    },

    /** The code the provider sent back, exchanged and its ID token checked: who signed in. */
    async finish(code: string, redirectUri: string, pending: PendingLogin): Promise<Omit<Principal, 'source'>> {
      const { token_endpoint, jwks_uri } = await discover()
      const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: config.clientId, code_verifier: pending.verifier })
      if (config.clientSecret) body.set('client_secret', config.clientSecret)
      const response = await fetch(token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      })
      if (!response.ok) throw new OidcLoginError(`The provider's token endpoint answered ${response.status}`)
      const tokens = (await response.json()) as { id_token?: string; access_token?: string }
      if (!tokens.id_token) throw new OidcLoginError('The provider returned no ID token')
      keys ??= createRemoteJWKSet(new URL(jwks_uri ?? config.jwksUrl))
      const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: config.issuer, audience: config.clientId }).catch((error: Error) => {
        throw new OidcLoginError(`The ID token was refused: ${error.message}`)
      })
      if (payload.nonce !== pending.nonce) throw new OidcLoginError('The ID token was issued for another sign-in (nonce)')
      // Roles may be in the ID token or only in the access token (Keycloak puts realm roles there).
      let roles = rolesIn(payload, config.rolesClaim)
      if (roles.length === 0 && tokens.access_token) {
        const access = await jwtVerify(tokens.access_token, keys, { issuer: config.issuer }).catch(() => undefined)
        if (access) roles = rolesIn(access.payload, config.rolesClaim)
      }
      const username = claim(payload, config.usernameClaim) ?? payload.sub
      if (typeof username !== 'string' || !username) throw new OidcLoginError(`The ID token has no ${config.usernameClaim} or sub claim`)
      return { username, displayName: typeof payload.name === 'string' ? payload.name : username, roles, unit: typeof payload.unit === 'string' ? payload.unit : null }
    },
  }
}

export type OidcLogin = ReturnType<typeof oidcLogin>

function claim(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload)
}

function rolesIn(payload: JWTPayload, path: string): Role[] {
  const value = claim(payload, path)
  return Array.isArray(value) ? value.filter(isRole) : []
}
