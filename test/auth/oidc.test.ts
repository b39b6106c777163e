// Tokens from an external OpenID Connect provider, checked against its key set. nock stands in
// for the provider's JWKS endpoint; the keys and signatures are real.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import nock from 'nock'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { testApp, json, type TestApp } from '../helpers/app.js'

const ISSUER = 'https://login.kommune.example/realms/ke'
const JWKS_URL = 'https://login.kommune.example/realms/ke/protocol/openid-connect/certs'

let t: TestApp
let providerKey: CryptoKey
let strangerKey: CryptoKey

test.before(async () => {
  nock.disableNetConnect()
  const provider = await generateKeyPair('RS256')
  const stranger = await generateKeyPair('RS256')
  providerKey = provider.privateKey
  strangerKey = stranger.privateKey
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'ke-1', alg: 'RS256', use: 'sig' }
  nock('https://login.kommune.example').get('/realms/ke/protocol/openid-connect/certs').reply(200, { keys: [jwk] }).persist()
  t = await testApp({
    oidc: { issuer: ISSUER, jwksUrl: JWKS_URL, audience: 'samflyt', rolesClaim: 'realm_access.roles', usernameClaim: 'preferred_username' },
  })
})

test.after(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await t.close()
})

function providerToken(key: CryptoKey, kid: string, claims: Record<string, unknown> = {}) {
  return new SignJWT({ preferred_username: 'siri.saksbehandler', name: 'Siri S', realm_access: { roles: ['caseworker', 'offline_access'] }, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(ISSUER)
    .setAudience('samflyt')
    .setSubject('f:123')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key)
}

const me = (token: string) => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })

test('a token signed by the key in the provider JWKS is accepted with its roles', async () => {
  const response = await me(await providerToken(providerKey, 'ke-1'))
  assert.is(response.statusCode, 200, response.body)
  assert.equal(json(response), { username: 'siri.saksbehandler', displayName: 'Siri S', roles: ['caseworker'], unit: null })
})

test('roles from the provider decide access like local roles do', async () => {
  const response = await t.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${await providerToken(providerKey, 'ke-1')}` } })
  assert.is(response.statusCode, 403)
})

test('a token signed by a key the provider does not list gets 401', async () => {
  const response = await me(await providerToken(strangerKey, 'ke-1'))
  assert.is(response.statusCode, 401)
  assert.match(json(response).message, /signature is invalid|does not list/)
  const unknownKid = await me(await providerToken(strangerKey, 'unknown-kid'))
  assert.is(unknownKid.statusCode, 401)
})

test('a token for another audience gets 401', async () => {
  const token = await new SignJWT({ preferred_username: 'x' })
    .setProtectedHeader({ alg: 'RS256', kid: 'ke-1' })
    .setIssuer(ISSUER)
    .setAudience('another-app')
    .setExpirationTime('5m')
    .sign(providerKey)
  const response = await me(token)
  assert.is(response.statusCode, 401)
  assert.match(json(response).message, /aud claim/)
})

test('a token from an issuer that is not configured gets 401 naming it', async () => {
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setIssuer('https://evil.example').setExpirationTime('5m').sign(providerKey)
  const response = await me(token)
  assert.is(response.statusCode, 401)
  assert.match(json(response).message, /issuer "https:\/\/evil.example" are not accepted/)
})

test.run()
