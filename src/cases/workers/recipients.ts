// Who gets what about a case. Recipients are labels (person, guardian:<name>, unit:<unit>, ...),
// never identity numbers.
import type { Sql } from '../../db/connect.js'
import { validateIdentityNumber } from '../identity.js'
import type { CaseRow } from '../cases.js'
import type { GuardianRow } from '../people.js'

const AGE_OF_CONSENT = 16

/** The person, or for a child under 16 the guardians who may consent (the person if none is registered). */
export async function consentRecipients(sql: Sql, found: CaseRow, guardians: GuardianRow[], now: Date): Promise<string[]> {
  const [person] = await sql<{ identityNumber: string }[]>`select identity_number as "identityNumber" from people where id = ${found.personId}`
  const identity = validateIdentityNumber(person!.identityNumber, { now, allowSynthetic: true })
  const child = identity.valid && identity.age !== null && identity.age < AGE_OF_CONSENT
  const consenting = guardians.filter((g) => g.mayConsent).map((g) => `guardian:${g.name}`)
  return child && consenting.length > 0 ? consenting : ['person']
}
