// One transaction's worth of commands. A command on one instance can ask for work on others (a
// call activity starts a child, a child reports back to its parent, a cancelled parent cancels
// its children, a new subscription takes a buffered message): the session runs that work in
// the same transaction, in order, so a crash never leaves a parent and its child disagreeing.
//
// Locks: every command locks its call tree's root first, then its instance (lockInstanceInTree),
// so parent-before-child holds everywhere. Message lookups take a per (name, key) advisory lock
// before any instance lock (publish), or only try it while holding one (a new subscription).
import type { Sql } from '../../db/connect.js'
import { SamflytError, notFound } from '../../errors.js'
import { CommandRejectedError } from '../errors.js'
import { execute } from '../runtime/index.js'
import type { Command, InstanceState, ParentRef, ProcessModel, Result, RuntimeLimits, Variables } from '../types.js'
import { applyResult, type AppliedInstance, type FollowUp } from './apply.js'
import { definitionByKey, definitionRef, type DefinitionRow } from './definitions.js'
import { childOf, lockInstanceInTree, type InstanceRow } from './instances.js'
import type { InstanceKeys } from './instance-keys.js'
import type { WriteBuffer } from './write-buffer.js'
import type { Prelocked } from './prelocked.js'
import { lockJob, type JobRow } from './jobs.js'
import { instancesOfTasks, lockUserTask, type UserTaskRow } from './user-tasks.js'
import {
  activeMessageStarted, getSubscription, lockBufferedMessage, lockMessageKey, recordCorrelation, startSubscriptionsOf, type MessageRow, type SubscriptionRow,
} from './messages.js'

export interface SessionContext {
  /** The executable model of a definition (cached by the engine), read through this transaction. */
  model(definitionKey: string, tx: Sql): Promise<ProcessModel>
  now: Date
  actor: string | null
  /** The transaction's held-back writes, shared by every session in it. */
  buffer: WriteBuffer
  keys: InstanceKeys
  /**
   * Leave the writes in the buffer when a command is done: the group commit flushes the whole
   * group's at once. Otherwise each command's writes are in the database when it returns, for
   * whatever the caller does next in the transaction.
   */
  deferFlush?: boolean
  /** Rows the group locked when its transaction began (group commit). */
  prelocked?: Prelocked | undefined
  /** Steps per command and multi-instance items at most (the runtime's defaults otherwise). */
  limits?: RuntimeLimits | undefined
}

/** A command's callback: checks and locks what the command touches, and builds it. */
export type CommandBuilder = (tx: Sql, instance: InstanceRow, session: Session) => Promise<Command>

export interface StartRequest {
  definition: Pick<DefinitionRow, 'key' | 'processId' | 'version'>
  variables?: Variables
  businessKey?: string | null
  startEventId?: string
  parent?: (ParentRef & { rootKey: string }) | null
  startCorrelationKey?: string | null
}

type Bufferedfollow = Extract<FollowUp, { kind: 'bufferedMessage' }>

export class Session {
  readonly jobTypes = new Set<string>()
  timerDue: Date | null = null
  /** Buffered-message lookups that could not take their lock now: the engine runs them after commit. */
  readonly recheck: Bufferedfollow[] = []
  private readonly queue: FollowUp[] = []

  constructor(readonly tx: Sql, private readonly ctx: SessionContext) {}

  /**
   * Runs one command on one instance. When `command` is a function, it runs after the instance is
   * locked: it checks and locks what the command touches and builds the command.
   */
  async command(instanceKey: string, command: Command | CommandBuilder): Promise<InstanceRow> {
    const instance = await this.lock(instanceKey)
    if (!instance) throw notFound('Process instance', instanceKey)
    const resolved = typeof command === 'function' ? await command(this.tx, instance, this) : command
    await this.runOn(instance, resolved, true)
    await this.drain()
    await this.settle()
    return instance
  }

  /** Starts an instance (and whatever it starts in turn); returns its key. */
  async start(request: StartRequest): Promise<string> {
    const key = await this.startOne(request, true)
    await this.drain()
    await this.settle()
    return key
  }

  /** Delivers a message to an open subscription whose instance this transaction has locked. */
  async correlate(subscription: SubscriptionRow, message: MessageRow): Promise<void> {
    const instance = await this.lock(subscription.instanceKey!)
    await recordCorrelation(this.tx, { messageKey: message.key, processId: subscription.processId, instanceKey: subscription.instanceKey!, elementId: subscription.elementId, started: false, at: this.ctx.now })
    await this.runOn(instance!, { type: 'correlateMessage', subscriptionId: subscription.subscriptionId!, messageName: message.name, variables: message.variables }, false)
    await this.drain()
    await this.settle()
  }

  /** Starts an instance at a message start event. */
  async startByMessage(subscription: SubscriptionRow, definition: StartRequest['definition'], message: MessageRow): Promise<string> {
    const key = await this.startByMessageOne(subscription, definition, message)
    await this.drain()
    await this.settle()
    return key
  }

  private async startByMessageOne(subscription: SubscriptionRow, definition: StartRequest['definition'], message: MessageRow): Promise<string> {
    const key = await this.startOne({ definition, variables: message.variables, startEventId: subscription.elementId, startCorrelationKey: message.correlationKey }, false)
    await this.flush() // the correlation refers to the new instance's row
    await recordCorrelation(this.tx, { messageKey: message.key, processId: subscription.processId, instanceKey: key, elementId: subscription.elementId, started: true, at: this.ctx.now })
    return key
  }

  /** A buffered-message lookup for a subscription, after commit (see `recheck`), holding the message lock first. */
  async bufferedMessage(work: Bufferedfollow, lockHeld: boolean): Promise<void> {
    this.queue.push(work)
    await this.drain(lockHeld)
    await this.settle()
  }

  /** The transaction's held-back writes. */
  get buffer(): WriteBuffer {
    return this.ctx.buffer
  }

  /** Locks a job of an instance this session has locked. */
  async lockJob(key: string): Promise<JobRow | undefined> {
    return this.ctx.prelocked?.takeJob(key) ?? lockJob(this.tx, key)
  }

  /** The instance a user task belongs to; a task that does not exist is a 404. */
  async userTaskInstance(taskKey: string): Promise<string> {
    const known = this.ctx.prelocked?.taskInstances.get(taskKey)
    if (known) return known
    const [instanceKey] = (await instancesOfTasks(this.tx, [taskKey])).values()
    if (!instanceKey) throw notFound('User task', taskKey)
    return instanceKey
  }

  /** Locks a user task of an instance this session has locked. */
  async lockUserTask(key: string): Promise<UserTaskRow | undefined> {
    return this.ctx.prelocked?.takeTask(key) ?? lockUserTask(this.tx, key)
  }

  /** Writes what the buffer holds now. */
  flush(): Promise<void> {
    return this.ctx.buffer.flush(this.tx)
  }

  private settle(): Promise<void> {
    return this.ctx.deferFlush ? Promise.resolve() : this.flush()
  }

  /** Locks an instance (see lockInstanceInTree), its row read after any write of it still held back. */
  private async lock(instanceKey: string): Promise<InstanceRow | undefined> {
    const { buffer, prelocked } = this.ctx
    if (buffer.touches(instanceKey)) {
      prelocked?.forget(instanceKey)
      await this.flush()
    } else {
      const row = prelocked?.takeInstance(instanceKey)
      if (row) return row
      prelocked?.forget(instanceKey)
    }
    return lockInstanceInTree(this.tx, instanceKey)
  }

  // ------------------------------------------------------------------------------------------

  private async startOne(request: StartRequest, strict: boolean): Promise<string> {
    const model = await this.ctx.model(request.definition.key, this.tx)
    const parent = request.parent ? { instanceKey: request.parent.instanceKey, elementInstanceId: request.parent.elementInstanceId } : null
    const command: Command = { type: 'start', variables: request.variables ?? {}, businessKey: request.businessKey ?? null, parent }
    if (request.startEventId) command.startEventId = request.startEventId
    const result = this.execute(model, null, command, strict)
    const key = await this.ctx.keys.next(this.tx)
    this.ctx.buffer.insertInstance({
      key,
      definitionKey: request.definition.key,
      processId: request.definition.processId,
      version: request.definition.version,
      state: result.state,
      historySeq: result.events.length,
      now: this.ctx.now,
      parent: request.parent ? { key: request.parent.instanceKey, elementInstanceId: request.parent.elementInstanceId, rootKey: request.parent.rootKey } : null,
      startCorrelationKey: request.startCorrelationKey ?? null,
    })
    await this.apply({ key, processId: request.definition.processId, historySeq: 0, startCorrelationKey: request.startCorrelationKey ?? null }, result, false)
    return key
  }

  private async runOn(instance: InstanceRow, command: Command, strict: boolean): Promise<void> {
    const model = await this.ctx.model(instance.definitionKey, this.tx)
    const result = this.execute(model, instance.state, command, strict)
    await this.apply(instance, result, true)
  }

  /** Runs the pure runtime. A rejected command the caller asked for is a 409; one the engine sent itself is a bug. */
  private execute(model: ProcessModel, state: InstanceState | null, command: Command, strict: boolean): Result {
    try {
      return execute(model, state, command, { now: this.ctx.now, ...(this.ctx.limits ? { limits: this.ctx.limits } : {}) })
    } catch (error) {
      if (error instanceof CommandRejectedError && strict) throw new SamflytError('SAMFLYT_CONFLICT', error.message)
      throw error
    }
  }

  private async apply(instance: AppliedInstance, result: Result, saveState: boolean): Promise<void> {
    const applied = await applyResult(this.tx, this.ctx.buffer, instance, result, this.ctx.actor, this.ctx.now, { saveState })
    for (const type of applied.jobTypes) this.jobTypes.add(type)
    if (applied.timerDue && (!this.timerDue || applied.timerDue < this.timerDue)) this.timerDue = applied.timerDue
    this.queue.push(...applied.followUps)
  }

  private async drain(messageLockHeld = false): Promise<void> {
    for (let work = this.queue.shift(); work; work = this.queue.shift()) {
      // A follow-up reads other rows (a parent, a child, a message): what it reads must be written.
      await this.flush()
      switch (work.kind) {
        case 'command': {
          const instance = await this.lock(work.instanceKey)
          if (!instance) throw new Error(`follow-up for missing instance ${work.instanceKey}`)
          await this.runOn(instance, work.command, false)
          break
        }
        case 'startChild':
          await this.startChild(work)
          break
        case 'cancelChild': {
          const child = await childOf(this.tx, work.parentKey, work.elementInstanceId)
          if (child) {
            const instance = await this.lock(child)
            if (instance && instance.status === 'active') await this.runOn(instance, { type: 'cancel' }, false)
          }
          break
        }
        case 'bufferedMessage':
          await this.takeBufferedMessage(work, messageLockHeld)
          break
        case 'messageStartReleased':
          await this.startFromBuffer(work.processId, work.correlationKey)
          break
      }
    }
  }

  private async startChild(work: Extract<FollowUp, { kind: 'startChild' }>): Promise<void> {
    const definition = await definitionRef(this.tx, work.processId)
    const parent = await this.lock(work.parentKey)
    if (!definition) {
      const message = `The call activity '${work.elementId}' calls process '${work.processId}', but no process with that id is deployed`
      await this.runOn(parent!, { type: 'childNotStarted', elementInstanceId: work.elementInstanceId, message }, false)
      return
    }
    await this.startOne({
      definition,
      variables: work.variables,
      businessKey: work.businessKey,
      parent: { instanceKey: work.parentKey, elementInstanceId: work.elementInstanceId, rootKey: parent!.rootKey ?? parent!.key },
    }, false)
  }

  private async takeBufferedMessage(work: Bufferedfollow, lockHeld: boolean): Promise<void> {
    // Holding an instance lock, only try the message lock: waiting for it could deadlock with a
    // publish that holds it and waits for this instance. If busy, look again after commit.
    if (!lockHeld && !(await lockMessageKey(this.tx, work.messageName, work.correlationKey, 'try-shared'))) {
      this.recheck.push(work)
      return
    }
    const subscription = await getSubscription(this.tx, work.instanceKey, work.subscriptionId)
    if (!subscription) return
    const message = await lockBufferedMessage(this.tx, work.messageName, work.correlationKey, work.processId, this.ctx.now)
    if (!message) return
    const instance = await this.lock(work.instanceKey)
    if (!instance || instance.status !== 'active') return
    await recordCorrelation(this.tx, { messageKey: message.key, processId: work.processId, instanceKey: work.instanceKey, elementId: work.elementId, started: false, at: this.ctx.now })
    await this.runOn(instance, { type: 'correlateMessage', subscriptionId: work.subscriptionId, messageName: message.name, variables: message.variables }, false)
  }

  /** An instance started by a message ended: a buffered message with the same key may start the next one (Zeebe). */
  private async startFromBuffer(processId: string, correlationKey: string): Promise<void> {
    if (await activeMessageStarted(this.tx, processId, correlationKey)) return
    for (const subscription of await startSubscriptionsOf(this.tx, processId)) {
      const message = await lockBufferedMessage(this.tx, subscription.messageName, correlationKey, processId, this.ctx.now)
      if (!message) continue
      const definition = await definitionByKey(this.tx, subscription.definitionKey!)
      await this.startByMessageOne(subscription, definition!, message)
      return
    }
  }
}
