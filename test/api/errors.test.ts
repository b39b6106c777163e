import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { PassThrough } from 'node:stream'
import { buildApp } from '../../src/api/app.js'
import { createLogger } from '../../src/api/logging.js'
import { createTokenService } from '../../src/auth/tokens.js'
import { ERRORS } from '../../src/errors.js'
import { testApp, json, TEST_SECRET, type TestApp } from '../helpers/app.js'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

const ERROR_KEYS = ['code', 'message', 'requestId', 'statusCode']

test('an unknown route is a 404 error body with code, message and request id', async () => {
  const response = await t.app.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'trace-me-1' } })
  assert.is(response.statusCode, 404)
  const body = json(response)
  assert.equal(Object.keys(body).sort(), ERROR_KEYS)
  // The request id is always the server's own (a client's is logged beside it, never taken).
  assert.match(body.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  assert.equal(body, { statusCode: 404, code: 'SAMFLYT_NOT_FOUND', message: 'No route GET /api/nothing-here', requestId: body.requestId })
  assert.is(response.headers['x-request-id'], body.requestId)
})

test('a body that is not JSON says so', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' })
  assert.is(response.statusCode, 400)
  assert.is(json(response).code, 'SAMFLYT_VALIDATION')
  assert.match(json(response).message, /JSON/)
})

test('schema violations list every field and what is wrong with it', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: 7, extra: true } })
  assert.is(response.statusCode, 400)
  const { details, message } = json(response)
  assert.ok(details.some((d: any) => d.path === '/body/username' && /fewer than 1/.test(d.message)), JSON.stringify(details))
  assert.ok(details.some((d: any) => d.path === '/body/extra' && d.message === 'is not a known property'))
  assert.match(message, /^The request is invalid: /)
})

test('an oversized body is a 413 naming the limit', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari', password: 'x'.repeat(70 * 1024) } })
  assert.is(response.statusCode, 413)
  assert.is(json(response).code, 'SAMFLYT_BODY_TOO_LARGE')
  assert.match(json(response).message, /limit of 65536 bytes/)
})

test('a body of a type the route does not take is a 415', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-yaml' }, payload: 'username: kari' })
  assert.is(response.statusCode, 415)
  assert.is(json(response).code, 'SAMFLYT_UNSUPPORTED_MEDIA_TYPE')
})

test('a 5xx hides what went wrong from the caller and logs it under the request id', async () => {
  let logs = ''
  const stream = new PassThrough().on('data', (c) => (logs += c))
  const app = await buildApp({ db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }), logger: createLogger('info', stream), bodyLimitBytes: 1024 })
  app.get('/boom', { config: { roles: 'public' } }, async () => {
    throw new Error('relation "secret_table" does not exist at 10.0.0.5')
  })
  const response = await app.inject({ url: '/boom', headers: { 'x-request-id': 'boom-1' } })
  await app.close()
  assert.is(response.statusCode, 500)
  const id = json(response).requestId
  assert.equal(json(response), { statusCode: 500, code: 'SAMFLYT_INTERNAL', message: `Something failed inside Samflyt; quote request id ${id} when reporting it`, requestId: id })
  assert.ok(logs.includes('secret_table') && logs.includes(id) && logs.includes('boom-1'), 'the log has the details, the id, and the client\'s id')
})

test('a route that does not declare its roles cannot be registered', async () => {
  const app = await buildApp({ db: t.db, engine: t.engine, tokens: createTokenService({ secret: TEST_SECRET, ttlSeconds: 60 }), logger: createLogger('silent'), bodyLimitBytes: 1024 })
  assert.throws(() => app.get('/open-by-accident', async () => 'oops'), /GET \/open-by-accident does not declare the roles it allows/)
  await app.close()
})

test('every error code in the catalogue has a 4xx/5xx status, a description, and is in the OpenAPI document', async () => {
  const openapi = json((await t.app.inject({ url: '/openapi.json' })))
  for (const [code, { status, description }] of Object.entries(ERRORS)) {
    assert.ok(status >= 400 && status < 600, code)
    assert.ok(description.length > 20, `${code} is described`)
    assert.ok(openapi.info.description.includes(code), `${code} is documented`)
  }
})

test.run()
