// The forms table: versions per form id, and which deployment brought which version.
import type { Sql } from '../db/connect.js'

export interface FormRow {
  key: string
  formId: string
  version: number
  resourceName: string
  checksum: string
  source: string
  deploymentKey: string
  deployedAt: Date
}

const columns = (sql: Sql) => sql`
  key::text, form_id as "formId", version, resource_name as "resourceName", checksum, source,
  deployment_key::text as "deploymentKey", deployed_at as "deployedAt"`

export async function latestForm(sql: Sql, formId: string): Promise<FormRow | undefined> {
  const [row] = await sql<FormRow[]>`select ${columns(sql)} from forms where form_id = ${formId} order by version desc limit 1`
  return row
}

export async function formByVersion(sql: Sql, formId: string, version: number): Promise<FormRow | undefined> {
  const [row] = await sql<FormRow[]>`select ${columns(sql)} from forms where form_id = ${formId} and version = ${version}`
  return row
}

/** Which of these form ids have a deployed version. */
export async function deployedFormIds(sql: Sql, formIds: string[]): Promise<Set<string>> {
  if (formIds.length === 0) return new Set()
  const rows = await sql<{ formId: string }[]>`select distinct form_id as "formId" from forms where form_id in ${sql(formIds)}`
  return new Set(rows.map((row) => row.formId))
}

/** Every version of every form (or of one), newest first within a form id. */
export async function listForms(sql: Sql, formId?: string): Promise<FormRow[]> {
  return sql<FormRow[]>`
    select ${columns(sql)} from forms ${formId ? sql`where form_id = ${formId}` : sql``} order by form_id, version desc`
}

export async function formsOfDeployment(sql: Sql, deploymentKey: string): Promise<FormRow[]> {
  return sql<FormRow[]>`
    select ${columns(sql)} from forms where key in (select form_key from form_deployments where deployment_key = ${deploymentKey})
    order by form_id`
}

export async function insertForm(
  sql: Sql,
  row: { formId: string; version: number; resourceName: string; checksum: string; source: string; deploymentKey: string },
): Promise<FormRow> {
  const [inserted] = await sql<FormRow[]>`
    insert into forms (form_id, version, resource_name, checksum, source, deployment_key)
    values (${row.formId}, ${row.version}, ${row.resourceName}, ${row.checksum}, ${row.source}, ${row.deploymentKey})
    returning ${columns(sql)}`
  return inserted!
}

export async function recordFormDeployment(sql: Sql, deploymentKey: string, formKey: string): Promise<void> {
  await sql`insert into form_deployments (deployment_key, form_key) values (${deploymentKey}, ${formKey}) on conflict do nothing`
}
