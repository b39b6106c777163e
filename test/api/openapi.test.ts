import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

test('the OpenAPI document lists every route with its responses, and protected ones with bearer auth', async () => {
  const response = await t.app.inject({ url: '/openapi.json' })
  assert.is(response.statusCode, 200)
  const doc = json(response)
  assert.is(doc.openapi, '3.0.3')
  for (const path of ['/health', '/ready', '/api/auth/login', '/api/auth/me', '/api/users']) assert.ok(doc.paths[path], `${path} documented`)
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      assert.ok(Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status)), `${method} ${path} declares its success response`)
    }
  }
  assert.equal(doc.paths['/api/users'].get.security, [{ bearerAuth: [] }])
  assert.ok(doc.paths['/api/users'].get.responses['403'])
  assert.is(doc.paths['/api/auth/login'].post.security, undefined)
})

test('the API docs UI is served at /docs', async () => {
  const response = await t.app.inject({ url: '/docs/' })
  assert.is(response.statusCode, 200)
  assert.match(response.headers['content-type'] as string, /text\/html/)
})

test('health answers and readiness checks the database', async () => {
  assert.equal(json(await t.app.inject({ url: '/health' })), { status: 'ok' })
  const ready = json(await t.app.inject({ url: '/ready' }))
  assert.is(ready.status, 'ready')
  assert.is(ready.database, process.env.DATABASE_URL ? 'postgres' : 'pglite')
  await t.db.sql`delete from schema_migrations where version = 1`
  const notReady = await t.app.inject({ url: '/ready' })
  assert.is(notReady.statusCode, 503)
  assert.match(json(notReady).message, /lacks 1 migration/)
})

test.run()
