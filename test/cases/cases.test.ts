// The cases table: references stay unique past 99,999 cases a year (they grow a digit instead of
// being cut to five), and the reference intake computes before the insert is the one stored.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testDatabase, type TestDatabase } from '../helpers/database.js'
import { caseReference, insertCase, nextCaseId } from '../../src/cases/cases.js'
import { upsertPerson } from '../../src/cases/people.js'

let db: TestDatabase
test.before(async () => {
  db = await testDatabase()
})
test.after(async () => {
  await db.close()
})

const newCase = (personId: string) => ({
  personId, channel: 'application' as const, senderRole: 'person' as const, senderName: null, senderOrganisation: null,
  receivedOn: '2026-03-01', deadline: '2026-03-29', interimReplyDue: '2026-04-01', unit: 'KE', language: 'nb' as const,
  summary: null, facts: {}, linkedCaseId: null, createdBy: 'kari',
})

test('references: five digits, more when the id needs them; the same whether the id is drawn first or by the insert', async () => {
  const person = await upsertPerson(db.sql, { identityNumber: '01017012345', name: 'Rita Referanse' }, { kind: 'fodselsnummer', birthDate: '1970-01-01' })
  const drawn = await insertCase(db.sql, newCase(person.id))
  assert.is(drawn.reference, caseReference('2026-03-01', drawn.id))
  assert.match(drawn.reference, /^KE-2026-\d{5}$/)
  assert.is(drawn.status, 'registered')

  const id = await nextCaseId(db.sql)
  const given = await insertCase(db.sql, { ...newCase(person.id), id })
  assert.equal([given.id, given.reference], [id, caseReference('2026-03-01', id)])

  await db.sql`select setval(pg_get_serial_sequence('cases', 'id'), 123455)`
  const large = await insertCase(db.sql, newCase(person.id))
  assert.equal([large.id, large.reference], ['123456', 'KE-2026-123456'])
  assert.is(caseReference('2026-03-01', '123456'), 'KE-2026-123456')
})

test.run()
