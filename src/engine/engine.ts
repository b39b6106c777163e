// The embedded engine on Postgres (or PGlite): every command is one transaction that locks its
// instance row, runs the pure runtime, and writes state, jobs, tasks, incidents and history.
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { transaction, type Database, type Sql } from '../db/connect.js'
import { SamflytError, notFound } from '../errors.js'
import { CommandRejectedError } from './errors.js'
import { parseDefinition } from './model/index.js'
import { execute } from './runtime/index.js'
import type { Command, ProcessModel, Result, Variables } from './types.js'
import { deploy, type Resource } from './deploy.js'
import { applyResult } from './store/apply.js'
import { appendHistory } from './store/history.js'
import { definitionByKey, definitionByVersion, latestDefinition } from './store/definitions.js'
import { insertInstance, lockInstance, saveInstance, type InstanceRow } from './store/instances.js'
import { deleteJob, lockJob, retryJobLater, type JobRow } from './store/jobs.js'
import { closeUserTask, getUserTask, lockUserTask, setAssignee, type UserTaskRow } from './store/user-tasks.js'
import { getIncident } from './store/incidents.js'
import { Wakeups } from './executor/wakeups.js'
import { Worker, type WorkerOptions } from './executor/worker.js'
import { defaultBackoffMs, type JobHandler } from './executor/jobs.js'

export interface EngineOptions {
  db: Database
  /** The engine's clock; tests move it. */
  clock?: () => Date
  /** Names this process in job leases. */
  processId?: string
}

export interface StartInstance {
  processId: string
  version?: number | undefined
  variables?: Variables | undefined
  businessKey?: string | null | undefined
}

export class Engine {
  readonly sql: Sql
  readonly clock: () => Date
  readonly wakeups: Wakeups
  readonly processName: string
  private readonly models = new Map<string, Promise<ProcessModel>>()
  private readonly workers = new Set<Worker>()

  constructor(options: EngineOptions) {
    this.sql = options.db.sql
    this.clock = options.clock ?? (() => new Date())
    this.wakeups = new Wakeups(options.db.kind === 'postgres')
    this.processName = options.processId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  }

  async deploy(resources: Resource[], actor: string | null) {
    const result = await deploy(this.sql, resources, actor)
    for (const [key, model] of result.models) this.models.set(key, Promise.resolve(model))
    return { deploymentKey: result.deploymentKey, processes: result.processes }
  }

  /**
   * The executable model of a deployed definition, parsed once per process. Inside a transaction
   * pass it as `sql`: reading through the pool there could wait for a connection that the
   * transactions waiting on this very model hold.
   */
  model(definitionKey: string, sql: Sql = this.sql): Promise<ProcessModel> {
    let model = this.models.get(definitionKey)
    if (!model) {
      model = definitionByKey(sql, definitionKey).then((row) => {
        if (!row) throw notFound('Process definition', definitionKey)
        return parseDefinition(row.xml).then((models) => models.find((m) => m.processId === row.processId)!)
      })
      model.catch(() => this.models.delete(definitionKey))
      this.models.set(definitionKey, model)
    }
    return model
  }

  async startInstance(request: StartInstance, actor: string | null): Promise<{ key: string }> {
    const definition = request.version
      ? await definitionByVersion(this.sql, request.processId, request.version)
      : await latestDefinition(this.sql, request.processId)
    if (!definition) {
      throw notFound('Process', request.version ? `${request.processId} version ${request.version}` : request.processId)
    }
    const model = await this.model(definition.key)
    const now = this.clock()
    const result = this.run(model, null, { type: 'start', variables: request.variables ?? {}, businessKey: request.businessKey ?? null }, now)
    const { key, jobTypes } = await transaction(this.sql, async (tx) => {
      const key = await insertInstance(tx, { definitionKey: definition.key, processId: definition.processId, version: definition.version, state: result.state, historySeq: result.events.length, now })
      const jobTypes = await this.apply(tx, { key, processId: definition.processId, historySeq: 0 }, result, actor, now, false)
      return { key, jobTypes }
    })
    this.wakeups.wake(jobTypes)
    return { key }
  }

  /**
   * Runs one command on one instance in one transaction. When `command` is a function, it runs
   * after the instance row is locked: it checks and locks what the command touches and builds it.
   */
  async command(
    instanceKey: string,
    command: Command | ((tx: Sql, instance: InstanceRow) => Promise<Command>),
    actor: string | null,
  ): Promise<void> {
    const jobTypes = await transaction(this.sql, async (tx) => {
      const instance = await lockInstance(tx, instanceKey)
      if (!instance) throw notFound('Process instance', instanceKey)
      const resolved = typeof command === 'function' ? await command(tx, instance) : command
      const model = await this.model(instance.definitionKey, tx)
      const now = this.clock()
      return this.apply(tx, instance, this.run(model, instance.state, resolved, now), actor, now, true)
    })
    this.wakeups.wake(jobTypes)
  }

  /** Writes a result and NOTIFYs other processes (delivered at commit); returns the job types to wake here once committed. */
  private async apply(tx: Sql, instance: { key: string; processId: string; historySeq: number }, result: Result, actor: string | null, now: Date, saveState: boolean): Promise<string[]> {
    const { jobTypes } = await applyResult(tx, instance, result, actor, now, { saveState })
    await this.wakeups.notifyInTransaction(tx, jobTypes)
    return jobTypes
  }

  private run(model: ProcessModel, state: InstanceRow['state'] | null, command: Command, now: Date) {
    try {
      return execute(model, state, command, { now })
    } catch (error) {
      if (error instanceof CommandRejectedError) throw new SamflytError('SAMFLYT_CONFLICT', error.message)
      throw error
    }
  }

  // ------------------------------------------------------------ jobs

  private async lockedJob(tx: Sql, jobKey: string, worker: string | undefined): Promise<JobRow> {
    const job = await lockJob(tx, jobKey)
    if (!job) throw notFound('Job', `${jobKey} (completed, cancelled or never created)`)
    if (worker && job.worker !== worker) {
      throw new SamflytError('SAMFLYT_CONFLICT', `Job ${jobKey} is no longer leased to worker ${worker}; its lease ran out and it was handed out again`)
    }
    return job
  }

  private async jobInstance(jobKey: string): Promise<string> {
    const [row] = await this.sql<{ instanceKey: string }[]>`select instance_key::text as "instanceKey" from jobs where key = ${jobKey}`
    if (!row) throw notFound('Job', `${jobKey} (completed, cancelled or never created)`)
    return row.instanceKey
  }

  async completeJob(jobKey: string, variables: Variables = {}, worker?: string): Promise<void> {
    // Lock order everywhere: the instance row first, then its job or task rows.
    await this.command(await this.jobInstance(jobKey), async (tx) => {
      const job = await this.lockedJob(tx, jobKey, worker)
      await deleteJob(tx, job.instanceKey, job.elementInstanceId)
      return { type: 'completeJob', elementInstanceId: job.elementInstanceId, variables }
    }, worker ?? null)
  }

  async throwError(jobKey: string, errorCode: string, errorMessage = '', worker?: string): Promise<void> {
    await this.command(await this.jobInstance(jobKey), async (tx) => {
      const job = await this.lockedJob(tx, jobKey, worker)
      await deleteJob(tx, job.instanceKey, job.elementInstanceId)
      return { type: 'throwError', elementInstanceId: job.elementInstanceId, errorCode, errorMessage }
    }, worker ?? null)
  }

  /** A failed attempt: retried after the backoff while retries are left, else an incident. */
  async failJob(jobKey: string, errorMessage: string, options: { retries?: number | undefined; backoffMs?: number | undefined } = {}, worker?: string): Promise<void> {
    await this.command(await this.jobInstance(jobKey), async (tx) => {
      const job = await this.lockedJob(tx, jobKey, worker)
      const retries = Math.max(0, options.retries ?? job.retries - 1)
      if (retries > 0) {
        const backoffMs = options.backoffMs ?? defaultBackoffMs(job.attempts + 1)
        await retryJobLater(tx, job.key, retries, new Date(this.clock().getTime() + backoffMs), errorMessage)
      } else {
        await deleteJob(tx, job.instanceKey, job.elementInstanceId)
      }
      return { type: 'failJob', elementInstanceId: job.elementInstanceId, retries, errorMessage }
    }, worker ?? null)
  }

  // ------------------------------------------------------------ user tasks

  private async taskInstance(taskKey: string): Promise<UserTaskRow> {
    const task = await getUserTask(this.sql, taskKey)
    if (!task) throw notFound('User task', taskKey)
    return task
  }

  private async openTask(tx: Sql, taskKey: string): Promise<UserTaskRow> {
    const task = await lockUserTask(tx, taskKey)
    if (!task) throw notFound('User task', taskKey)
    if (task.state !== 'created') throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is ${task.state}`)
    return task
  }

  /** Claims (or with null, unclaims) a task; recorded in the history with who did it. */
  async assignUserTask(taskKey: string, assignee: string | null, actor: string, options: { force?: boolean } = {}): Promise<UserTaskRow> {
    const { instanceKey } = await this.taskInstance(taskKey)
    await transaction(this.sql, async (tx) => {
      const instance = await lockInstance(tx, instanceKey)
      const task = await this.openTask(tx, taskKey)
      const holder = task.assignee
      if (holder && holder !== actor && !options.force) {
        throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is claimed by ${holder}`)
      }
      await setAssignee(tx, taskKey, assignee)
      const now = this.clock()
      const event = assignee
        ? { type: 'userTaskClaimed', elementId: task.elementId, elementInstanceId: task.elementInstanceId, assignee }
        : { type: 'userTaskUnclaimed', elementId: task.elementId, elementInstanceId: task.elementInstanceId, previousAssignee: holder }
      const seq = await appendHistory(tx, instanceKey, instance!.historySeq, [event as never], actor, now)
      await saveInstance(tx, instanceKey, instance!.state, seq, now)
    })
    return (await getUserTask(this.sql, taskKey))!
  }

  /** Completes a task with the submitted variables. A task claimed by someone else gets 409. */
  async completeUserTask(taskKey: string, variables: Variables, actor: string): Promise<void> {
    const { instanceKey } = await this.taskInstance(taskKey)
    await this.command(instanceKey, async (tx) => {
      const task = await this.openTask(tx, taskKey)
      if (task.assignee && task.assignee !== actor) {
        throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is claimed by ${task.assignee}; only they can complete it`)
      }
      await closeUserTask(tx, instanceKey, task.elementInstanceId, 'completed', actor, this.clock())
      return { type: 'completeUserTask', elementInstanceId: task.elementInstanceId, variables }
    }, actor)
  }

  // ------------------------------------------------------------ instances and incidents

  async cancelInstance(instanceKey: string, actor: string | null): Promise<void> {
    await this.command(instanceKey, { type: 'cancel' }, actor)
  }

  async resolveIncident(incidentKey: string, actor: string | null): Promise<void> {
    const incident = await getIncident(this.sql, incidentKey)
    if (!incident) throw notFound('Incident', incidentKey)
    if (incident.state !== 'active') throw new SamflytError('SAMFLYT_CONFLICT', `Incident ${incidentKey} is already resolved`)
    await this.command(incident.instanceKey, { type: 'resolveIncident', incidentId: incident.incidentId }, actor)
  }

  async setVariables(instanceKey: string, variables: Variables, actor: string | null): Promise<void> {
    await this.command(instanceKey, { type: 'setVariables', variables }, actor)
  }

  // ------------------------------------------------------------ workers

  /** Registers a job worker for a task type in this process. It starts at once. */
  worker(type: string, handler: JobHandler, options: Partial<WorkerOptions> = {}): Worker {
    const worker = new Worker(this, type, handler, options)
    this.workers.add(worker)
    worker.start()
    return worker
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.stop()))
    this.workers.clear()
    await this.wakeups.close()
  }
}
