// The embedded engine on Postgres (or PGlite): every command is one transaction that locks its
// instance row, runs the pure runtime, and writes state, jobs, tasks, incidents and history.
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { transaction, type Database, type Sql } from '../db/connect.js'
import { SamflytError, notFound } from '../errors.js'
import { CommandRejectedError } from './errors.js'
import { parseDefinition } from './model/index.js'
import { nextTimerStart } from './runtime/index.js'
import type { Command, ProcessModel, Variables } from './types.js'
import { deploy, type Resource } from './deploy.js'
import { appendHistory } from './store/history.js'
import { definitionByKey, definitionRef } from './store/definitions.js'
import { lockInstanceInTree, saveInstance } from './store/instances.js'
import { Session, type CommandBuilder } from './store/session.js'
import { WriteBuffer } from './store/write-buffer.js'
import { InstanceKeys } from './store/instance-keys.js'
import { DEFAULT_GROUP_COMMIT, GroupCommit, type GroupCommitOptions } from './executor/group-commit.js'
import { publishMessage, type PublishMessage, type Published } from './store/publish.js'
import { lockMessageKey } from './store/messages.js'
import { deleteTimer, lockClaimedTimer, rescheduleStartTimer, type TimerRow } from './store/timers.js'
import { TimerLoop, type TimerLoopOptions } from './executor/timers.js'
import { retryJobLater, type JobRow } from './store/jobs.js'
import { getUserTask, lockUserTask, setAssignee, type UserTaskRow } from './store/user-tasks.js'
import { Prelocked, type LockHints } from './store/prelocked.js'
import { getIncident } from './store/incidents.js'
import { Wakeups } from './executor/wakeups.js'
import { Worker, type WorkerOptions } from './executor/worker.js'
import { defaultBackoffMs, type JobHandler } from './executor/jobs.js'
import { LIMIT_SETTINGS, checkKey, checkText, checkVariables, fitsInteger, storableText, withDefaults, type EngineLimits } from './limits.js'

export interface EngineOptions {
  db: Database
  /** The engine's clock; tests move it. */
  clock?: () => Date
  /** Names this process in job leases. */
  processId?: string
  /**
   * Run the timer loop in the background (default true). With false, timers fire only through
   * `fireDueTimers()`, which tests with a moved clock call.
   */
  timers?: boolean
  timerOptions?: Partial<TimerLoopOptions>
  /** How commands share transactions under load (maxSize 1: each alone). */
  groupCommit?: Partial<GroupCommitOptions>
  /** Hard limits on variables, steps, multi-instance and deployments (src/engine/limits.ts). */
  limits?: Partial<EngineLimits>
  /** A command running longer than this counts as stuck in `health()` (default 30 s). */
  commandStallMs?: number
}

export interface EngineHealth {
  /** False when a command has run longer than the stall limit: commands cannot complete. */
  ok: boolean
  /** How long the oldest command still running has run, in ms. */
  oldestCommandMs: number
  /** Commands waiting for a transaction. */
  waiting: number
  stallLimitMs: number
}

/** Postgres aborted the transaction to break a deadlock, or a serialization failure: safe to run again. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3
/** The actor recorded for what the engine does by itself (a timer fires). */
export const ENGINE_ACTOR = 'engine'

class TimerGone extends Error {}

export interface StartInstance {
  processId: string
  version?: number | undefined
  variables?: Variables | undefined
  businessKey?: string | null | undefined
}

/** A job by its key, or the activated job a worker holds (which saves looking up its instance). */
export type JobRef = string | { key: string; instanceKey: string }
const jobKey = (job: JobRef) => (typeof job === 'string' ? job : job.key)

type Work<T> = (session: Session, tx: Sql) => Promise<T>

/** A command waiting for a group transaction. */
interface Grouped {
  actor: string | null
  work: Work<unknown>
  /** What it locks, when known: the group locks them all at once, in key order. */
  locks: LockHints
  resolve(value: unknown): void
  reject(error: unknown): void
}

export class Engine {
  readonly sql: Sql
  readonly clock: () => Date
  readonly wakeups: Wakeups
  readonly processName: string
  readonly limits: EngineLimits
  private readonly commandStallMs: number
  private readonly models = new Map<string, Promise<ProcessModel>>()
  private readonly workers = new Set<Worker>()
  private readonly background = new Set<Promise<unknown>>()
  readonly timers: TimerLoop
  private readonly keys = new InstanceKeys()
  private readonly groups: GroupCommit<Grouped>
  /** Definition look-ups in flight, by process id and version: concurrent starts share one. */
  private readonly refs = new Map<string, ReturnType<typeof definitionRef>>()

  constructor(options: EngineOptions) {
    this.sql = options.db.sql
    this.limits = withDefaults(options.limits)
    this.commandStallMs = options.commandStallMs ?? 30_000
    // PGlite serves one connection: one group at a time there.
    const inFlight = options.db.kind === 'pglite' ? 1 : DEFAULT_GROUP_COMMIT.maxInFlight
    this.groups = new GroupCommit((items) => this.runGroup(items), { ...DEFAULT_GROUP_COMMIT, maxInFlight: inFlight, ...options.groupCommit })
    this.clock = options.clock ?? (() => new Date())
    this.wakeups = new Wakeups(options.db.kind === 'postgres')
    this.processName = options.processId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
    this.timers = new TimerLoop(this.timerHost(), options.db.kind === 'postgres', options.timerOptions)
    if (options.timers ?? true) this.timers.start()
  }

  async deploy(resources: Resource[], actor: string | null) {
    const result = await deploy(this.sql, resources, actor, this.clock(), this.limits.deployment)
    for (const [key, model] of result.models) this.models.set(key, Promise.resolve(model))
    if (result.timerDue) this.timers.poke(result.timerDue)
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
    const { maxIdLength } = this.limits.deployment
    checkText(request.processId, 'processId', { length: maxIdLength, setting: `${LIMIT_SETTINGS.idMaxLength}=${maxIdLength}` })
    checkText(request.businessKey, 'businessKey')
    if (request.variables) checkVariables(request.variables, 'variables', this.limits.variables)
    if (request.version !== undefined && !fitsInteger(request.version)) throw notFound('Process', `${request.processId} version ${request.version}`)
    const definition = await this.definitionRef(request.processId, request.version || undefined)
    if (!definition) {
      throw notFound('Process', request.version ? `${request.processId} version ${request.version}` : request.processId)
    }
    const model = await this.model(definition.key)
    if (model.startEventId === null) {
      throw new SamflytError('SAMFLYT_CONFLICT', `Process ${request.processId} has no none start event; it starts only by its timer or message start events`)
    }
    const key = await this.grouped(actor, {}, (session) => session.start({ definition, variables: request.variables ?? {}, businessKey: request.businessKey ?? null }))
    return { key }
  }

  private definitionRef(processId: string, version: number | undefined): ReturnType<typeof definitionRef> {
    const id = `${processId}:${version ?? 'latest'}`
    let ref = this.refs.get(id)
    if (!ref) {
      ref = definitionRef(this.sql, processId, version)
      this.refs.set(id, ref)
      void ref.finally(() => this.refs.delete(id)).catch(() => {})
    }
    return ref
  }

  /**
   * Runs one command on one instance in one transaction, with whatever it causes in other
   * instances of its call tree. When `command` is a function, it runs after the instance row is
   * locked: it checks and locks what the command touches and builds it.
   */
  async command(instanceKey: string, command: Command | CommandBuilder, actor: string | null, locks: Omit<LockHints, 'instance'> = {}): Promise<void> {
    checkKey(instanceKey, 'Process instance')
    await this.grouped(actor, { ...locks, instance: instanceKey }, (session) => session.command(instanceKey, command))
  }

  /**
   * One transaction with a session in it, alone: when `work` returns, what it did is written, for
   * whatever it does next in the transaction. NOTIFYs other processes (delivered at commit) and,
   * once committed, wakes this process's workers and timer loop. A deadlock Postgres broke is retried.
   */
  transact<T>(actor: string | null, work: Work<T>): Promise<T> {
    return this.runAlone(actor, work, false)
  }

  /** An engine command, which may share its transaction with others (group commit). */
  private grouped<T>(actor: string | null, locks: LockHints, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.groups.add({ actor, work, locks, resolve: resolve as (value: unknown) => void, reject })
    })
  }

  private session(tx: Sql, actor: string | null, buffer: WriteBuffer, deferFlush: boolean, prelocked?: Prelocked): Session {
    return new Session(tx, { model: (key, sql) => this.model(key, sql), now: this.clock(), actor, buffer, keys: this.keys, deferFlush, prelocked, limits: this.limits })
  }

  private async runAlone<T>(actor: string | null, work: Work<T>, deferFlush: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let session: Session | undefined
      try {
        const value = await transaction(this.sql, async (tx) => {
          session = this.session(tx, actor, new WriteBuffer(), deferFlush)
          const value = await work(session, tx)
          await session.flush()
          await this.notifyInTransaction(tx, [session])
          return value
        })
        this.afterCommit(session!, actor)
        return value
      } catch (error) {
        if (attempt < ATTEMPTS && RETRYABLE.has((error as { code?: string }).code ?? '')) continue
        throw error
      }
    }
  }

  /**
   * Commands that waited together, in one transaction: one write buffer, flushed once, one commit.
   * If any of them fails (a refused command, a deadlock), the group rolls back and each runs again
   * alone, so an error reaches only its own caller and the others still land.
   */
  private async runGroup(items: Grouped[]): Promise<void> {
    if (items.length === 1) {
      const [item] = items as [Grouped]
      await this.runAlone(item.actor, item.work, true).then(item.resolve, item.reject)
      return
    }
    const sessions: Session[] = []
    try {
      const values = await transaction(this.sql, async (tx) => {
        const buffer = new WriteBuffer()
        const prelocked = await Prelocked.lock(tx, items.map((item) => item.locks))
        const values: unknown[] = []
        for (const item of items) {
          const session = this.session(tx, item.actor, buffer, true, prelocked)
          values.push(await item.work(session, tx))
          sessions.push(session)
        }
        await buffer.flush(tx)
        await this.notifyInTransaction(tx, sessions)
        return values
      })
      items.forEach((item, index) => {
        this.afterCommit(sessions[index]!, item.actor)
        item.resolve(values[index])
      })
    } catch {
      await Promise.all(items.map((item) => this.runAlone(item.actor, item.work, true).then(item.resolve, item.reject)))
    }
  }

  /** NOTIFYs for the job types created and the earliest timer set, delivered at commit. */
  private async notifyInTransaction(tx: Sql, sessions: Session[]): Promise<void> {
    const types = new Set(sessions.flatMap((session) => [...session.jobTypes]))
    let timerDue: Date | null = null
    for (const { timerDue: due } of sessions) if (due && (!timerDue || due < timerDue)) timerDue = due
    await Promise.all([this.wakeups.notifyInTransaction(tx, [...types]), timerDue ? this.timers.notifyInTransaction(tx, timerDue) : undefined])
  }

  private afterCommit(session: Session, actor: string | null): void {
    this.wakeups.wake([...session.jobTypes])
    if (session.timerDue) this.timers.poke(session.timerDue)
    for (const work of session.recheck) {
      // A subscription opened while a publish for its message held the lock: look again now.
      this.track(this.transact(actor, async (again, tx) => {
        await lockMessageKey(tx, work.messageName, work.correlationKey, 'shared')
        await again.bufferedMessage(work, true)
      }))
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch(() => {}).finally(() => this.background.delete(tracked))
    this.background.add(tracked)
  }

  // ------------------------------------------------------------ jobs

  private async lockedJob(session: Session, jobKey: string, worker: string | undefined, instanceKey: string): Promise<JobRow> {
    const job = await session.lockJob(jobKey)
    if (!job || job.instanceKey !== instanceKey) throw notFound('Job', `${jobKey} (completed, cancelled or never created)`)
    if (worker && job.worker !== worker) {
      throw new SamflytError('SAMFLYT_CONFLICT', `Job ${jobKey} is no longer leased to worker ${worker}; its lease ran out and it was handed out again`)
    }
    return job
  }

  /** The instance a job belongs to: known when the caller holds the activated job, else looked up. */
  private async jobInstance(job: JobRef): Promise<string> {
    if (typeof job !== 'string') return job.instanceKey
    const jobKey = job
    checkKey(jobKey, 'Job')
    const [row] = await this.sql<{ instanceKey: string }[]>`select instance_key::text as "instanceKey" from jobs where key = ${jobKey}`
    if (!row) throw notFound('Job', `${jobKey} (completed, cancelled or never created)`)
    return row.instanceKey
  }

  async completeJob(job: JobRef, variables: Variables = {}, worker?: string): Promise<void> {
    checkVariables(variables, 'variables', this.limits.variables)
    // Lock order everywhere: the instance row first, then its job or task rows.
    await this.command(await this.jobInstance(job), async (_tx, instance, session) => {
      const locked = await this.lockedJob(session, jobKey(job), worker, instance.key)
      session.buffer.deleteJob(locked.instanceKey, locked.elementInstanceId)
      return { type: 'completeJob', elementInstanceId: locked.elementInstanceId, variables }
    }, worker ?? null, { job: jobKey(job) })
  }

  async throwError(job: JobRef, errorCode: string, errorMessage = '', worker?: string): Promise<void> {
    checkText(errorCode, 'errorCode', { length: this.limits.deployment.maxIdLength, setting: `${LIMIT_SETTINGS.idMaxLength}=${this.limits.deployment.maxIdLength}` })
    errorMessage = storableText(errorMessage)
    await this.command(await this.jobInstance(job), async (_tx, instance, session) => {
      const locked = await this.lockedJob(session, jobKey(job), worker, instance.key)
      session.buffer.deleteJob(locked.instanceKey, locked.elementInstanceId)
      return { type: 'throwError', elementInstanceId: locked.elementInstanceId, errorCode, errorMessage }
    }, worker ?? null, { job: jobKey(job) })
  }

  /** A failed attempt: retried after the backoff while retries are left, else an incident. */
  async failJob(job: JobRef, errorMessage: string, options: { retries?: number | undefined; backoffMs?: number | undefined } = {}, worker?: string): Promise<void> {
    errorMessage = storableText(errorMessage)
    await this.command(await this.jobInstance(job), async (_tx, instance, session) => {
      const locked = await this.lockedJob(session, jobKey(job), worker, instance.key)
      const retries = Math.max(0, options.retries ?? locked.retries - 1)
      if (retries > 0) {
        const backoffMs = options.backoffMs ?? defaultBackoffMs(locked.attempts + 1)
        await retryJobLater(session.tx, locked.key, retries, new Date(this.clock().getTime() + backoffMs), errorMessage)
      } else {
        session.buffer.deleteJob(locked.instanceKey, locked.elementInstanceId)
      }
      return { type: 'failJob', elementInstanceId: locked.elementInstanceId, retries, errorMessage }
    }, worker ?? null, { job: jobKey(job) })
  }

  // ------------------------------------------------------------ user tasks

  private async taskInstance(taskKey: string): Promise<UserTaskRow> {
    checkKey(taskKey, 'User task')
    const task = await getUserTask(this.sql, taskKey)
    if (!task) throw notFound('User task', taskKey)
    return task
  }

  /** The task, locked, if it is still open. */
  private openTask(task: UserTaskRow | undefined, taskKey: string): UserTaskRow {
    if (!task) throw notFound('User task', taskKey)
    if (task.state !== 'created') throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is ${task.state}`)
    return task
  }

  /** Claims (or with null, unclaims) a task; recorded in the history with who did it. */
  async assignUserTask(taskKey: string, assignee: string | null, actor: string, options: { force?: boolean } = {}): Promise<UserTaskRow> {
    const { instanceKey } = await this.taskInstance(taskKey)
    await transaction(this.sql, async (tx) => {
      const instance = await lockInstanceInTree(tx, instanceKey)
      const task = this.openTask(await lockUserTask(tx, taskKey), taskKey)
      const holder = task.assignee
      if (holder && holder !== actor && !options.force) {
        throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is claimed by ${holder}`)
      }
      await setAssignee(tx, taskKey, assignee)
      const now = this.clock()
      const event = assignee
        ? { type: 'userTaskClaimed', elementId: task.elementId, elementInstanceId: task.elementInstanceId, assignee }
        : { type: 'userTaskUnclaimed', elementId: task.elementId, elementInstanceId: task.elementInstanceId, previousAssignee: holder }
      const seq = await appendHistory(tx, instanceKey, instance!.historySeq, instance!.historyHash, [event as never], actor, now)
      await saveInstance(tx, instanceKey, instance!.state, seq, now)
    })
    return (await getUserTask(this.sql, taskKey))!
  }

  /** Completes a task with the submitted variables. A task claimed by someone else gets 409. */
  async completeUserTask(taskKey: string, variables: Variables, actor: string): Promise<void> {
    checkKey(taskKey, 'User task')
    checkVariables(variables, 'variables', this.limits.variables)
    // The task's instance is looked up in the transaction: in a group, for all its tasks at once.
    await this.grouped(actor, { task: taskKey }, async (session) => {
      const instanceKey = await session.userTaskInstance(taskKey)
      await session.command(instanceKey, async () => {
        const task = this.openTask(await session.lockUserTask(taskKey), taskKey)
        if (task.assignee && task.assignee !== actor) {
          throw new SamflytError('SAMFLYT_CONFLICT', `User task ${taskKey} is claimed by ${task.assignee}; only they can complete it`)
        }
        session.buffer.closeUserTask(instanceKey, task.elementInstanceId, 'completed', actor, this.clock())
        return { type: 'completeUserTask', elementInstanceId: task.elementInstanceId, variables }
      })
    })
  }

  // ------------------------------------------------------------ instances and incidents

  /** Cancels an instance and every instance it called. A called instance itself is refused: cancel its root (as Zeebe). */
  async cancelInstance(instanceKey: string, actor: string | null): Promise<void> {
    await this.command(instanceKey, async (_tx, instance) => {
      if (instance.parentKey) {
        throw new SamflytError('SAMFLYT_CONFLICT', `Process instance ${instanceKey} was started by a call activity of instance ${instance.parentKey}; cancel the root instance ${instance.rootKey} instead`)
      }
      return { type: 'cancel' }
    }, actor)
  }

  // ------------------------------------------------------------ messages and timers

  /** Publishes a message: correlates it now, or buffers it for its time to live. */
  async publishMessage(request: PublishMessage, actor: string | null): Promise<Published> {
    checkText(request.name, 'name')
    checkText(request.correlationKey, 'correlationKey')
    checkText(request.messageId, 'messageId')
    if (request.variables) checkVariables(request.variables, 'variables', this.limits.variables)
    return this.transact(actor, (session) => publishMessage(session, request, this.clock(), actor))
  }

  /** Fires every timer due by the engine clock now (tests move the clock, then call this); returns how many fired. */
  async fireDueTimers(): Promise<number> {
    const fired = await this.timers.fireDue()
    await Promise.all(this.background)
    return fired
  }

  private timerHost() {
    return {
      sql: this.sql,
      clock: () => this.clock(),
      processName: this.processName,
      isStale: (error: unknown) => error instanceof SamflytError && error.code === 'SAMFLYT_CONFLICT',
      fireTimer: async (timer: TimerRow, owner: string): Promise<'fired' | 'gone'> => {
        try {
          if (timer.instanceKey) await this.fireInstanceTimer(timer, owner)
          else await this.fireStartTimer(timer, owner)
          return 'fired'
        } catch (error) {
          if (error instanceof TimerGone) return 'gone'
          throw error
        }
      },
    }
  }

  private async fireInstanceTimer(timer: TimerRow, owner: string): Promise<void> {
    await this.command(timer.instanceKey!, async (tx, instance) => {
      const armed = await lockClaimedTimer(tx, timer.key, owner)
      if (!armed) throw new TimerGone()
      await deleteTimer(tx, timer.key)
      if (instance.status !== 'active') throw new TimerGone()
      return { type: 'triggerTimer', subscriptionId: timer.subscriptionId! }
    }, ENGINE_ACTOR)
  }

  /** A timer start event: a new instance, and the timer moves to its next time (or goes). */
  private async fireStartTimer(timer: TimerRow, owner: string): Promise<void> {
    await this.transact(ENGINE_ACTOR, async (session, tx) => {
      const armed = await lockClaimedTimer(tx, timer.key, owner)
      if (!armed) throw new TimerGone()
      const definition = await definitionByKey(tx, timer.definitionKey!)
      if (!definition) throw new TimerGone()
      const model = await this.model(definition.key, tx)
      const next = nextTimerStart(model, timer.elementId, this.clock(), { dueAt: timer.dueAt.toISOString(), fired: timer.fired + 1 })
      await rescheduleStartTimer(tx, timer.key, next ? new Date(next) : null)
      if (next) session.timerDue = new Date(next)
      await session.start({ definition, startEventId: timer.elementId })
    })
  }


  async resolveIncident(incidentKey: string, actor: string | null): Promise<void> {
    checkKey(incidentKey, 'Incident')
    const incident = await getIncident(this.sql, incidentKey)
    if (!incident) throw notFound('Incident', incidentKey)
    if (incident.state !== 'active') throw new SamflytError('SAMFLYT_CONFLICT', `Incident ${incidentKey} is already resolved`)
    await this.command(incident.instanceKey, { type: 'resolveIncident', incidentId: incident.incidentId }, actor)
  }

  async setVariables(instanceKey: string, variables: Variables, actor: string | null): Promise<void> {
    checkVariables(variables, 'variables', this.limits.variables)
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

  /** Whether commands complete: none has been running longer than the stall limit. */
  health(): EngineHealth {
    const oldestCommandMs = this.groups.stalledMs()
    return { ok: oldestCommandMs <= this.commandStallMs, oldestCommandMs, waiting: this.groups.backlog, stallLimitMs: this.commandStallMs }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.stop()))
    this.workers.clear()
    await this.timers.stop()
    await Promise.all(this.background)
    await this.wakeups.close()
  }
}
