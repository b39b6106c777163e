// Identity numbers never reach the log, nor travel in URLs.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { scrubIdentityNumbers } from '../../src/api/logging.js'

// A synthetic (Tenor) test number: valid checksums, month + 80.
const FNR = '01890199918'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

test('an identity number in a URL is refused with 400 and never logged', async () => {
  const response = await t.app.inject({ url: `/api/auth/me?person=${FNR}`, headers: { 'x-request-id': 'url-fnr' } })
  assert.is(response.statusCode, 400)
  assert.is(json(response).code, 'SAMFLYT_IDENTITY_IN_URL')
  const spaced = await t.app.inject({ url: `/api/people/${FNR.slice(0, 6)}%20${FNR.slice(6)}` })
  assert.is(spaced.statusCode, 404, 'a split number is not an 11-digit run, and is simply not found')
  const uuid = await t.app.inject({ url: `/api/letters/91640fca-3f66-4bc2-9edf-a${FNR}` })
  assert.is.not(json(uuid).code, 'SAMFLYT_IDENTITY_IN_URL', 'a letter id whose last group is mostly digits is a UUID, not a number')
  assert.is((await t.app.inject({ url: `/api/letters/x-${FNR}-3f66` })).statusCode, 400, 'but a number beside a dash is still refused')
  assert.ok(t.logs().includes('url-fnr'), 'the request was logged')
  assert.not.ok(t.logs().includes(FNR))
  assert.ok(t.logs().includes('[fnr]'))
})

test('an identity number in a request body or header never reaches the log, even when the request fails', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-request-id': 'body-fnr', 'x-person': FNR, authorization: `Bearer ${FNR}` },
    payload: { username: FNR, password: `pw-${FNR}` },
  })
  assert.is(response.statusCode, 401)
  assert.ok(t.logs().includes('body-fnr'))
  assert.not.ok(t.logs().includes(FNR))
  assert.not.ok(t.logs().includes(`pw-`), 'passwords are not logged either')
})

test('the log scrubber masks every shape of an 11-digit identity number and leaves other numbers', () => {
  assert.is(scrubIdentityNumbers(`fnr ${FNR}, spaced 018901 99918, id 1795413997027`), 'fnr [fnr], spaced [fnr], id 1795413997027')
})

test.run()
