// Bearer tokens: short-lived HS256 JWTs that Samflyt signs itself for local accounts, and, when
// an OpenID Connect provider is configured, its RS/ES-signed tokens checked against its JWKS.
import { SignJWT, jwtVerify, decodeJwt, createRemoteJWKSet, errors, type JWTPayload } from 'jose'
import type { OidcConfig } from '../config.js'
import { SamflytError } from '../errors.js'
import { isRole, type Principal, type Role } from './roles.js'

const LOCAL_ISSUER = 'samflyt'
const LOCAL_AUDIENCE = 'samflyt-api'

export interface TokenService {
  issue(principal: Omit<Principal, 'source'>): Promise<{ token: string; expiresAt: Date }>
  verify(token: string): Promise<Principal>
}

export interface TokenOptions {
  secret: Uint8Array
  ttlSeconds: number
  /** The longest lifetime (exp - iat) of a token that is accepted, local or OIDC; 12 hours unless given. */
  maxLifetimeSeconds?: number
  oidc?: OidcConfig | undefined
  now?: () => Date
}

const unauthenticated = (message: string) => new SamflytError('SAMFLYT_UNAUTHENTICATED', message)

export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 60 * 60

export function createTokenService(options: TokenOptions): TokenService {
  const now = options.now ?? (() => new Date())
  const maxLifetimeSeconds = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS
  const jwks = options.oidc ? createRemoteJWKSet(new URL(options.oidc.jwksUrl)) : undefined

  async function verifyLocal(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, options.secret, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: now(),
    })
    checkLifetime(payload, now(), maxLifetimeSeconds)
    return {
      username: String(payload.sub),
      displayName: String(payload.name ?? payload.sub),
      roles: rolesOf(payload.roles),
      unit: typeof payload.unit === 'string' ? payload.unit : null,
      source: 'local',
    }
  }

  async function verifyOidc(token: string, oidc: OidcConfig): Promise<Principal> {
    const { payload } = await jwtVerify(token, jwks!, {
      issuer: oidc.issuer,
      ...(oidc.audience ? { audience: oidc.audience } : {}),
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      requiredClaims: ['exp'],
      currentDate: now(),
    })
    checkLifetime(payload, now(), maxLifetimeSeconds)
    const username = claim(payload, oidc.usernameClaim) ?? payload.sub
    if (typeof username !== 'string') throw unauthenticated(`The token has no ${oidc.usernameClaim} or sub claim`)
    return {
      username,
      displayName: typeof payload.name === 'string' ? payload.name : username,
      roles: rolesOf(claim(payload, oidc.rolesClaim)),
      unit: typeof payload.unit === 'string' ? payload.unit : null,
      source: 'oidc',
    }
  }

  return {
    async issue(principal) {
      const issuedAt = Math.floor(now().getTime() / 1000)
      const expiresAt = new Date((issuedAt + options.ttlSeconds) * 1000)
      const token = await new SignJWT({ name: principal.displayName, roles: principal.roles, unit: principal.unit })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(principal.username)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + options.ttlSeconds)
        .sign(options.secret)
      return { token, expiresAt }
    },

    async verify(token) {
      let issuer: unknown
      try {
        issuer = decodeJwt(token).iss
      } catch {
        throw unauthenticated('The bearer token is not a JWT')
      }
      try {
        if (issuer === LOCAL_ISSUER) return await verifyLocal(token)
        if (options.oidc && issuer === options.oidc.issuer) return await verifyOidc(token, options.oidc)
      } catch (error) {
        throw unauthenticated(describeJoseError(error))
      }
      throw unauthenticated(`Tokens from issuer "${String(issuer)}" are not accepted here`)
    },
  }
}

/**
 * A token lives from when it was issued (iat; now, when it has none or claims a later time) to
 * exp. One that lives longer than allowed is refused: a stolen one would be good for too long.
 */
function checkLifetime(payload: JWTPayload, at: Date, maxSeconds: number): void {
  const nowSeconds = Math.floor(at.getTime() / 1000)
  const issuedAt = typeof payload.iat === 'number' ? Math.min(payload.iat, nowSeconds) : nowSeconds
  const lifetime = (payload.exp as number) - issuedAt
  if (lifetime > maxSeconds) {
    throw unauthenticated(`The bearer token lives ${lifetime} s, longer than the ${maxSeconds} s this server accepts`)
  }
}

function claim(payload: JWTPayload, path: string): unknown {
  // Nested claims such as realm_access.roles (Keycloak) are named with dots.
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload)
}

function rolesOf(value: unknown): Role[] {
  return Array.isArray(value) ? value.filter(isRole) : []
}

function describeJoseError(error: unknown): string {
  if (error instanceof SamflytError) return error.message
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired; sign in again'
  if (error instanceof errors.JWKSNoMatchingKey) return 'The bearer token is signed by a key the identity provider does not list'
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The bearer token signature is invalid'
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `The bearer token has no ${error.claim} claim; tokens must expire` : `The bearer token's ${error.claim} claim is not accepted`
  }
  if (error instanceof errors.JOSEError) return `The bearer token is invalid (${error.code})`
  return 'The bearer token could not be verified'
}
