// Every setting comes from the environment and is checked once at start. A bad value stops
// start-up with a message naming the variable and what it expects.
import { resolve } from 'node:path'

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

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  demo: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  bodyLimitBytes: number
  tokenSecret: string | undefined
  tokenTtlSeconds: number
  oidc: OidcConfig | undefined
  letters: LettersConfig
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
    dataDir,
    // Demo accounts exist only on the embedded default, or when asked for explicitly.
    demo: flag('SAMFLYT_DEMO', databaseUrl === undefined),
    logLevel,
    bodyLimitBytes: integer('SAMFLYT_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    tokenSecret,
    tokenTtlSeconds: integer('SAMFLYT_TOKEN_TTL_SECONDS', 15 * 60, 30, 24 * 60 * 60),
    oidc:
      issuer && jwksUrl
        ? {
            issuer,
            jwksUrl,
            audience: value('SAMFLYT_OIDC_AUDIENCE'),
            rolesClaim: value('SAMFLYT_OIDC_ROLES_CLAIM') ?? 'roles',
            usernameClaim: value('SAMFLYT_OIDC_USERNAME_CLAIM') ?? 'preferred_username',
            clientId: value('SAMFLYT_OIDC_CLIENT_ID'),
            clientSecret: value('SAMFLYT_OIDC_CLIENT_SECRET'),
            name: value('SAMFLYT_OIDC_NAME'),
          }
        : undefined,
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
