// The decisions table: one row per evaluation inside a case, kept for good (the database
// refuses UPDATE and DELETE). What-if checks through the API are not recorded here.
import type { Sql } from '../db/connect.js'
import type { DeployedEvaluation } from './run.js'

export interface DecisionOrigin {
  /** The process instance and element of a business-rule task. */
  processInstanceKey?: string | null
  elementId?: string | null
  jobKey?: string | null
  caseReference?: string | null
  /** A username, or the worker that evaluated it. */
  actor: string | null
  evaluatedAt: Date
}

export interface DecisionRow {
  id: string
  ruleSetId: string
  version: number
  declaredVersion: number
  facts: Record<string, unknown>
  events: unknown[]
  reasons: DeployedEvaluation['reasons']
  processInstanceKey: string | null
  elementId: string | null
  jobKey: string | null
  caseReference: string | null
  evaluatedAt: Date
  actor: string | null
}

const columns = (sql: Sql) => sql`
  id::text, rule_set_id as "ruleSetId", version, declared_version as "declaredVersion", facts, events, reasons,
  process_instance_key::text as "processInstanceKey", element_id as "elementId", job_key as "jobKey",
  case_reference as "caseReference", evaluated_at as "evaluatedAt", actor`

/**
 * Records an evaluation. One decision per process instance, element and job: a job that runs
 * again (its lease ran out before it completed) gets the decision its first run recorded, and
 * `created` is false. Without a job key every call records a new row.
 */
export async function recordDecision(sql: Sql, evaluation: DeployedEvaluation, origin: DecisionOrigin): Promise<DecisionRow & { created: boolean }> {
  const once = origin.processInstanceKey && origin.jobKey
  const [row] = await sql<DecisionRow[]>`
    insert into decisions (rule_set_key, rule_set_id, version, declared_version, facts, events, reasons,
                           process_instance_key, element_id, job_key, case_reference, evaluated_at, actor)
    values (${evaluation.ruleSetKey}, ${evaluation.ruleSetId}, ${evaluation.version}, ${evaluation.declaredVersion},
            ${sql.json(evaluation.facts as never)}, ${sql.json(evaluation.events as never)}, ${sql.json(evaluation.reasons as never)},
            ${origin.processInstanceKey ?? null}, ${origin.elementId ?? null}, ${origin.jobKey ?? null}, ${origin.caseReference ?? null},
            ${origin.evaluatedAt}, ${origin.actor})
    ${once ? sql`on conflict (process_instance_key, element_id, job_key) where process_instance_key is not null and job_key is not null do nothing` : sql``}
    returning ${columns(sql)}`
  if (row) return { ...row, created: true }
  const [existing] = await sql<DecisionRow[]>`
    select ${columns(sql)} from decisions
    where process_instance_key = ${origin.processInstanceKey!} and element_id is not distinct from ${origin.elementId ?? null} and job_key = ${origin.jobKey!}
    order by id limit 1`
  return { ...existing!, created: false }
}

export interface DecisionFilter {
  processInstanceKey?: string | undefined
  caseReference?: string | undefined
  ruleSetId?: string | undefined
  limit: number
  offset: number
}

/** Recorded decisions, oldest first (the order they were made in). */
export async function listDecisions(sql: Sql, filter: DecisionFilter): Promise<DecisionRow[]> {
  const conditions = [
    filter.processInstanceKey !== undefined ? sql`process_instance_key = ${filter.processInstanceKey}` : null,
    filter.caseReference !== undefined ? sql`case_reference = ${filter.caseReference}` : null,
    filter.ruleSetId !== undefined ? sql`rule_set_id = ${filter.ruleSetId}` : null,
  ].filter((c) => c !== null)
  const where = conditions.reduce((acc, condition, i) => (i === 0 ? sql`where ${condition}` : sql`${acc} and ${condition}`), sql``)
  return sql<DecisionRow[]>`select ${columns(sql)} from decisions ${where} order by id limit ${filter.limit} offset ${filter.offset}`
}

export async function getDecision(sql: Sql, id: string): Promise<DecisionRow | undefined> {
  const [row] = await sql<DecisionRow[]>`select ${columns(sql)} from decisions where id = ${id}`
  return row
}
