// Every token must expire, and soon enough: one without exp, or living longer than the configured
// maximum, is refused, whether Samflyt signed it or the identity provider did. nock stands in for
// the provider's JWKS endpoint; the keys and signatures are real.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import nock from 'nock'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { testApp, json, TEST_SECRET, type TestApp } from '../helpers/app.js'
import { problemsOf } from '../helpers/config.js'

const ISSUER = 'https://login.kommune.example/realms/ke'
const MAX_LIFETIME_SECONDS = 3600

let t: TestApp
let providerKey: CryptoKey

test.before(async () => {
  nock.disableNetConnect()
  const provider = await generateKeyPair('RS256')
  providerKey = provider.privateKey
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'ke-1', alg: 'RS256', use: 'sig' }
  nock('https://login.kommune.example').get('/certs').reply(200, { keys: [jwk] }).persist()
  t = await testApp({
    maxLifetimeSeconds: MAX_LIFETIME_SECONDS,
    oidc: { issuer: ISSUER, jwksUrl: 'https://login.kommune.example/certs', audience: 'samflyt', rolesClaim: 'roles', usernameClaim: 'preferred_username' },
  })
})

test.after(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await t.close()
})

const now = () => Math.floor(Date.now() / 1000)

function localToken(times: { iat?: number; exp?: number }) {
  const jwt = new SignJWT({ name: 'Admin', roles: ['admin'], unit: null }).setProtectedHeader({ alg: 'HS256' })
    .setSubject('admin').setIssuer('samflyt').setAudience('samflyt-api')
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat)
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp)
  return jwt.sign(TEST_SECRET)
}

function providerToken(times: { iat?: number; exp?: number }) {
  const jwt = new SignJWT({ preferred_username: 'siri', roles: ['caseworker'] }).setProtectedHeader({ alg: 'RS256', kid: 'ke-1' })
    .setIssuer(ISSUER).setAudience('samflyt').setSubject('f:123')
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat)
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp)
  return jwt.sign(providerKey)
}

const me = (token: string) => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })

async function refused(token: Promise<string>, message: RegExp) {
  const response = await me(await token)
  assert.is(response.statusCode, 401, response.body)
  assert.is(json(response).code, 'SAMFLYT_UNAUTHENTICATED')
  assert.match(json(response).message, message)
}

test('a local token without exp is refused, as a token that would never expire', async () => {
  await refused(localToken({ iat: now() }), /has no exp claim; tokens must expire/)
})

test('a local token living longer than the maximum is refused; one within it works', async () => {
  await refused(localToken({ iat: now(), exp: now() + MAX_LIFETIME_SECONDS + 60 }), /lives 3660 s, longer than the 3600 s/)
  // Without iat, or with one in the future, it lives from now: a far exp is refused all the same.
  await refused(localToken({ exp: now() + 10 * MAX_LIFETIME_SECONDS }), /longer than the 3600 s/)
  await refused(localToken({ iat: now() + 30 * 24 * 3600, exp: now() + 30 * 24 * 3600 + 60 }), /longer than the 3600 s/)
  const fine = await me(await localToken({ iat: now(), exp: now() + MAX_LIFETIME_SECONDS }))
  assert.is(fine.statusCode, 200, fine.body)
})

test('a provider token without exp, or living too long, is refused; a short one works', async () => {
  await refused(providerToken({ iat: now() }), /has no exp claim/)
  await refused(providerToken({ iat: now() - 60, exp: now() + 24 * 3600 }), /longer than the 3600 s/)
  const fine = await me(await providerToken({ iat: now(), exp: now() + 300 }))
  assert.is(fine.statusCode, 200, fine.body)
  assert.is(json(fine).username, 'siri')
})

test('the maximum lifetime is a setting, and local tokens must fit in it', () => {
  assert.equal(problemsOf({ SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS: '600', SAMFLYT_TOKEN_TTL_SECONDS: '900' }), [
    'SAMFLYT_TOKEN_TTL_SECONDS (900) must not exceed SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS (600)',
  ])
  assert.equal(problemsOf({ SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS: 'forever' }), ['SAMFLYT_TOKEN_MAX_LIFETIME_SECONDS must be a whole number from 60 to 604800, got "forever"'])
})

test.run()
