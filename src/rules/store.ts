// The rule_set_versions table: every deployed version of every rule set. Rows never change
// (the database refuses it), so a version read once can be cached for good by its key.
import type { Sql } from '../db/connect.js'
import type { RuleSetSubject } from './rule-set.js'

export interface RuleSetVersionRow {
  key: string
  ruleSetId: string
  /** 1, 2, 3 ... per rule set, in deployment order. */
  version: number
  /** The file's own `version`. */
  declaredVersion: number
  subject: RuleSetSubject
  description: string
  checksum: string
  /** The rule set's JSON text as deployed. */
  content: string
  deployedAt: Date
  deployedBy: string | null
}

const columns = (sql: Sql) => sql`
  key::text, rule_set_id as "ruleSetId", version, declared_version as "declaredVersion", subject, description,
  checksum, content, deployed_at as "deployedAt", deployed_by as "deployedBy"`

export type NewRuleSetVersion = Omit<RuleSetVersionRow, 'key' | 'deployedAt'>

export async function insertRuleSetVersion(sql: Sql, row: NewRuleSetVersion): Promise<RuleSetVersionRow> {
  const [inserted] = await sql<RuleSetVersionRow[]>`
    insert into rule_set_versions (rule_set_id, version, declared_version, subject, description, checksum, content, deployed_by)
    values (${row.ruleSetId}, ${row.version}, ${row.declaredVersion}, ${row.subject}, ${row.description}, ${row.checksum}, ${row.content}, ${row.deployedBy})
    returning ${columns(sql)}`
  return inserted!
}

export async function latestRuleSetVersion(sql: Sql, ruleSetId: string): Promise<RuleSetVersionRow | undefined> {
  const [row] = await sql<RuleSetVersionRow[]>`
    select ${columns(sql)} from rule_set_versions where rule_set_id = ${ruleSetId} order by version desc limit 1`
  return row
}

export async function ruleSetVersion(sql: Sql, ruleSetId: string, version: number): Promise<RuleSetVersionRow | undefined> {
  const [row] = await sql<RuleSetVersionRow[]>`
    select ${columns(sql)} from rule_set_versions where rule_set_id = ${ruleSetId} and version = ${version}`
  return row
}

/** Every version of every rule set (or of one), newest first within each id. */
export async function listRuleSetVersions(sql: Sql, ruleSetId?: string): Promise<RuleSetVersionRow[]> {
  return sql<RuleSetVersionRow[]>`
    select ${columns(sql)} from rule_set_versions
    ${ruleSetId === undefined ? sql`` : sql`where rule_set_id = ${ruleSetId}`}
    order by rule_set_id, version desc`
}

export async function deployedRuleSetIds(sql: Sql): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`select distinct rule_set_id as id from rule_set_versions order by 1`
  return rows.map((row) => row.id)
}
