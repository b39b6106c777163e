// Every setting comes from the environment and is checked once at start. A bad value stops
// start-up with a message naming the variable and what it expects.
import { resolve } from 'node:path'
import { isIP } from 'node:net'
import { DEFAULT_LIMITS, type EngineLimits } from './engine/limits.js'

/** Hard limits on input (see src/engine/limits.ts and src/api/plugins/limits.ts). */
export interface LimitsConfig {
  engine: EngineLimits
  /** Nesting of a whole JSON request body. */
  bodyMaxDepth: number
  /** A command (group transaction) running longer than this makes /ready answer 503. */
  commandStallMs: number
}

export interface OidcConfig {
  issuer: string
  jwksUrl: string
  audience: string | undefined
  rolesClaim: string
  usernameClaim: string
  /** The web app's client at the provider: with it, /logg-inn offers the provider's sign-in. */
  clientId?: string | undefined
  clientSecret?: string | undefined
  /** How the sign-in button names the provider ("Logg inn med ..."). */
  name?: string | undefined
}

/** Letters (src/letters): templates, the municipality, and where letters are dispatched. */
export interface LettersConfig {
  templatesDir: string
  municipalityFile: string
  /** The embedded default's outbox, used when no dispatch service is configured. */
  outboxDir: string
  /** A KS SvarUt-style dispatch service; undefined sends letters to the outbox. */
  svarut: { url: string; username: string; password: string; timeoutMs: number } | undefined
}

/** Sign-in throttling: failed and successful attempts alike count, per username and per address. */
export interface LoginThrottleConfig {
  perUsername: number
  perAddress: number
  windowSeconds: number
}

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  /** The application's own login (not the schema owner); see src/db/app-role.ts. */
  appDatabaseUrl: string | undefined
  dataDir: string
  demo: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  bodyLimitBytes: number
  tokenSecret: string | undefined
  tokenTtlSeconds: number
  /** The longest lifetime (exp - iat) of any token accepted, local or from the identity provider. */
  tokenMaxLifetimeSeconds: number
  loginThrottle: LoginThrottleConfig
  /** Origins allowed to call the API from a browser (CORS); empty: none but the app's own. */
  corsOrigins: string[]
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustedProxies: string[]
  oidc: OidcConfig | undefined
  letters: LettersConfig
  limits: LimitsConfig
  audit: AuditConfig
}

export interface AuditConfig {
  /** How often the heads of the audit chains are sealed (0: never, only by `npm run audit:seal`). */
  sealIntervalSeconds: number
  /** Days after a case closes before its personal data is removed; undefined: never (docs/retention.md). */
  retentionDays: number | undefined
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Samflyt cannot start, the configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const value = (name: string) => {
    const raw = env[name]
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim()
  }
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
      return fallback
    }
    return n
  }
  const flag = (name: string, fallback: boolean) => {
    const raw = value(name)
    if (raw === undefined) return fallback
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false
    problems.push(`${name} must be 1 or 0 (true or false), got "${raw}"`)
    return fallback
  }
  const url = (name: string, protocols: string[]) => {
    const raw = value(name)
    if (raw === undefined) return undefined
    try {
      const parsed = new URL(raw)
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol')
      return raw
    } catch {
      problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${redactUrl(raw)}"`)
      return undefined
    }
  }

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'])
  const appDatabaseUrl = url('SAMFLYT_APP_DATABASE_URL', ['postgres:', 'postgresql:'])
  if (appDatabaseUrl !== undefined && databaseUrl === undefined) {
    problems.push('SAMFLYT_APP_DATABASE_URL needs DATABASE_URL (the schema owner, who runs the migrations) on the same server')
  }
  const tokenTtlSeconds = integer('SAMFLYT_TOKEN_TTL_SECONDS', 15 * 60, 30, 24 * 60 * 60)
  const tokenMaxLifetimeSeconds = integer('SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS', 12 * 60 * 60, 60, 7 * 24 * 60 * 60)
  if (tokenTtlSeconds > tokenMaxLifetimeSeconds) {
    problems.push(`SAMFLYT_TOKEN_TTL_SECONDS (${tokenTtlSeconds}) must not exceed SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS (${tokenMaxLifetimeSeconds})`)
  }
  const trustedProxies = (value('SAMFLYT_TRUSTED_PROXIES') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  for (const entry of trustedProxies) {
    const [address, bits, ...rest] = entry.split('/')
    const family = isIP(address ?? '')
    if (!family || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)))) {
      problems.push(`SAMFLYT_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.0/8, got "${entry}"`)
    }
  }
  const corsOrigins = (value('SAMFLYT_CORS_ORIGINS') ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  for (const origin of corsOrigins) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {
      parsed = undefined
    }
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== origin) {
      problems.push(`SAMFLYT_CORS_ORIGINS must be a comma-separated list of origins such as https://saker.kommune.no (scheme, host and port, no path), got "${origin}"`)
    }
  }
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
  const logLevel = (value('LOG_LEVEL') ?? 'info') as Config['logLevel']
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`)

  const tokenSecret = value('SAMFLYT_TOKEN_SECRET')
  if (tokenSecret !== undefined && tokenSecret.length < 32) {
    problems.push('SAMFLYT_TOKEN_SECRET must be at least 32 characters (or unset, to keep a generated one in the database)')
  }

  const issuer = url('SAMFLYT_OIDC_ISSUER', ['https:', 'http:'])
  const jwksUrl = url('SAMFLYT_OIDC_JWKS_URL', ['https:', 'http:'])
  if ((issuer === undefined) !== (jwksUrl === undefined) && problems.length === 0) {
    problems.push('SAMFLYT_OIDC_ISSUER and SAMFLYT_OIDC_JWKS_URL must be set together')
  }

  const svarutUrl = url('SAMFLYT_SVARUT_URL', ['https:', 'http:'])
  const svarutUsername = value('SAMFLYT_SVARUT_USERNAME')
  const svarutPassword = value('SAMFLYT_SVARUT_PASSWORD')
  const svarutTimeoutMs = integer('SAMFLYT_SVARUT_TIMEOUT_MS', 120_000, 1_000, 16 * 60_000)
  if (svarutUrl !== undefined && (svarutUsername === undefined || svarutPassword === undefined)) {
    problems.push('SAMFLYT_SVARUT_URL needs SAMFLYT_SVARUT_USERNAME and SAMFLYT_SVARUT_PASSWORD (the sender name and service password)')
  }
  const retentionDays = value('SAMFLYT_RETENTION_DAYS') === undefined ? undefined : integer('SAMFLYT_RETENTION_DAYS', 0, 1, 100 * 366)
  const dataDir = resolve(value('SAMFLYT_DATA_DIR') ?? 'data')
  const templatesDir = resolve(value('SAMFLYT_LETTER_TEMPLATES_DIR') ?? new URL('../templates/letters/', import.meta.url).pathname)

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host: value('HOST') ?? '127.0.0.1',
    databaseUrl,
    appDatabaseUrl,
    dataDir,
    // Demo accounts exist only on the embedded default, or when asked for explicitly.
    demo: flag('SAMFLYT_DEMO', databaseUrl === undefined),
    logLevel,
    bodyLimitBytes: integer('SAMFLYT_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    tokenSecret,
    tokenTtlSeconds,
    tokenMaxLifetimeSeconds,
    loginThrottle: {
      perUsername: integer('SAMFLYT_LOGIN_MAX_PER_USERNAME', 10, 1, 10_000),
      perAddress: integer('SAMFLYT_LOGIN_MAX_PER_ADDRESS', 50, 1, 100_000),
      windowSeconds: integer('SAMFLYT_LOGIN_WINDOW_SECONDS', 5 * 60, 1, 24 * 60 * 60),
    },
    corsOrigins,
    trustedProxies,
    oidc:
      issuer && jwksUrl
        ? {
            issuer,
            jwksUrl,
            audience: value('SAMFLYT_OIDC_AUDIENCE'),
            rolesClaim: value('SAMFLYT_OIDC_ROLES_CLAIM') ?? 'roles',
            usernameClaim: value('SAMFLYT_OIDC_USERNAME_CLAIM') ?? 'preferred_username',
            // The web app's sign-in through the provider, only when configured.
            ...definedOnly({ clientId: value('SAMFLYT_OIDC_CLIENT_ID'), clientSecret: value('SAMFLYT_OIDC_CLIENT_SECRET'), name: value('SAMFLYT_OIDC_NAME') }),
          }
        : undefined,
    limits: {
      engine: {
        variables: {
          maxDepth: integer('SAMFLYT_VARIABLES_MAX_DEPTH', DEFAULT_LIMITS.variables.maxDepth, 1, 1_000),
          maxBytes: integer('SAMFLYT_VARIABLES_MAX_BYTES', DEFAULT_LIMITS.variables.maxBytes, 1_024, 64 * 1024 * 1024),
        },
        maxSteps: integer('SAMFLYT_STEPS_MAX', DEFAULT_LIMITS.maxSteps, 10, 1_000_000),
        maxMultiInstance: integer('SAMFLYT_MULTI_INSTANCE_MAX', DEFAULT_LIMITS.maxMultiInstance, 1, 1_000_000),
        deployment: {
          maxBytes: integer('SAMFLYT_DEPLOYMENT_MAX_BYTES', DEFAULT_LIMITS.deployment.maxBytes, 1_024, 256 * 1024 * 1024),
          maxProcesses: integer('SAMFLYT_DEPLOYMENT_MAX_PROCESSES', DEFAULT_LIMITS.deployment.maxProcesses, 1, 10_000),
          maxIdLength: integer('SAMFLYT_BPMN_ID_MAX_LENGTH', DEFAULT_LIMITS.deployment.maxIdLength, 16, 32_768),
          maxNameLength: integer('SAMFLYT_BPMN_NAME_MAX_LENGTH', DEFAULT_LIMITS.deployment.maxNameLength, 16, 100_000),
        },
      },
      bodyMaxDepth: integer('SAMFLYT_BODY_MAX_DEPTH', 80, 4, 1_000),
      commandStallMs: integer('SAMFLYT_COMMAND_STALL_MS', 30_000, 1_000, 3_600_000),
    },
    letters: {
      templatesDir,
      municipalityFile: resolve(value('SAMFLYT_MUNICIPALITY_FILE') ?? `${templatesDir}/municipality.json`),
      outboxDir: `${dataDir}/outbox`,
      svarut:
        svarutUrl && svarutUsername && svarutPassword
          ? { url: svarutUrl, username: svarutUsername, password: svarutPassword, timeoutMs: svarutTimeoutMs }
          : undefined,
    },
    audit: {
      sealIntervalSeconds: integer('SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS', 300, 0, 24 * 60 * 60),
      retentionDays,
    },
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

/** A database URL with its password hidden, for messages and logs. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/** The entries of `values` that are set. */
function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>
}
