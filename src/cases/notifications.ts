// What the KE sent to whom about a case. A worker passes its job key: a retried job finds its
// notification already there and does not send it twice.
import type { Sql } from '../db/connect.js'

export type NotificationKind =
  | 'duplicate-linked' | 'consent-request' | 'consent-reminder' | 'agency-notice' | 'agenda'
  | 'coordinator-appointed' | 'interim-reply' | 'overdue-escalation' | 'withdrawn' | 'decision-letter'
  | 'manual-escalation' | 'handled-alone'

export interface NotificationRow {
  id: string
  kind: NotificationKind
  recipient: string
  message: string
  createdAt: Date
}

export async function notify(sql: Sql, caseId: string, kind: NotificationKind, recipient: string, message: string, jobKey: string | null): Promise<void> {
  await sql`
    insert into case_notifications (case_id, kind, recipient, message, job_key)
    values (${caseId}, ${kind}, ${recipient}, ${message}, ${jobKey})
    on conflict (case_id, kind, recipient, job_key) do nothing`
}

export async function listNotifications(sql: Sql, caseId: string): Promise<NotificationRow[]> {
  return sql<NotificationRow[]>`
    select id::text, kind, recipient, message, created_at as "createdAt" from case_notifications where case_id = ${caseId} order by id`
}
