// The browser session over HTTP: the cookie sign-in, CSRF on state-changing requests, the Origin
// check, renewal, sign-out, and bearer tokens untouched.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { LightMyRequestResponse } from 'fastify'
import { json, testApp, type TestApp } from '../helpers/app.js'

let t: TestApp

test.before(async () => {
  // Short-lived tokens, so that renewal past half the life can be seen.
  t = await testApp({ ttlSeconds: 4 })
})
test.after(async () => t?.close())

interface Session { cookie: string; csrf: string }

function cookiesOf(response: LightMyRequestResponse) {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie]))
}

async function signIn(username = 'kari'): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `${username}-demo`, session: true } })
  assert.is(response.statusCode, 200, response.body)
  const cookies = cookiesOf(response)
  return { cookie: `samflyt_session=${cookies.samflyt_session!.value}; samflyt_csrf=${cookies.samflyt_csrf!.value}`, csrf: cookies.samflyt_csrf!.value }
}

test('a session sign-in sets an httpOnly, SameSite=Strict session cookie and a readable CSRF cookie, and returns no token', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari', password: 'kari-demo', session: true } })
  assert.is(response.statusCode, 200)
  assert.is(json(response).token, undefined)
  assert.is(json(response).user.username, 'kari')
  const { samflyt_session: session, samflyt_csrf: csrf } = cookiesOf(response)
  assert.ok(session && csrf)
  assert.is(session!.httpOnly, true)
  assert.is(session!.sameSite, 'Strict')
  assert.is(session!.path, '/')
  assert.not.ok(session!.secure, 'plain http: not Secure')
  assert.not.ok(csrf!.httpOnly)
  assert.is(csrf!.sameSite, 'Strict')
})

test('over https (as behind a TLS proxy) the cookies are Secure', async () => {
  const https = await testApp()
  try {
    // light-my-request has no TLS; fastify reads the protocol from the socket, so a proxy header is not trusted by default.
    const response = await https.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari', password: 'kari-demo', session: true }, headers: { 'x-forwarded-proto': 'https' } })
    assert.not.ok(cookiesOf(response).samflyt_session!.secure, 'an untrusted forwarded header does not make it Secure')
  } finally {
    await https.close()
  }
})

test('a bearer login still returns the token and sets no cookie for API clients that ask for none', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kari', password: 'kari-demo' } })
  assert.is(response.statusCode, 200)
  assert.type(json(response).token, 'string')
  assert.is(response.cookies.length, 0)
})

test('the session cookie signs in reads, and a state-changing request needs the CSRF header', async () => {
  const session = await signIn()
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })
  assert.is(me.statusCode, 200)
  assert.is(json(me).username, 'kari')

  const without = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: session.cookie }, payload: { language: 'nn' } })
  assert.is(without.statusCode, 403)
  assert.match(json(without).message, /x-csrf-token/)
  const wrong = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: session.cookie, 'x-csrf-token': 'forged' }, payload: { language: 'nn' } })
  assert.is(wrong.statusCode, 403)
  assert.is(json(await t.app.inject({ method: 'GET', url: '/api/me/preferences', headers: { cookie: session.cookie } })).language, 'nb', 'nothing written')

  const right = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { language: 'nn' } })
  assert.is(right.statusCode, 200, right.body)
  assert.is(json(await t.app.inject({ method: 'GET', url: '/api/me/preferences', headers: { cookie: session.cookie } })).language, 'nn')
})

test("another session's CSRF value does not do: it is bound to the session", async () => {
  const kari = await signIn('kari')
  const siri = await signIn('siri')
  const response = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: kari.cookie, 'x-csrf-token': siri.csrf }, payload: { language: 'nn' } })
  assert.is(response.statusCode, 403)
})

test('a state-changing request from another site is refused even with the right CSRF header', async () => {
  const session = await signIn()
  const response = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example', host: 'samflyt.kommune.no' }, payload: { language: 'nb' } })
  assert.is(response.statusCode, 403)
  assert.match(json(response).message, /another site/)
  const own = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://samflyt.kommune.no', host: 'samflyt.kommune.no' }, payload: { language: 'nb' } })
  assert.is(own.statusCode, 200)
})

test('a bearer token needs no CSRF header, and sends no cookie', async () => {
  const token = await t.tokenFor('kari')
  const response = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { authorization: `Bearer ${token}`, origin: 'https://tool.example' }, payload: { language: 'nb' } })
  assert.is(response.statusCode, 200)
  assert.is(response.cookies.length, 0)
})

test('a session in use past half its life is renewed; an ended one gets 401 and its cookies cleared', async () => {
  const session = await signIn()
  await new Promise((resolve) => setTimeout(resolve, 2_300))
  const renewed = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })
  assert.is(renewed.statusCode, 200)
  const fresh = cookiesOf(renewed)
  assert.ok(fresh.samflyt_session && fresh.samflyt_session.value !== session.cookie.split(';')[0]!.split('=')[1])
  assert.ok(fresh.samflyt_csrf)

  await new Promise((resolve) => setTimeout(resolve, 2_000))
  const ended = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })
  assert.is(ended.statusCode, 401)
  assert.match(json(ended).message, /session has ended/)
  const cleared = cookiesOf(ended)
  assert.is(cleared.samflyt_session!.value, '')
})

test('sign-out clears both cookies', async () => {
  const session = await signIn()
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } })
  assert.is(response.statusCode, 204)
  const cookies = cookiesOf(response)
  assert.is(cookies.samflyt_session!.value, '')
  assert.is(cookies.samflyt_csrf!.value, '')
  assert.ok(cookies.samflyt_session!.expires! <= new Date())
})

test('preferences: an unknown language is a 400 that names the field', async () => {
  const token = await t.tokenFor('kari')
  const response = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: { authorization: `Bearer ${token}` }, payload: { language: 'sv' } })
  assert.is(response.statusCode, 400)
  assert.match(JSON.stringify(json(response).details), /language/)
})

test.run()
