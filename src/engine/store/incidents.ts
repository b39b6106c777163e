// Incidents: an instance stuck on one element until an operator resolves it.
import type { Fragment } from 'postgres'
import type { Sql } from '../../db/connect.js'
import type { IncidentType } from '../types.js'

export interface IncidentRow {
  key: string
  instanceKey: string
  incidentId: number
  elementInstanceId: number
  elementId: string
  type: IncidentType
  message: string
  state: 'active' | 'resolved'
  createdAt: Date
  resolvedAt: Date | null
  resolvedBy: string | null
}

const columns = (sql: Sql) => sql`
  key::text, instance_key::text as "instanceKey", incident_id as "incidentId", element_instance_id as "elementInstanceId",
  element_id as "elementId", type, message, state, created_at as "createdAt", resolved_at as "resolvedAt", resolved_by as "resolvedBy"`

export interface NewIncident {
  instanceKey: string
  incidentId: number
  elementInstanceId: number
  elementId: string
  type: IncidentType
  message: string
}

export async function insertIncidents(sql: Sql, incidents: NewIncident[], now: Date): Promise<void> {
  if (incidents.length === 0) return
  await sql`insert into incidents ${sql(
    incidents.map((i) => ({
      instance_key: i.instanceKey,
      incident_id: i.incidentId,
      element_instance_id: i.elementInstanceId,
      element_id: i.elementId,
      type: i.type,
      message: i.message,
      created_at: now,
    })),
  )}`
}

export async function markResolved(sql: Sql, instanceKey: string, incidentId: number, actor: string | null, now: Date): Promise<void> {
  await sql`
    update incidents set state = 'resolved', resolved_at = ${now}, resolved_by = ${actor}
    where instance_key = ${instanceKey} and incident_id = ${incidentId}`
}

export async function getIncident(sql: Sql, key: string): Promise<IncidentRow | undefined> {
  const [row] = await sql<IncidentRow[]>`select ${columns(sql)} from incidents where key = ${key}`
  return row
}

export async function listIncidents(
  sql: Sql,
  /** `scope`: an extra condition on the rows (incidents.instance_key), the caller's access rule. */
  filter: { state?: IncidentRow['state'] | undefined; instanceKey?: string | undefined; scope?: Fragment | undefined; limit: number; offset: number },
): Promise<IncidentRow[]> {
  return sql<IncidentRow[]>`
    select ${columns(sql)} from incidents
    where true
      ${filter.state ? sql`and state = ${filter.state}` : sql``}
      ${filter.instanceKey ? sql`and instance_key = ${filter.instanceKey}` : sql``}
      ${filter.scope ? sql`and ${filter.scope}` : sql``}
    order by key desc limit ${filter.limit} offset ${filter.offset}`
}
