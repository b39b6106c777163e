// Who gets what about a case. Recipients are labels (person, guardian:<name>, unit:<unit>, ...),
// never identity numbers.
import type { Sql } from '../../db/connect.js'
import { ageAt, osloDate } from '../identity.js'
import type { CaseRow } from '../cases.js'
import type { GuardianRow } from '../people.js'

const AGE_OF_CONSENT = 16

/** The person, or for a child under 16 the guardians who may consent (the person if none is registered). */
export async function consentRecipients(sql: Sql, found: CaseRow, guardians: GuardianRow[], now: Date): Promise<string[]> {
  const [person] = await sql<{ birthDate: string }[]>`select birth_date::text as "birthDate" from people where id = ${found.personId}`
  const age = person ? ageAt(person.birthDate, osloDate(now)) : null
  const child = age !== null && age < AGE_OF_CONSENT
  const consenting = guardians.filter((g) => g.mayConsent).map((g) => `guardian:${g.name}`)
  return child && consenting.length > 0 ? consenting : ['person']
}
