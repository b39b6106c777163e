// Process definitions, the deployments that brought them, and the BPMN files they came from. A
// file is stored once, by its checksum, however many processes (or deployments) it holds:
// `bpmn_resources` has the XML, each definition names its file's checksum.
import type { Sql } from '../../db/connect.js'

export interface DefinitionSummary {
  key: string
  processId: string
  version: number
  name: string | null
  resourceName: string
  checksum: string
  deploymentKey: string
  deployedAt: Date
}

export interface DefinitionRow extends DefinitionSummary {
  xml: string
}

const columns = (sql: Sql) => sql`
  d.key::text, d.process_id as "processId", d.version, d.name, d.resource_name as "resourceName", d.checksum,
  d.deployment_key::text as "deploymentKey", d.deployed_at as "deployedAt"`

export async function insertDeployment(sql: Sql, deployedBy: string | null): Promise<string> {
  const [row] = await sql<{ key: string }[]>`insert into deployments (deployed_by) values (${deployedBy}) returning key::text`
  return row!.key
}

/** Keeps a BPMN file's text, once per content. */
export async function insertResource(sql: Sql, checksum: string, xml: string): Promise<void> {
  await sql`insert into bpmn_resources (checksum, content) values (${checksum}, ${xml}) on conflict (checksum) do nothing`
}

/** The latest version of a process, without its XML (a redeploy compares checksums). */
export async function latestDefinition(sql: Sql, processId: string): Promise<DefinitionSummary | undefined> {
  const [row] = await sql<DefinitionSummary[]>`
    select ${columns(sql)} from process_definitions d where d.process_id = ${processId} order by d.version desc limit 1`
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

/** One definition with the XML of its file. */
export async function definitionByKey(sql: Sql, key: string): Promise<DefinitionRow | undefined> {
  const [row] = await sql<DefinitionRow[]>`
    select ${columns(sql)}, r.content as xml
    from process_definitions d join bpmn_resources r on r.checksum = d.checksum
    where d.key = ${key}`
  return row
}

export async function insertDefinition(
  sql: Sql,
  row: { processId: string; version: number; name: string | null; resourceName: string; checksum: string; deploymentKey: string },
): Promise<DefinitionSummary> {
  const [inserted] = await sql<DefinitionSummary[]>`
    insert into process_definitions as d (process_id, version, name, resource_name, checksum, deployment_key)
    values (${row.processId}, ${row.version}, ${row.name}, ${row.resourceName}, ${row.checksum}, ${row.deploymentKey})
    returning ${columns(sql)}`
  return inserted!
}

/** Every definition (of one process, or all), newest version first; never the XML. */
export async function listDefinitions(sql: Sql, processId?: string): Promise<DefinitionSummary[]> {
  return sql<DefinitionSummary[]>`
    select ${columns(sql)} from process_definitions d
    ${processId ? sql`where d.process_id = ${processId}` : sql``}
    order by d.process_id, d.version desc`
}
