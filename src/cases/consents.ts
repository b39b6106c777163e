// Consent per case (pbrl chapter 4): missing, requested (with reminders), given or refused.
// `consentGiven` is consent to coordinated follow-up, a coordinator included; `ipDeclined` says
// the person declined an individual plan, which closes the IP part but not the coordinator offer.
import type { Sql } from '../db/connect.js'
import type { ConsentScope, ConsentStatus } from './types.js'

export interface ConsentRow {
  status: ConsentStatus
  consentGiven: boolean | null
  ipDeclined: boolean
  /** What the consent covers; sharing with the intake group and agencies needs information-sharing. */
  scope: ConsentScope[]
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
  /** What a given consent covers; default the individual plan (unless declined) and a coordinator, never sharing. */
  scope?: ConsentScope[] | undefined
  givenBy?: 'person' | 'guardian' | 'parent' | null | undefined
}

/** The scope a consent is recorded with: none when refused; sharing only when named. */
export function consentScope(answer: ConsentAnswer | null): ConsentScope[] {
  if (!answer || !answer.consentGiven) return []
  if (answer.scope) return [...new Set(answer.scope)].sort()
  return answer.ipDeclined ? ['coordinator'] : ['coordinator', 'individual-plan']
}

export async function getConsent(sql: Sql, caseId: string): Promise<ConsentRow | undefined> {
  const [row] = await sql<ConsentRow[]>`
    select status, consent_given as "consentGiven", ip_declined as "ipDeclined", scope, given_by as "givenBy", requested_at as "requestedAt",
           reminders, last_reminder_at as "lastReminderAt", answered_at as "answeredAt", recorded_by as "recordedBy"
    from consents where case_id = ${caseId}`
  return row
}

/** The consent as registered at intake: given, refused, or missing (to be requested). */
export async function insertConsent(sql: Sql, caseId: string, answer: ConsentAnswer | null, actor: string): Promise<void> {
  const status: ConsentStatus = answer === null ? 'missing' : answer.consentGiven ? 'given' : 'refused'
  await sql`
    insert into consents (case_id, status, consent_given, ip_declined, scope, given_by, answered_at, recorded_by)
    values (${caseId}, ${status}, ${answer?.consentGiven ?? null}, ${answer?.ipDeclined ?? false}, ${consentScope(answer)}::text[], ${answer?.givenBy ?? null},
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
    insert into consents (case_id, status, consent_given, ip_declined, scope, given_by, answered_at, recorded_by)
    values (${caseId}, ${status}, ${answer.consentGiven}, ${answer.ipDeclined}, ${consentScope(answer)}::text[], ${answer.givenBy ?? null}, ${now}, ${actor})
    on conflict (case_id) do update set status = excluded.status, consent_given = excluded.consent_given,
      ip_declined = excluded.ip_declined, scope = excluded.scope, given_by = coalesce(excluded.given_by, consents.given_by),
      answered_at = excluded.answered_at, recorded_by = excluded.recorded_by, updated_at = now()`
}
