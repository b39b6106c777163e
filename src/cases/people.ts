// People and their guardians. The identity number is the person's key: registering the same
// number again updates the person's contact details instead of making a second person.
import type { Sql } from '../db/connect.js'
import type { GuardianRelation, Language } from './types.js'

export interface PersonInput {
  identityNumber: string
  name: string
  address?: string | undefined
  postalCode?: string | undefined
  city?: string | undefined
  phone?: string | undefined
  email?: string | undefined
  language?: Language | undefined
}

export interface GuardianInput {
  name: string
  relation: GuardianRelation
  identityNumber?: string | undefined
  phone?: string | undefined
  email?: string | undefined
  mayConsent?: boolean | undefined
}

export interface PersonRow {
  id: string
  identityNumber: string
  identityKind: string
  birthDate: string
  name: string
  address: string | null
  postalCode: string | null
  city: string | null
  phone: string | null
  email: string | null
  language: Language
}

export interface GuardianRow {
  id: string
  name: string
  relation: GuardianRelation
  identityNumber: string | null
  phone: string | null
  email: string | null
  mayConsent: boolean
}

const personColumns = (sql: Sql) => sql`
  id::text, identity_number as "identityNumber", identity_kind as "identityKind", birth_date::text as "birthDate",
  name, address, postal_code as "postalCode", city, phone, email, language`

/**
 * Inserts the person or updates the one with this identity number. Either way the row is
 * locked until the transaction ends (an update locks it, and a second insert of the same
 * number waits for the first): two enquiries about one person at once are then handled one
 * after the other, so the second sees the first's open case.
 */
export async function upsertPerson(sql: Sql, person: PersonInput, identity: { kind: string; birthDate: string }): Promise<PersonRow> {
  const [row] = await sql<PersonRow[]>`
    insert into people (identity_number, identity_kind, birth_date, name, address, postal_code, city, phone, email, language)
    values (${person.identityNumber}, ${identity.kind}, ${identity.birthDate}, ${person.name}, ${person.address ?? null},
            ${person.postalCode ?? null}, ${person.city ?? null}, ${person.phone ?? null}, ${person.email ?? null}, ${person.language ?? 'nb'})
    on conflict (identity_number) do update set
      name = excluded.name,
      address = coalesce(excluded.address, people.address),
      postal_code = coalesce(excluded.postal_code, people.postal_code),
      city = coalesce(excluded.city, people.city),
      phone = coalesce(excluded.phone, people.phone),
      email = coalesce(excluded.email, people.email),
      language = excluded.language,
      updated_at = now()
    returning ${personColumns(sql)}`
  return row!
}

export async function getPerson(sql: Sql, id: string): Promise<PersonRow | undefined> {
  const [row] = await sql<PersonRow[]>`select ${personColumns(sql)} from people where id = ${id}`
  return row
}

export async function findPersonByIdentity(sql: Sql, identityNumber: string): Promise<PersonRow | undefined> {
  const [row] = await sql<PersonRow[]>`select ${personColumns(sql)} from people where identity_number = ${identityNumber}`
  return row
}

/** Adds the guardians not already registered for the person (same name and relation). */
export async function addGuardians(sql: Sql, personId: string, guardians: GuardianInput[]): Promise<void> {
  for (const guardian of guardians) {
    const [existing] = await sql`select id from guardians where person_id = ${personId} and name = ${guardian.name} and relation = ${guardian.relation}`
    if (existing) {
      await sql`
        update guardians set phone = coalesce(${guardian.phone ?? null}, phone), email = coalesce(${guardian.email ?? null}, email),
          identity_number = coalesce(${guardian.identityNumber ?? null}, identity_number), may_consent = ${guardian.mayConsent ?? false}
        where id = ${existing.id}`
      continue
    }
    await sql`
      insert into guardians (person_id, name, relation, identity_number, phone, email, may_consent)
      values (${personId}, ${guardian.name}, ${guardian.relation}, ${guardian.identityNumber ?? null}, ${guardian.phone ?? null},
              ${guardian.email ?? null}, ${guardian.mayConsent ?? false})`
  }
}

export async function listGuardians(sql: Sql, personId: string): Promise<GuardianRow[]> {
  return sql<GuardianRow[]>`
    select id::text, name, relation, identity_number as "identityNumber", phone, email, may_consent as "mayConsent"
    from guardians where person_id = ${personId} order by id`
}
