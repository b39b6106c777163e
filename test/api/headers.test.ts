// Security headers, no caching of case data, CORS closed unless configured, and the request id
// that is always the server's own.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { PassThrough } from 'node:stream'
import { testApp, json, TEST_SECRET, type TestApp } from '../helpers/app.js'
import { buildApp } from '../../src/api/app.js'
import { createLogger } from '../../src/api/logging.js'
import { createTokenService } from '../../src/auth/tokens.js'
import { problemsOf } from '../helpers/config.js'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

const directives = (header: unknown) =>
  Object.fromEntries(String(header).split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, ...values] = part.split(/\s+/)
    return [name!, values.join(' ')]
  }))

test('every response has a content security policy fit for the browser app, and the usual security headers', async () => {
  for (const url of ['/health', '/api/auth/me', '/docs', '/no-such-page']) {
    const response = await t.app.inject({ url })
    const csp = directives(response.headers['content-security-policy'])
    assert.equal(csp, {
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    }, url)
    assert.is(response.headers['x-content-type-options'], 'nosniff', url)
    assert.is(response.headers['x-frame-options'], 'DENY', url)
    assert.is(response.headers['referrer-policy'], 'no-referrer', url)
    assert.is(response.headers['cross-origin-resource-policy'], 'same-origin', url)
  }
})

test('API responses are never cached: case data must not stay in a browser or a proxy', async () => {
  const token = await t.tokenFor('kari')
  const responses = [
    await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } }),
    await t.app.inject({ url: '/api/cases', headers: { authorization: `Bearer ${token}` } }),
    await t.app.inject({ url: '/api/cases/999999', headers: { authorization: `Bearer ${token}` } }),
    await t.app.inject({ url: '/api/auth/me' }),
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari', password: 'kari-demo' } }),
  ]
  for (const response of responses) {
    assert.is(response.headers['cache-control'], 'no-store', `${response.statusCode} ${response.body.slice(0, 80)}`)
  }
  assert.is.not((await t.app.inject({ url: '/docs/static/index.css' })).headers['cache-control'], 'no-store', 'static files may be cached')
})

test('CORS is closed unless configured: no other origin gets an Access-Control-Allow-Origin', async () => {
  const preflight = await t.app.inject({
    method: 'OPTIONS',
    url: '/api/auth/login',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  })
  assert.is(preflight.headers['access-control-allow-origin'], undefined)
  const simple = await t.app.inject({ url: '/health', headers: { origin: 'https://evil.example' } })
  assert.is(simple.headers['access-control-allow-origin'], undefined)
})

test('configured origins, and only they, may call the API from a browser', async () => {
  const app = await buildApp({
    db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }), logger: createLogger('silent'),
    bodyLimitBytes: 1024, corsOrigins: ['https://saker.fjordvik.kommune.no'],
  })
  try {
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://saker.fjordvik.kommune.no', 'access-control-request-method': 'POST' },
    })
    assert.is(allowed.headers['access-control-allow-origin'], 'https://saker.fjordvik.kommune.no')
    const other = await app.inject({ url: '/health', headers: { origin: 'https://evil.example' } })
    assert.is(other.headers['access-control-allow-origin'], undefined)
  } finally {
    await app.close()
  }
  assert.equal(problemsOf({ SAMFLYT_CORS_ORIGINS: 'https://saker.fjordvik.kommune.no, http://localhost:5173' }), [])
  assert.equal(problemsOf({ SAMFLYT_CORS_ORIGINS: '*' }), [
    'SAMFLYT_CORS_ORIGINS must be a comma-separated list of origins such as https://saker.kommune.no (scheme, host and port, no path), got "*"',
  ])
})

test("the request id is always the server's own; a client's x-request-id is logged beside it", async () => {
  let logs = ''
  const stream = new PassThrough().on('data', (chunk) => (logs += chunk))
  const app = await buildApp({ db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }), logger: createLogger('info', stream), bodyLimitBytes: 1024 })
  try {
    const first = await app.inject({ url: '/api/nothing', headers: { 'x-request-id': 'chosen-by-client' } })
    const second = await app.inject({ url: '/api/nothing', headers: { 'x-request-id': 'chosen-by-client' } })
    const ids = [json(first).requestId, json(second).requestId]
    for (const [index, response] of [first, second].entries()) {
      assert.match(ids[index], /^[0-9a-f-]{36}$/)
      assert.is(response.headers['x-request-id'], ids[index])
    }
    assert.is.not(ids[0], ids[1], 'two requests never share an id, whatever the client sends')
    const lines = logs.trim().split('\n').map((line) => JSON.parse(line))
    const incoming = lines.filter((line) => line.msg === 'incoming request')
    assert.equal(incoming.map((line) => [line.reqId, line.clientRequestId]), [[ids[0], 'chosen-by-client'], [ids[1], 'chosen-by-client']])
    // A client's id that is no sane id is not logged at all.
    await app.inject({ url: '/health', headers: { 'x-request-id': 'x'.repeat(500) } })
    assert.not.ok(logs.includes('x'.repeat(100)))
  } finally {
    await app.close()
  }
})

test.run()
