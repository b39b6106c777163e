// Signing in to the web app through an OpenID Connect provider: authorization code with PKCE
// against the issuer's discovery document. nock stands in for the provider's endpoints; keys,
// signatures and hashes are real.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import nock from 'nock'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import type { LightMyRequestResponse } from 'fastify'
import { json, testApp, type TestApp } from '../helpers/app.js'

const PROVIDER = 'https://login.kommune.example'
const ISSUER = `${PROVIDER}/realms/ke`
const OIDC = { issuer: ISSUER, jwksUrl: `${ISSUER}/certs`, audience: 'samflyt-api', rolesClaim: 'realm_access.roles', usernameClaim: 'preferred_username', clientId: 'samflyt-web', name: 'Kommunens innlogging' }

let t: TestApp
let key: CryptoKey
/** What the token endpoint received, per call. */
const exchanges: URLSearchParams[] = []
let idTokenClaims: () => Record<string, unknown> = () => ({})
let lastAuthorize: URL | undefined

test.before(async () => {
  nock.disableNetConnect()
  nock.enableNetConnect('127.0.0.1')
  const pair = await generateKeyPair('RS256')
  key = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
  nock(PROVIDER).get('/realms/ke/.well-known/openid-configuration').reply(200, {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    token_endpoint: `${ISSUER}/token`,
    jwks_uri: `${ISSUER}/certs`,
  }).persist()
  nock(PROVIDER).get('/realms/ke/certs').reply(200, { keys: [jwk] }).persist()
  nock(PROVIDER).post('/realms/ke/token').reply(async (_uri, body) => {
    const form = new URLSearchParams(String(body))
    exchanges.push(form)
    const challenge = lastAuthorize!.searchParams.get('code_challenge')
    // The provider's side of PKCE: the verifier must hash to the challenge it was shown.
    if (createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') !== challenge) return [400, { error: 'invalid_grant' }]
    const idToken = await new SignJWT({ preferred_username: 'berit.ke', name: 'Berit KE', nonce: lastAuthorize!.searchParams.get('nonce'), realm_access: { roles: ['caseworker'] }, ...idTokenClaims() })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience('samflyt-web')
      .setSubject('f:42')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key)
    return [200, { id_token: idToken, access_token: 'opaque', token_type: 'Bearer' }]
  }).persist()
  t = await testApp({ oidc: OIDC })
})

test.after(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await t?.close()
})

const cookie = (response: LightMyRequestResponse, name: string) => response.cookies.find((c) => c.name === name)

async function start(next = '/oppgaver/7') {
  const response = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?neste=${encodeURIComponent(next)}`, headers: { host: 'samflyt.kommune.example' } })
  assert.is(response.statusCode, 302, response.body)
  lastAuthorize = new URL(String(response.headers.location))
  return { authorize: lastAuthorize, pending: cookie(response, 'samflyt_oidc')! }
}

const callback = (query: Record<string, string>, pendingValue?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/auth/oidc/callback?${new URLSearchParams(query)}`,
    headers: { host: 'samflyt.kommune.example', ...(pendingValue ? { cookie: `samflyt_oidc=${pendingValue}` } : {}) },
  })

test('the sign-in page is told the provider is offered, and by which name', async () => {
  assert.equal(json(await t.app.inject({ method: 'GET', url: '/api/auth/oidc' })), { enabled: true, name: 'Kommunens innlogging' })
})

test('start sends the browser to the discovered authorization endpoint with PKCE (S256), state and nonce', async () => {
  const { authorize, pending } = await start()
  assert.is(`${authorize.origin}${authorize.pathname}`, `${ISSUER}/auth`)
  assert.is(authorize.searchParams.get('response_type'), 'code')
  assert.is(authorize.searchParams.get('client_id'), 'samflyt-web')
  assert.is(authorize.searchParams.get('redirect_uri'), 'http://samflyt.kommune.example/api/auth/oidc/callback')
  assert.is(authorize.searchParams.get('code_challenge_method'), 'S256')
  assert.match(authorize.searchParams.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/)
  assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'))
  assert.match(authorize.searchParams.get('scope')!, /openid/)
  assert.is(pending.httpOnly, true)
  assert.is(pending.sameSite, 'Lax')
})

test('the callback exchanges the code with the verifier, checks the ID token, and starts a session that returns to the page asked for', async () => {
  const { authorize, pending } = await start('/oppgaver/7')
  const response = await callback({ code: 'the-code', state: authorize.searchParams.get('state')! }, pending.value)
  assert.is(response.statusCode, 200)
  assert.match(response.body, /http-equiv="refresh" content="0;url=\/oppgaver\/7"/)
  const exchange = exchanges.at(-1)!
  assert.is(exchange.get('grant_type'), 'authorization_code')
  assert.is(exchange.get('code'), 'the-code')
  assert.is(exchange.get('client_id'), 'samflyt-web')
  const session = cookie(response, 'samflyt_session')
  assert.ok(session, 'a session cookie')
  assert.is(session!.sameSite, 'Strict')
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `samflyt_session=${session!.value}` } })
  assert.equal(json(me), { username: 'berit.ke', displayName: 'Berit KE', roles: ['caseworker'], unit: null })
})

test('a callback whose state is not the one started here gets no session', async () => {
  const { pending } = await start()
  const response = await callback({ code: 'the-code', state: 'forged' }, pending.value)
  assert.match(response.body, /url=\/logg-inn\?grunn=oidc-feil/)
  assert.not.ok(cookie(response, 'samflyt_session'))
  const without = await callback({ code: 'the-code', state: 'anything' })
  assert.not.ok(cookie(without, 'samflyt_session'))
})

test('an ID token for another sign-in (nonce) is refused', async () => {
  idTokenClaims = () => ({ nonce: 'someone-elses' })
  try {
    const { authorize, pending } = await start()
    const response = await callback({ code: 'the-code', state: authorize.searchParams.get('state')! }, pending.value)
    assert.match(response.body, /grunn=oidc-feil/)
    assert.not.ok(cookie(response, 'samflyt_session'))
  } finally {
    idTokenClaims = () => ({})
  }
})

test('a return address elsewhere is not followed after sign-in', async () => {
  const { authorize, pending } = await start('//evil.example/x')
  const response = await callback({ code: 'the-code', state: authorize.searchParams.get('state')! }, pending.value)
  assert.match(response.body, /content="0;url=\/"/)
})

test('the provider refusing (error=access_denied) returns to the sign-in page with a reason', async () => {
  const { authorize, pending } = await start()
  const response = await callback({ error: 'access_denied', state: authorize.searchParams.get('state')! }, pending.value)
  assert.match(response.body, /grunn=oidc-feil/)
})

test('without a client id the provider is not offered and start is 404', async () => {
  const plain = await testApp({ oidc: { ...OIDC, clientId: undefined } })
  try {
    assert.equal(json(await plain.app.inject({ method: 'GET', url: '/api/auth/oidc' })), { enabled: false, name: null })
    assert.is((await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode, 404)
  } finally {
    await plain.close()
  }
})

test.run()
