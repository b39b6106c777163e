// What the one door and the case pages ask of the API besides intake: the duplicate check before
// saving, search by reference, name or identity number (always in the body), the case view with
// numbers masked, a number shown only for a stated reason (recorded in the access log), and the
// settings the browser checks identity numbers by.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { identity, openOffice, readCase, registerCase, statusOf, type Office } from '../e2e/helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

const post = (url: string, payload: unknown, user = 'kari') => office.t.app.inject({ method: 'POST', url, headers: office.auth[user], payload: payload as never })
const accessLog = async (id: string) => json(await office.t.app.inject({ url: `/api/cases/${id}/access-log`, headers: office.auth.randi })) as { username: string; purpose: string; fullIdentity: boolean }[]

test('the duplicate check: an unknown number, then the person and the open case a new enquiry would be linked to', async () => {
  const number = identity('1971-04-04')
  const before = await post('/api/cases/duplicate-check', { identityNumber: number })
  assert.is(before.statusCode, 200, before.body)
  assert.equal(json(before), { person: null, openCase: null })

  const { case: open } = await registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Dag Dublett' } })
  const after = json(await post('/api/cases/duplicate-check', { identityNumber: number }))
  assert.equal(after.person, { name: 'Dag Dublett' })
  assert.is(after.openCase.reference, open.reference)
  assert.is(after.openCase.id, open.id)
  // ... and the enquiry is then linked to exactly that case, as the check said.
  const second = await registerCase(office, { channel: 'nav-referral', person: { identityNumber: number, name: 'Dag Dublett' } })
  assert.equal(second.linkedTo, { id: open.id, reference: open.reference })
  assert.ok((await accessLog(open.id)).some((e) => e.purpose === 'POST /api/cases/duplicate-check (intake)' && e.username === 'kari'))

  const bad = await post('/api/cases/duplicate-check', { identityNumber: '1234' })
  assert.is(bad.statusCode, 400)
  assert.is((await post('/api/cases/duplicate-check', { identityNumber: number }, 'ola')).statusCode, 403, 'the intake group does not register enquiries')
})

test('search by reference, by a part of the name in any case, and by identity number; numbers masked; open cases first', async () => {
  const number = identity('1982-09-09')
  const { case: first } = await registerCase(office, { channel: 'application', person: { identityNumber: number, name: 'Søren Søkbar' } })
  const withdrawn = await post(`/api/cases/${first.id}/withdraw`, { reason: 'Flyttet.' })
  assert.is(withdrawn.statusCode, 202, withdrawn.body)
  await statusOf(office, first.id, 'withdrawn')
  const { case: second } = await registerCase(office, { channel: 'internal-notice', person: { identityNumber: number, name: 'Søren Søkbar' } })

  const byReference = json(await post('/api/cases/search', { query: first.reference.toLowerCase() }))
  assert.is(byReference.kind, 'reference')
  assert.equal(byReference.items.map((c: any) => c.id), [first.id])

  const byName = json(await post('/api/cases/search', { query: 'søkb' }))
  assert.is(byName.kind, 'name')
  assert.equal(byName.items.map((c: any) => c.id), [second.id, first.id], 'the open case first')
  assert.is(byName.items[0].person.identityNumber, `${number.slice(0, 6)}*****`)

  const byNumber = json(await post('/api/cases/search', { query: number }))
  assert.is(byNumber.kind, 'identity-number')
  assert.equal(byNumber.items.map((c: any) => c.id).sort(), [first.id, second.id].sort())
  assert.ok(byNumber.items.every((c: any) => c.person.identityNumber.endsWith('*****')))

  const nothing = json(await post('/api/cases/search', { query: 'Ingen Slik Person' }))
  assert.equal(nothing.items, [])
  // A caseworker of another unit finds none of this unit's cases.
  const other = `Bearer ${await office.t.tokenAs({ username: 'eva', roles: ['caseworker'], unit: 'Andre enhet' })}`
  const elsewhere = json(await office.t.app.inject({ method: 'POST', url: '/api/cases/search', headers: { authorization: other }, payload: { query: 'Søkbar' } }))
  assert.equal(elsewhere.items, [])
})

test('a search says what is wrong with its body: neither or both of identityNumber and query, an empty query', async () => {
  for (const body of [{}, { identityNumber: identity('1990-01-01'), query: 'abc' }, { query: '  ' }]) {
    const response = await post('/api/cases/search', body)
    assert.is(response.statusCode, 400, JSON.stringify(body))
    assert.is(json(response).details[0].path, '/query')
  }
})

test('the case view masks numbers on request; the full number is shown for a stated reason, and the access log has it', async () => {
  const number = identity('2012-05-05')
  const guardian = identity('1980-02-02')
  const { case: registered } = await registerCase(office, {
    channel: 'application', sender: { role: 'parent', name: 'Mona Mor' },
    person: { identityNumber: number, name: 'Mia Maskert' },
    guardians: [{ name: 'Mona Mor', relation: 'parent', identityNumber: guardian, mayConsent: true }],
  })
  const masked = json(await office.t.app.inject({ url: `/api/cases/${registered.id}?masked=true`, headers: office.auth.kari }))
  assert.is(masked.person.identityNumber, `${number.slice(0, 6)}*****`)
  assert.is(masked.guardians[0].identityNumber, `${guardian.slice(0, 6)}*****`)
  assert.is((await readCase(office, registered.id)).person.identityNumber, number, 'without masked, a caseworker sees it as before')

  const shown = await post(`/api/cases/${registered.id}/identity`, { reason: 'Oppslag i Folkeregisteret' })
  assert.is(shown.statusCode, 200, shown.body)
  assert.equal(json(shown), { identityNumber: number, guardians: [{ id: masked.guardians[0].id, identityNumber: guardian }] })
  const log = await accessLog(registered.id)
  const entry = log.find((e) => e.purpose === 'Identity number shown: Oppslag i Folkeregisteret')
  assert.ok(entry, JSON.stringify(log))
  assert.is(entry!.username, 'kari')
  assert.is(entry!.fullIdentity, true)
  assert.ok(log.some((e) => e.purpose === 'GET /api/cases/:id' && e.fullIdentity === false), 'the masked read is recorded as such')

  assert.is((await post(`/api/cases/${registered.id}/identity`, { reason: '' })).statusCode, 400)
  const numberInReason = await post(`/api/cases/${registered.id}/identity`, { reason: `Sjekk ${number}` })
  assert.is(numberInReason.statusCode, 400)
  assert.not.match(numberInReason.body, number)
  assert.is((await post(`/api/cases/${registered.id}/identity`, { reason: 'Nysgjerrig' }, 'ingrid')).statusCode, 403)
  assert.is((await post('/api/cases/999999/identity', { reason: 'Finnes ikke' })).statusCode, 404)
})

test('intake settings: the server\'s date and whether synthetic test numbers are accepted, for the browser\'s check', async () => {
  const settings = json(await office.t.app.inject({ url: '/api/cases/intake-settings', headers: office.auth.kari }))
  assert.is(settings.allowSyntheticIdentities, true)
  assert.is(settings.now, office.clock.now.toISOString())
  assert.match(settings.today, /^\d{4}-\d{2}-\d{2}$/)
})

test.run()
