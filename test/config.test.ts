import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadConfig } from '../src/config.js'
import { problemsOf } from './helpers/config.js'

test('an empty environment gives the embedded default on port 3000 with demo accounts', () => {
  const config = loadConfig({})
  assert.is(config.port, 3000)
  assert.is(config.databaseUrl, undefined)
  assert.ok(config.dataDir.endsWith('/data'))
  assert.is(config.demo, true)
  assert.is(config.oidc, undefined)
})

test('a database URL turns demo accounts off unless SAMFLYT_DEMO asks for them', () => {
  assert.is(loadConfig({ DATABASE_URL: 'postgres://u@localhost/x' }).demo, false)
  assert.is(loadConfig({ DATABASE_URL: 'postgres://u@localhost/x', SAMFLYT_DEMO: '1' }).demo, true)
})

test('the input limits have their defaults, can be set, and a bad one names its variable', () => {
  const defaults = loadConfig({}).limits
  assert.equal([defaults.engine.variables, defaults.engine.maxSteps, defaults.engine.maxMultiInstance, defaults.bodyMaxDepth], [{ maxDepth: 64, maxBytes: 1048576 }, 10000, 10000, 80])
  const set = loadConfig({ SAMFLYT_VARIABLES_MAX_DEPTH: '16', SAMFLYT_MULTI_INSTANCE_MAX: '500', SAMFLYT_DEPLOYMENT_MAX_PROCESSES: '5' }).limits
  assert.equal([set.engine.variables.maxDepth, set.engine.maxMultiInstance, set.engine.deployment.maxProcesses], [16, 500, 5])
  assert.match(problemsOf({ SAMFLYT_STEPS_MAX: 'many' })[0]!, /SAMFLYT_STEPS_MAX must be a whole number from 10 to 1000000, got "many"/)
  assert.match(problemsOf({ SAMFLYT_VARIABLES_MAX_BYTES: '1' })[0]!, /SAMFLYT_VARIABLES_MAX_BYTES/)
})

test('a bad port names the variable and what it expects', () => {
  const [problem] = problemsOf({ PORT: 'eighty' })
  assert.match(problem!, /PORT must be a whole number from 0 to 65535, got "eighty"/)
  assert.match(problemsOf({ PORT: '70000' })[0]!, /PORT/)
})

test('every bad value is reported at once, and a database password never appears in the message', () => {
  const problems = problemsOf({ PORT: '-1', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://u:hunter2@db/x', SAMFLYT_DEMO: 'maybe' })
  assert.is(problems.length, 4)
  assert.ok(problems.some((p) => p.startsWith('LOG_LEVEL must be one of fatal, error')))
  assert.ok(problems.some((p) => p.startsWith('DATABASE_URL must be a URL starting with postgres://')))
  assert.ok(problems.some((p) => p.startsWith('SAMFLYT_DEMO must be 1 or 0')))
  assert.not.ok(problems.join('\n').includes('hunter2'))
})

test('a short token secret is refused', () => {
  assert.match(problemsOf({ SAMFLYT_TOKEN_SECRET: 'short' })[0]!, /SAMFLYT_TOKEN_SECRET must be at least 32 characters/)
})

test('OpenID Connect needs both issuer and key set URL, and reads the optional claims', () => {
  assert.match(problemsOf({ SAMFLYT_OIDC_ISSUER: 'https://idp.example' })[0]!, /must be set together/)
  const config = loadConfig({
    SAMFLYT_OIDC_ISSUER: 'https://idp.example/realms/ke',
    SAMFLYT_OIDC_JWKS_URL: 'https://idp.example/realms/ke/certs',
    SAMFLYT_OIDC_ROLES_CLAIM: 'realm_access.roles',
  })
  assert.equal(config.oidc, {
    issuer: 'https://idp.example/realms/ke',
    jwksUrl: 'https://idp.example/realms/ke/certs',
    audience: undefined,
    rolesClaim: 'realm_access.roles',
    usernameClaim: 'preferred_username',
  })
})

test.run()
