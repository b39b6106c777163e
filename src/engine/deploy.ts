// Deploying BPMN: every file is parsed and validated before anything is written, then all
// processes are versioned in one transaction. A byte-identical redeploy is the existing version.
import { createHash } from 'node:crypto'
import { transaction, type Sql } from '../db/connect.js'
import { SamflytError } from '../errors.js'
import { DeploymentError } from './errors.js'
import { parseDefinition } from './model/index.js'
import { startSubscriptions } from './runtime/index.js'
import type { ProcessModel } from './types.js'
import { insertDefinition, insertDeployment, insertResource, latestDefinition, type DefinitionSummary } from './store/definitions.js'
import { deleteStartTimers, insertStartTimers } from './store/timers.js'
import { deleteStartSubscriptions, insertStartSubscriptions } from './store/messages.js'
import { DEFAULT_LIMITS, LIMIT_SETTINGS, inspectDocument, pointerSegment, textProblem, type DeploymentLimits } from './limits.js'

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
async function prepareDeployment(sql: Sql, resources: Resource[], limits: DeploymentLimits) {
  checkDeploymentSize(resources, limits)
  const kinds = [...resourceKinds.values()]
  const bpmn = resources.filter((resource) => !kinds.some((kind) => kind.claims(resource.name)))
  const problems: { path: string; message: string }[] = []
  let parsed: { resource: Resource; model: ProcessModel }[] = []
  if (bpmn.length > 0 || bpmn.length === resources.length) {
    try {
      parsed = await parseResources(bpmn, limits)
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

export async function parseResources(resources: Resource[], limits: DeploymentLimits = DEFAULT_LIMITS.deployment): Promise<{ resource: Resource; model: ProcessModel }[]> {
  if (resources.length === 0) throw new SamflytError('SAMFLYT_VALIDATION', 'A deployment needs at least one BPMN file')
  const parsed: { resource: Resource; model: ProcessModel }[] = []
  const problems: { path: string; message: string }[] = []
  for (const resource of resources) {
    const before = resourceProblem(resource, limits)
    if (before) {
      problems.push(before)
      continue
    }
    try {
      for (const model of await parseDefinition(resource.xml)) {
        const problem = modelProblem(resource, model, limits)
        if (problem) problems.push(problem)
        else parsed.push({ resource, model })
      }
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
  limits: DeploymentLimits = DEFAULT_LIMITS.deployment,
): Promise<{ deploymentKey: string; processes: DeployedProcess[]; models: Map<string, ProcessModel>; timerDue: Date | null }> {
  const { parsed, prepared } = await prepareDeployment(sql, resources, limits)
  return transaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(${DEPLOY_LOCK_ID})`
    const deploymentKey = await insertDeployment(tx, actor)
    const processes: DeployedProcess[] = []
    const models = new Map<string, ProcessModel>()
    let timerDue: Date | null = null
    // One checksum per file, however many processes it holds: the file is stored once by it.
    const checksums = new Map<Resource, string>()
    const stored = new Set<string>()
    for (const { resource, model } of parsed) {
      let checksum = checksums.get(resource)
      if (checksum === undefined) checksums.set(resource, (checksum = createHash('sha256').update(resource.xml).digest('hex')))
      const latest = await latestDefinition(tx, model.processId)
      let row: DefinitionSummary
      if (latest && latest.checksum === checksum) {
        row = latest
      } else {
        if (!stored.has(checksum)) await insertResource(tx, checksum, resource.xml)
        stored.add(checksum)
        row = await insertDefinition(tx, {
          processId: model.processId,
          version: (latest?.version ?? 0) + 1,
          name: model.name,
          resourceName: resource.name,
          checksum,
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
async function replaceStartSubscriptions(tx: Sql, row: DefinitionSummary, model: ProcessModel, now: Date): Promise<Date | null> {
  await Promise.all([deleteStartTimers(tx, row.processId), deleteStartSubscriptions(tx, row.processId)])
  const { timers, messages } = startSubscriptions(model, now)
  const due = timers.map((t) => ({ elementId: t.elementId, dueAt: new Date(t.dueAt) }))
  await Promise.all([insertStartTimers(tx, row.key, row.processId, due), insertStartSubscriptions(tx, row.key, row.processId, messages)])
  return due.reduce<Date | null>((min, t) => (!min || t.dueAt < min ? t.dueAt : min), null)
}

// ---------------------------------------------------------------- limits

const limitError = (path: string, message: string) => new SamflytError('SAMFLYT_LIMIT_EXCEEDED', `The deployment was refused; nothing was deployed. ${path} ${message}`, [{ path, message, code: 'limit' }])

/** All resources together within the deployment limit, before any is parsed. */
function checkDeploymentSize(resources: Resource[], limits: DeploymentLimits): void {
  const bytes = resources.reduce((sum, resource) => sum + Buffer.byteLength(resource.xml), 0)
  if (bytes > limits.maxBytes) {
    throw limitError('deployment', `is ${bytes} bytes; the limit is ${limits.maxBytes} (${LIMIT_SETTINGS.deploymentMaxBytes})`)
  }
  for (const resource of resources) {
    const problem = textProblem(resource.name)
    if (problem) throw new SamflytError('SAMFLYT_VALIDATION', `The resource name ${problem}`, [{ path: pointerSegment(resource.name), message: problem }])
  }
}

// Every <process> element, executable or not, counted before the file is parsed: parsing
// thousands of them is the cost the limit is there to avoid.
const PROCESS_TAG = /<(?:[A-Za-z_][\w.-]*:)?process[\s/>]/g

/** What is wrong with a BPMN file before it is parsed: text Postgres cannot store, too many processes. */
function resourceProblem(resource: Resource, limits: DeploymentLimits): { path: string; message: string } | null {
  const text = textProblem(resource.xml)
  if (text) return { path: resource.name, message: `The file ${text}` }
  const processes = resource.xml.match(PROCESS_TAG)?.length ?? 0
  if (processes > limits.maxProcesses) {
    return { path: resource.name, message: `The file holds ${processes} processes; the limit is ${limits.maxProcesses} per file (${LIMIT_SETTINGS.deploymentMaxProcesses})` }
  }
  return null
}

/** Ids and names within their lengths, and every text of the model storable (a character reference such as &#0; is read as the character). */
function modelProblem(resource: Resource, model: ProcessModel, limits: DeploymentLimits): { path: string; message: string } | null {
  const idSetting = `${LIMIT_SETTINGS.idMaxLength}=${limits.maxIdLength}`
  const nameSetting = `${LIMIT_SETTINGS.nameMaxLength}=${limits.maxNameLength}`
  const shown = (id: string) => `${resource.name}#${pointerSegment(id)}`
  const things = [{ id: model.processId, name: model.name }, ...Object.values(model.elements), ...Object.values(model.flows).map((flow) => ({ id: flow.id, name: null }))]
  for (const { id, name } of things) {
    if (id.length > limits.maxIdLength) return { path: shown(id), message: `The id is ${id.length} characters long; the limit is ${limits.maxIdLength} (${idSetting})` }
    if (name !== null && name.length > limits.maxNameLength) return { path: shown(id), message: `The name is ${name.length} characters long; the limit is ${limits.maxNameLength} (${nameSetting})` }
  }
  const text = inspectDocument(model, '', {})
  if (text) return { path: `${shown(model.processId)}${text.path}`, message: `The model ${text.message}` }
  return null
}
