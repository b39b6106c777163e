// What the intake group reads about each case on an agenda besides the outcome: the person's
// name, where the case stands, why it came to the group (the complexity rules' reasons, in bokmål
// and nynorsk), which agencies were told of the meeting, and the open task in which the group's
// outcome is recorded (completing it moves the KE process on). No identity number, no facts.
import type { Sql } from '../db/connect.js'

/** The form of the user task in which the intake group records its outcome (forms/intake-group-outcome.form). */
export const OUTCOME_FORM_ID = 'ke-intake-group-outcome'
const AGENCY_PREFIX = 'agency:'

export interface AgendaNeed {
  rule: string
  reason: string
  reasonNn: string
}

export interface AgendaDetails {
  personName: string
  caseStatus: string
  deadline: string
  needs: AgendaNeed[]
  notifiedAgencies: string[]
  outcomeTaskKey: string | null
}

export async function agendaDetails(sql: Sql, caseIds: string[]): Promise<Map<string, AgendaDetails>> {
  if (caseIds.length === 0) return new Map()
  const rows = await sql<(Omit<AgendaDetails, 'needs'> & { caseId: string; needs: AgendaNeed[] | null })[]>`
    select c.id::text as "caseId", p.name as "personName", c.status as "caseStatus", c.deadline::text as deadline,
      (select d.reasons from decisions d where d.process_instance_key = c.instance_key and d.rule_set_id = 'complexity'
        order by d.id desc limit 1) as needs,
      array(select distinct substr(n.recipient, ${AGENCY_PREFIX.length + 1}) from case_notifications n
        where n.case_id = c.id and n.kind = 'agency-notice' and n.recipient like ${`${AGENCY_PREFIX}%`} order by 1) as "notifiedAgencies",
      (select t.key::text from user_tasks t where t.instance_key = c.instance_key and t.form_id = ${OUTCOME_FORM_ID}
        and t.state = 'created' order by t.key desc limit 1) as "outcomeTaskKey"
    from cases c join people p on p.id = c.person_id
    where c.id = any(${caseIds}::bigint[])`
  return new Map(rows.map(({ caseId, needs, ...row }) => [caseId, {
    ...row,
    needs: (needs ?? []).map((n) => ({ rule: String(n.rule), reason: String(n.reason ?? ''), reasonNn: String(n.reasonNn ?? n.reason ?? '') })),
  }]))
}
