// Consent per case (pbrl chapter 4): missing, requested (with reminders), given or refused.
// `consentGiven` is consent to coordinated follow-up, a coordinator included; `ipDeclined` says
// the person declined an individual plan, which closes the IP part but not the coordinator offer.
import type { Sql } from '../db/connect.js'
import type { ConsentStatus } from './types.js'

export interface ConsentRow {
  status: ConsentStatus
  consentGiven: boolean | null
  ipDeclined: boolean
  givenBy: 'person' | 'guardian' | 'parent' | null
  requestedAt: Date | null
  reminders: number
  lastReminderAt: Date | null
  answeredAt: Date | null
  recordedBy: string | null
}

export interface ConsentAnswer {
  consentGiven: boolean
  ipDeclined: boolean
  givenBy?: 'person' | 'guardian' | 'parent' | null | undefined
}

export async function getConsent(sql: Sql, caseId: string): Promise<ConsentRow | undefined> {
  const [row] = await sql<ConsentRow[]>`
    select status, consent_given as "consentGiven", ip_declined as "ipDeclined", given_by as "givenBy", requested_at as "requestedAt",
           reminders, last_reminder_at as "lastReminderAt", answered_at as "answeredAt", recorded_by as "recordedBy"
    from consents where case_id = ${caseId}`
  return row
}

/** The consent as registered at intake: given, refused, or missing (to be requested). */
export async function insertConsent(sql: Sql, caseId: string, answer: ConsentAnswer | null, actor: string): Promise<void> {
  const status: ConsentStatus = answer === null ? 'missing' : answer.consentGiven ? 'given' : 'refused'
  await sql`
    insert into consents (case_id, status, consent_given, ip_declined, given_by, answered_at, recorded_by)
    values (${caseId}, ${status}, ${answer?.consentGiven ?? null}, ${answer?.ipDeclined ?? false}, ${answer?.givenBy ?? null},
            ${answer ? sql`now()` : null}, ${answer ? actor : null})`
}

export async function markConsentRequested(sql: Sql, caseId: string, now: Date): Promise<void> {
  await sql`update consents set status = 'requested', requested_at = coalesce(requested_at, ${now}), updated_at = now()
            where case_id = ${caseId} and status in ('missing', 'requested')`
}

export async function recordConsentReminder(sql: Sql, caseId: string, now: Date): Promise<number> {
  const [row] = await sql<{ reminders: number }[]>`
    update consents set reminders = reminders + 1, last_reminder_at = ${now}, updated_at = now()
    where case_id = ${caseId} returning reminders`
  return row?.reminders ?? 0
}

export async function recordConsentAnswer(sql: Sql, caseId: string, answer: ConsentAnswer, actor: string | null, now: Date): Promise<void> {
  const status: ConsentStatus = answer.consentGiven ? 'given' : 'refused'
  await sql`
    insert into consents (case_id, status, consent_given, ip_declined, given_by, answered_at, recorded_by)
    values (${caseId}, ${status}, ${answer.consentGiven}, ${answer.ipDeclined}, ${answer.givenBy ?? null}, ${now}, ${actor})
    on conflict (case_id) do update set status = excluded.status, consent_given = excluded.consent_given,
      ip_declined = excluded.ip_declined, given_by = coalesce(excluded.given_by, consents.given_by),
      answered_at = excluded.answered_at, recorded_by = excluded.recorded_by, updated_at = now()`
}
