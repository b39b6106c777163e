// Process definitions and the deployments that brought them.
import type { Sql } from '../../db/connect.js'

export interface DefinitionRow {
  key: string
  processId: string
  version: number
  name: string | null
  resourceName: string
  checksum: string
  xml: string
  deploymentKey: string
  deployedAt: Date
}

const columns = (sql: Sql) => sql`
  key::text, process_id as "processId", version, name, resource_name as "resourceName", checksum, xml,
  deployment_key::text as "deploymentKey", deployed_at as "deployedAt"`

export async function insertDeployment(sql: Sql, deployedBy: string | null): Promise<string> {
  const [row] = await sql<{ key: string }[]>`insert into deployments (deployed_by) values (${deployedBy}) returning key::text`
  return row!.key
}

export async function latestDefinition(sql: Sql, processId: string): Promise<DefinitionRow | undefined> {
  const [row] = await sql<DefinitionRow[]>`
    select ${columns(sql)} from process_definitions where process_id = ${processId} order by version desc limit 1`
  return row
}

export type DefinitionRef = Pick<DefinitionRow, 'key' | 'processId' | 'version'>

/**
 * What starting an instance needs: the definition's key, id and version, without its XML (the
 * model is cached by key). The latest version, or the given one.
 */
export async function definitionRef(sql: Sql, processId: string, version?: number): Promise<DefinitionRef | undefined> {
  const [row] = await sql<DefinitionRef[]>`
    select key::text, process_id as "processId", version from process_definitions
    where process_id = ${processId} ${version === undefined ? sql`` : sql`and version = ${version}`}
    order by version desc limit 1`
  return row
}

export async function definitionByKey(sql: Sql, key: string): Promise<DefinitionRow | undefined> {
  const [row] = await sql<DefinitionRow[]>`select ${columns(sql)} from process_definitions where key = ${key}`
  return row
}

export async function insertDefinition(
  sql: Sql,
  row: { processId: string; version: number; name: string | null; resourceName: string; checksum: string; xml: string; deploymentKey: string },
): Promise<DefinitionRow> {
  const [inserted] = await sql<DefinitionRow[]>`
    insert into process_definitions (process_id, version, name, resource_name, checksum, xml, deployment_key)
    values (${row.processId}, ${row.version}, ${row.name}, ${row.resourceName}, ${row.checksum}, ${row.xml}, ${row.deploymentKey})
    returning ${columns(sql)}`
  return inserted!
}

export async function listDefinitions(sql: Sql, processId?: string): Promise<DefinitionRow[]> {
  return sql<DefinitionRow[]>`
    select ${columns(sql)} from process_definitions
    ${processId ? sql`where process_id = ${processId}` : sql``}
    order by process_id, version desc`
}
