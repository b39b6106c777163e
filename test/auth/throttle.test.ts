// Sign-in throttling: failed sign-ins are counted per username and per address; past the limit
// every sign-in there gets 429 with Retry-After, the right password included. Failures are logged
// with the username and never the password.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { DEFAULT_LOGIN_THROTTLE } from '../../src/api/plugins/login-throttle.js'

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

const login = (username: string, password: string, remoteAddress = '192.0.2.10') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })

test('after too many wrong passwords for one username, sign-in gets 429 with Retry-After, even with the right one', async () => {
  const { perUsername, windowSeconds } = DEFAULT_LOGIN_THROTTLE
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
  const { perAddress } = DEFAULT_LOGIN_THROTTLE
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
  for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.perUsername + 2; i++) {
    assert.is((await login('siri', 'siri-demo', '192.0.2.99')).statusCode, 200)
  }
})

test('a failed sign-in is logged with the username and the address, never the password', async () => {
  await login('randi', 'secret-guess-4711', '192.0.2.44')
  const line = t.logs().split('\n').find((l) => l.includes('"sign-in failed"') && l.includes('"username":"randi"'))
  assert.ok(line, 'the failure is logged with the username')
  assert.match(line!, /"address":"192\.0\.2\.44"/)
  assert.match(line!, /"reason":"wrong password"/)
  assert.not.ok(t.logs().includes('secret-guess-4711'), 'the password never reaches the log')
  assert.ok(t.logs().includes('"sign-in throttled"'), 'a throttled attempt is logged too')
})

test.run()
