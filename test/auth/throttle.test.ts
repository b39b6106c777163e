// Sign-in throttling: failed sign-ins are counted per username and per address; past the limit
// every sign-in there gets 429 with Retry-After, the right password included. Failures are logged
// with the username and never the password.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { DEFAULT_LOGIN_THROTTLE } from '../../src/api/plugins/login-throttle.js'
import { buildApp } from '../../src/api/app.js'
import { createLogger } from '../../src/api/logging.js'
import { createTokenService } from '../../src/auth/tokens.js'
import { TEST_SECRET } from '../helpers/app.js'
import { PassThrough } from 'node:stream'
import { problemsOf } from '../helpers/config.js'

// Small limits, so the test signs in a few times rather than dozens (each check is a real scrypt).
const THROTTLE = { perUsername: 4, perAddress: 6, windowSeconds: 120 }

let t: TestApp
let app: Awaited<ReturnType<typeof buildApp>>
let logs = ''
test.before(async () => {
  t = await testApp()
  app = await buildApp({
    db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }),
    logger: createLogger('info', new PassThrough().on('data', (chunk) => (logs += chunk))),
    bodyLimitBytes: 1024, loginThrottle: THROTTLE,
  })
})
test.after(async () => {
  await app.close()
  await t.close()
})

const login = (username: string, password: string, remoteAddress = '192.0.2.10') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })

test('by default, 10 failures per username and 50 per address in 5 minutes', () => {
  assert.equal(DEFAULT_LOGIN_THROTTLE, { perUsername: 10, perAddress: 50, windowSeconds: 300 })
})

test('after too many wrong passwords for one username, sign-in gets 429 with Retry-After, even with the right one', async () => {
  const { perUsername, windowSeconds } = THROTTLE
  for (let attempt = 1; attempt <= perUsername; attempt++) {
    // From several addresses: the username's own count stops it.
    const response = await login('ola', `guess-${attempt}`, `198.51.100.${attempt}`)
    assert.is(response.statusCode, 401, `attempt ${attempt}`)
  }
  const blocked = await login('OLA', 'ola-demo', '198.51.100.200')
  assert.is(blocked.statusCode, 429)
  assert.is(json(blocked).code, 'SAMFLYT_RATE_LIMITED')
  const retryAfter = Number(blocked.headers['retry-after'])
  assert.ok(retryAfter > 0 && retryAfter <= windowSeconds, `Retry-After ${blocked.headers['retry-after']}`)
  assert.match(json(blocked).message, new RegExp(`try again in ${retryAfter} seconds`))
  // Another user is not held up by it.
  assert.is((await login('ingrid', 'ingrid-demo', '198.51.100.200')).statusCode, 200)
})

test('after too many failures from one address, sign-in from there gets 429 whatever the username', async () => {
  const { perAddress } = THROTTLE
  for (let attempt = 1; attempt <= perAddress; attempt++) {
    const response = await login(`nobody-${attempt}`, 'guess', '203.0.113.7')
    assert.is(response.statusCode, 401, `attempt ${attempt}`)
  }
  const blocked = await login('kari', 'kari-demo', '203.0.113.7')
  assert.is(blocked.statusCode, 429)
  assert.ok(Number(blocked.headers['retry-after']) > 0)
  assert.is((await login('kari', 'kari-demo', '203.0.113.8')).statusCode, 200, 'another address signs in')
})

test('successful sign-ins do not count: an office behind one address signs in all morning', async () => {
  for (let i = 0; i < THROTTLE.perUsername + 2; i++) {
    assert.is((await login('siri', 'siri-demo', '192.0.2.99')).statusCode, 200)
  }
})

test('a failed sign-in is logged with the username and the address, never the password', async () => {
  await login('randi', 'secret-guess-4711', '192.0.2.44')
  const line = logs.split('\n').find((l) => l.includes('"sign-in failed"') && l.includes('"username":"randi"'))
  assert.ok(line, 'the failure is logged with the username')
  assert.match(line!, /"address":"192\.0\.2\.44"/)
  assert.match(line!, /"reason":"wrong password"/)
  assert.not.ok(logs.includes('secret-guess-4711'), 'the password never reaches the log')
  assert.ok(logs.includes('"sign-in throttled"'), 'a throttled attempt is logged too')
})

test('a forged X-Forwarded-For does not dodge the address limit; a trusted proxy\'s does name the client', async () => {
  const throttle = { perUsername: 100, perAddress: 3, windowSeconds: 60 }
  const build = (trustedProxies: string[]) => buildApp({
    db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }), logger: createLogger('silent'),
    bodyLimitBytes: 1024, loginThrottle: throttle, trustedProxies,
  })
  const attempt = (app: Awaited<ReturnType<typeof build>>, forwardedFor: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'per', password: 'wrong' }, remoteAddress: '10.9.8.7', headers: { 'x-forwarded-for': forwardedFor } })
  const direct = await build([])
  try {
    const statuses = []
    for (let i = 1; i <= throttle.perAddress + 1; i++) statuses.push((await attempt(direct, `198.18.0.${i}`)).statusCode)
    assert.equal(statuses, [401, 401, 401, 429], 'the header is not believed from anyone')
  } finally {
    await direct.close()
  }
  const proxied = await build(['10.9.8.0/24'])
  try {
    const statuses = []
    for (let i = 1; i <= throttle.perAddress + 1; i++) statuses.push((await attempt(proxied, `198.18.0.${i}`)).statusCode)
    assert.equal(statuses, [401, 401, 401, 401], 'behind a trusted proxy each client has its own count')
  } finally {
    await proxied.close()
  }
})

test('trusted proxies are addresses or CIDR ranges', () => {
  assert.equal(problemsOf({ SAMFLYT_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1, ::1' }), [])
  assert.equal(problemsOf({ SAMFLYT_TRUSTED_PROXIES: 'proxy.local' }), [
    'SAMFLYT_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.0/8, got "proxy.local"',
  ])
  assert.equal(problemsOf({ SAMFLYT_TRUSTED_PROXIES: '10.0.0.0/33' }).length, 1)
})

test.run()
