// Identity numbers never reach the log, nor travel in URLs.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { scrubIdentityNumbers } from '../../src/api/logging.js'
import { syntheticIdentityNumber } from '../../src/demo/identity-numbers.js'
import { validateIdentityNumber } from '../../src/cases/identity.js'

// An 11-digit run that is no valid number (its control digits are wrong), and a valid synthetic one.
const FNR = '01890199918'
const VALID = syntheticIdentityNumber('1950-01-01')

let t: TestApp
test.before(async () => {
  t = await testApp()
})
test.after(async () => {
  await t.close()
})

const refused = async (url: string) => {
  const response = await t.app.inject({ url, headers: { 'x-request-id': 'url-fnr' } })
  return response.statusCode === 400 && json(response).code === 'SAMFLYT_IDENTITY_IN_URL'
}

test('an identity number in a URL is refused with 400 and never logged', async () => {
  assert.ok(await refused(`/api/auth/me?person=${FNR}`))
  assert.ok(await refused(`/api/letters/x-${FNR}-3f66`), 'a number beside a dash')
  assert.ok(t.logs().includes('url-fnr'), 'the request was logged')
  assert.not.ok(t.logs().includes(FNR))
  assert.ok(t.logs().includes('[fnr]'))
})

test('the URL guard catches the ways a person writes an identity number, however escaped', async () => {
  const [day, month, year, rest] = [VALID.slice(0, 2), VALID.slice(2, 4), VALID.slice(4, 6), VALID.slice(6)]
  const written = [
    `${day}${month}${year}-${rest}`,
    `${day}${month}${year}%20${rest}`,
    `${day}${month}${year}%2520${rest}`,
    `${day}${month}${year}+${rest}`,
    `${day}.${month}.${year}.${rest}`,
    `${day}%2E${month}%2E${year}%2E${rest}`,
    `${day}%20${month}%20${year}%20${rest}`,
  ]
  for (const form of written) {
    assert.ok(await refused(`/api/people/${form}`), `in the path: ${form}`)
    assert.ok(await refused(`/api/cases?q=${form}`), `in the query: ${form}`)
  }
  assert.not.ok(t.logs().includes(`${day}${month}${year}`), 'nor do they reach the log in any form')
})

test('a UUID-shaped purpose that holds a valid identity number is refused; real UUIDs go through', async () => {
  assert.ok(validateIdentityNumber(VALID, { allowSynthetic: true }).valid)
  assert.ok(await refused(`/api/letters/91640fca-3f66-4bc2-9edf-00000000000a/pdf?purpose=91640fca-3f66-4bc2-9edf-a${VALID}`))
  assert.ok(await refused(`/api/letters/91640fca-3f66-4bc2-9edf-${VALID}a`), 'nor as a letter id')
  // A letter's id whose last group is (nearly) all digits, which random UUIDs are now and then.
  for (const id of ['91640fca-3f66-4bc2-9edf-a23456789012', '91640fca-3f66-4bc2-9edf-123456789012', '0b1e8c2d-5a4f-4e7b-9c3d-a12345678901']) {
    const response = await t.app.inject({ url: `/api/letters/${id}` })
    assert.is.not(json(response).code, 'SAMFLYT_IDENTITY_IN_URL', id)
  }
  // Nor are long engine keys, dates and times.
  for (const url of ['/api/process-instances/2251799813685249', '/api/cases?from=2026-11-23&to=2026-12-01T10:00:00.000Z']) {
    const response = await t.app.inject({ url })
    assert.is.not(json(response).code, 'SAMFLYT_IDENTITY_IN_URL', url)
  }
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

test('the log masker masks free-standing identity numbers and leaves other numbers', () => {
  assert.is(scrubIdentityNumbers(`fnr ${FNR}, spaced 018901 99918, id 1795413997027`), 'fnr [fnr], spaced [fnr], id 1795413997027')
})

test('the log masker never breaks a JSON line, its decimals or its ids', () => {
  const line = JSON.stringify({
    level: 30,
    reqId: '91640fca-3f66-4bc2-9edf-a01890199918',
    other: '0b1e8c2d-5a4f-4e7b-9c3d-123456789012',
    clientRequestId: 'trace-12345678901x',
    responseTime: 6040.12345678901,
    negative: -0.12345678901,
    big: 1.2345678901e21,
    key: '2251799813685249',
    person: 12345678901,
    msg: `person ${FNR} moved\non line two ${FNR}`,
    quoted: `"${FNR}"`,
  })
  const masked = scrubIdentityNumbers(`${line}\n`)
  const parsed = JSON.parse(masked)
  assert.equal(parsed, {
    ...JSON.parse(line),
    person: '[fnr]',
    msg: 'person [fnr] moved\non line two [fnr]',
    quoted: '"[fnr]"',
  })
  assert.ok(masked.includes('"responseTime":6040.12345678901'), 'a decimal is written as it was')
})

test('the log keeps a request id that can be found again: every id of a thousand requests unaltered', async () => {
  const ids = new Set<string>()
  for (let i = 0; i < 1000; i++) {
    const id = crypto.randomUUID()
    ids.add(id)
    const line = `${JSON.stringify({ level: 30, reqId: id, responseTime: Math.random() * 10_000, msg: 'request completed' })}\n`
    assert.is(scrubIdentityNumbers(line), line)
  }
  assert.is(ids.size, 1000)
})

test.run()
