import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, TEST_SECRET, type TestApp } from '../helpers/app.js'
import { createTokenService } from '../../src/auth/tokens.js'
import { DEMO_USERS } from '../../src/auth/demo.js'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })

test('a demo user signs in and the token works', async () => {
  const response = await login('kari', 'kari-demo')
  assert.is(response.statusCode, 200)
  const body = json(response)
  assert.equal(body.user, { username: 'kari', displayName: 'Kari Nordmann (saksbehandler)', roles: ['caseworker'], unit: 'KE' })
  const expiresInMs = Date.parse(body.expiresAt) - Date.now()
  assert.ok(expiresInMs > 14 * 60_000 && expiresInMs <= 15 * 60_000, 'tokens are short-lived (15 minutes)')
  const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } })
  assert.is(me.statusCode, 200)
  assert.is(json(me).username, 'kari')
})

test('a wrong password and an unknown user get the same 401', async () => {
  const wrong = await login('kari', 'not-her-password')
  const unknown = await login('nobody', 'whatever')
  for (const response of [wrong, unknown]) {
    assert.is(response.statusCode, 401)
    assert.is(json(response).code, 'SAMFLYT_UNAUTHENTICATED')
    assert.is(json(response).message, 'Wrong username or password')
  }
})

test('a login without a password is a 400 naming the field', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari' } })
  assert.is(response.statusCode, 400)
  assert.equal(json(response).details, [{ path: '/body/password', message: 'is required' }])
})

test('an expired token gets 401 saying so', async () => {
  const past = createTokenService({ secret: TEST_SECRET, ttlSeconds: 60, now: () => new Date(Date.now() - 3_600_000) })
  const { token } = await past.issue({ username: 'kari', displayName: 'Kari', roles: ['caseworker'], unit: 'KE' })
  const response = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })
  assert.is(response.statusCode, 401)
  assert.match(json(response).message, /expired/)
})

test('a token signed with another secret is refused', async () => {
  const other = createTokenService({ secret: new TextEncoder().encode('another-secret-another-secret-another'), ttlSeconds: 60 })
  const { token } = await other.issue({ username: 'admin', displayName: 'Mallory', roles: ['admin'], unit: null })
  const response = await t.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${token}` } })
  assert.is(response.statusCode, 401)
  assert.match(json(response).message, /signature is invalid/)
})

test('no token gets 401; the wrong role gets 403 naming the roles allowed', async () => {
  const anonymous = await t.app.inject({ url: '/api/users' })
  assert.is(anonymous.statusCode, 401)
  const caseworker = await t.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${await t.tokenFor('kari')}` } })
  assert.is(caseworker.statusCode, 403)
  assert.is(json(caseworker).code, 'SAMFLYT_FORBIDDEN')
  assert.match(json(caseworker).message, /is for admin; you have caseworker/)
  const admin = await t.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${await t.tokenFor('admin')}` } })
  assert.is(admin.statusCode, 200)
  assert.is(json(admin).length, DEMO_USERS.length)
  assert.not.ok(admin.body.includes('scrypt'), 'password hashes never leave the server')
})

test.run()
