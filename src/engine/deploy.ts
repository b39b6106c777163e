// Deploying BPMN: every file is parsed and validated before anything is written, then all
// processes are versioned in one transaction. A byte-identical redeploy is the existing version.
import { createHash } from 'node:crypto'
import { transaction, type Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'
import { DeploymentError } from './errors.js'
import { parseDefinition } from './model/index.js'
import { startSubscriptions } from './runtime/index.js'
import type { ProcessModel } from './types.js'
import { insertDefinition, insertDeployment, latestDefinition, type DefinitionRow } from './store/definitions.js'
import { deleteStartTimers, insertStartTimers } from './store/timers.js'
import { deleteStartSubscriptions, insertStartSubscriptions } from './store/messages.js'

export interface Resource {
  name: string
  xml: string
}

export interface DeployedProcess {
  key: string
  processId: string
  version: number
  name: string | null
  resourceName: string
  /** False when an identical resource was already deployed and this is that version. */
  isNew: boolean
}

const DEPLOY_LOCK_ID = 7_242_019_002

// ---------------------------------------------------------------- companion resources

/**
 * A kind of resource deployed together with BPMN, in the same all-or-nothing transaction (forms
 * are one). Its owner registers it, so the engine imports no domain code; a resource that no
 * registered kind claims is BPMN.
 */
export interface ResourceKind {
  readonly name: string
  claims(resourceName: string): boolean
  /**
   * Checks the kind's resources (none, when a deployment has only BPMN) against each other, what is
   * deployed and the processes being deployed. Writes nothing: `write` runs in the transaction.
   */
  prepare(sql: Sql, resources: Resource[], processes: readonly { resource: Resource; model: ProcessModel }[]): Promise<PreparedResources>
}

export interface PreparedResources {
  problems: { path: string; message: string }[]
  write(tx: Sql, deploymentKey: string): Promise<void>
}

const resourceKinds = new Map<string, ResourceKind>()

/** Registers (or replaces, by name) a companion resource kind for every deployment in this process. */
export function registerResourceKind(kind: ResourceKind): void {
  resourceKinds.set(kind.name, kind)
}

/** Parses BPMN and prepares companion resources; every problem of every file in one refusal. */
async function prepareDeployment(sql: Sql, resources: Resource[]) {
  const kinds = [...resourceKinds.values()]
  const bpmn = resources.filter((resource) => !kinds.some((kind) => kind.claims(resource.name)))
  const problems: { path: string; message: string }[] = []
  let parsed: { resource: Resource; model: ProcessModel }[] = []
  if (bpmn.length > 0 || bpmn.length === resources.length) {
    try {
      parsed = await parseResources(bpmn)
    } catch (error) {
      if (!(error instanceof SamflytError) || error.code !== 'SAMFLYT_INVALID_DEFINITION' || kinds.length === 0) throw error
      problems.push(...error.details)
    }
  }
  const prepared: PreparedResources[] = []
  for (const kind of kinds) {
    const result = await kind.prepare(sql, resources.filter((resource) => kind.claims(resource.name)), parsed)
    problems.push(...result.problems)
    prepared.push(result)
  }
  if (problems.length > 0) {
    const names = problems.map((p) => p.path).join(', ')
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `The deployment was refused; nothing was deployed. Problems at ${names}`, problems)
  }
  return { parsed, prepared }
}

export async function parseResources(resources: Resource[]): Promise<{ resource: Resource; model: ProcessModel }[]> {
  if (resources.length === 0) throw new SamflytError('SAMFLYT_VALIDATION', 'A deployment needs at least one BPMN file')
  const parsed: { resource: Resource; model: ProcessModel }[] = []
  const problems: { path: string; message: string }[] = []
  for (const resource of resources) {
    try {
      for (const model of await parseDefinition(resource.xml)) parsed.push({ resource, model })
    } catch (error) {
      if (!(error instanceof DeploymentError)) throw error
      for (const problem of error.problems) {
        problems.push({ path: problem.elementId ? `${resource.name}#${problem.elementId}` : resource.name, message: problem.message })
      }
    }
  }
  const seen = new Map<string, string>()
  for (const { resource, model } of parsed) {
    const other = seen.get(model.processId)
    if (other) problems.push({ path: `${resource.name}#${model.processId}`, message: `Process ${model.processId} is also defined in ${other}` })
    seen.set(model.processId, resource.name)
  }
  if (problems.length > 0) {
    const names = problems.map((p) => p.path).join(', ')
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `The deployment was refused; nothing was deployed. Problems at ${names}`, problems)
  }
  return parsed
}

export async function deploy(
  sql: Sql,
  resources: Resource[],
  actor: string | null,
  now: Date = new Date(),
): Promise<{ deploymentKey: string; processes: DeployedProcess[]; models: Map<string, ProcessModel>; timerDue: Date | null }> {
  const { parsed, prepared } = await prepareDeployment(sql, resources)
  return transaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(${DEPLOY_LOCK_ID})`
    const deploymentKey = await insertDeployment(tx, actor)
    const processes: DeployedProcess[] = []
    const models = new Map<string, ProcessModel>()
    let timerDue: Date | null = null
    for (const { resource, model } of parsed) {
      const checksum = createHash('sha256').update(resource.xml).digest('hex')
      const latest = await latestDefinition(tx, model.processId)
      let row: DefinitionRow
      if (latest && latest.checksum === checksum) {
        row = latest
      } else {
        row = await insertDefinition(tx, {
          processId: model.processId,
          version: (latest?.version ?? 0) + 1,
          name: model.name,
          resourceName: resource.name,
          checksum,
          xml: resource.xml,
          deploymentKey,
        })
        // Zeebe: a new version's timer and message start events replace the previous version's.
        const due = await replaceStartSubscriptions(tx, row, model, now)
        if (due && (!timerDue || due < timerDue)) timerDue = due
      }
      models.set(row.key, model)
      processes.push({ key: row.key, processId: row.processId, version: row.version, name: row.name, resourceName: row.resourceName, isNew: row !== latest })
    }
    for (const companion of prepared) await companion.write(tx, deploymentKey)
    return { deploymentKey, processes, models, timerDue }
  })
}

/** Returns the earliest start timer armed, if any. */
async function replaceStartSubscriptions(tx: Sql, row: DefinitionRow, model: ProcessModel, now: Date): Promise<Date | null> {
  await Promise.all([deleteStartTimers(tx, row.processId), deleteStartSubscriptions(tx, row.processId)])
  const { timers, messages } = startSubscriptions(model, now)
  const due = timers.map((t) => ({ elementId: t.elementId, dueAt: new Date(t.dueAt) }))
  await Promise.all([insertStartTimers(tx, row.key, row.processId, due), insertStartSubscriptions(tx, row.key, row.processId, messages)])
  return due.reduce<Date | null>((min, t) => (!min || t.dueAt < min ? t.dueAt : min), null)
}
