// Applies one runtime result inside the command's transaction: the new state, the effects
// (jobs, user tasks, incidents, timers, message subscriptions) and the history, all or nothing.
// The common writes (state, history, jobs, user tasks) wait in the transaction's write buffer;
// the rest, rarer, go straight out once the buffer is flushed ahead of them.
// Effects that reach another instance (start or cancel a child, report to the parent) come back
// as follow-ups, which the session runs in the same transaction after this instance is written.
import type { Sql } from '../../db/connect.js'
import type { Command, Effect, Result, Variables } from '../types.js'
import type { NewJob } from './jobs.js'
import type { NewUserTask } from './user-tasks.js'
import { insertIncidents, markResolved, type NewIncident } from './incidents.js'
import type { WriteBuffer } from './write-buffer.js'
import { deleteAllInstanceTimers, upsertInstanceTimers, type NewInstanceTimer } from './timers.js'
import { deleteAllSubscriptions, insertSubscriptions, type NewSubscription } from './messages.js'

/** Work on other instances (or on this one, after it is written) that a result asks for. */
export type FollowUp =
  | { kind: 'startChild'; parentKey: string; elementInstanceId: number; elementId: string; processId: string; variables: Variables; businessKey: string | null }
  | { kind: 'cancelChild'; parentKey: string; elementInstanceId: number }
  | { kind: 'command'; instanceKey: string; command: Command }
  | { kind: 'bufferedMessage'; instanceKey: string; processId: string; subscriptionId: number; elementId: string; messageName: string; correlationKey: string }
  | { kind: 'messageStartReleased'; processId: string; correlationKey: string }

export interface Applied {
  /** Job types created, so waiting workers can be woken. */
  jobTypes: string[]
  /** The earliest timer scheduled, so a sleeping timer loop can be woken. */
  timerDue: Date | null
  followUps: FollowUp[]
}

export interface AppliedInstance {
  key: string
  processId: string
  historySeq: number
  /** The hash of history row `historySeq` (null on a start): the chain goes on from it. */
  historyHash?: string | null
  /** Set on an instance started by a message: its end lets a buffered message with that key start the next one. */
  startCorrelationKey?: string | null
  /** The state before this result (absent on a start): an ended instance that never waited for a timer or message has none to delete. */
  state?: { subscriptions?: unknown[] }
}

export async function applyResult(
  sql: Sql,
  buffer: WriteBuffer,
  instance: AppliedInstance,
  result: Result,
  actor: string | null,
  now: Date,
  options: { saveState: boolean } = { saveState: true },
): Promise<Applied> {
  const jobs: NewJob[] = []
  const tasks: NewUserTask[] = []
  const incidents: NewIncident[] = []
  const timers = new Map<number, NewInstanceTimer>()
  const subscriptions: NewSubscription[] = []
  const closed: number[] = []
  const followUps: FollowUp[] = []
  const writes: (() => Promise<unknown>)[] = []
  const key = instance.key
  const parent = result.state.parent
  let ended = false

  for (const effect of result.effects) {
    switch (effect.type) {
      case 'createJob':
        jobs.push({ instanceKey: key, elementInstanceId: effect.elementInstanceId, elementId: effect.elementId, type: effect.jobType, retries: effect.retries, customHeaders: effect.customHeaders, variables: effect.variables })
        break
      case 'cancelJob':
        buffer.deleteJob(key, effect.elementInstanceId)
        break
      case 'createUserTask': {
        const { type: _type, ...task } = effect
        tasks.push({ ...task, instanceKey: key, processId: instance.processId })
        break
      }
      case 'cancelUserTask':
        buffer.closeUserTask(key, effect.elementInstanceId, 'cancelled', actor, now)
        break
      case 'raiseIncident':
        incidents.push({ instanceKey: key, incidentId: effect.incidentId, elementInstanceId: effect.elementInstanceId, elementId: effect.elementId, type: effect.incidentType, message: effect.message })
        break
      case 'resolveIncident':
        writes.push(() => markResolved(sql, key, effect.incidentId, actor, now))
        break
      case 'scheduleTimer':
        // A later schedule of the same subscription (a cycle's next repetition) replaces the earlier.
        timers.set(effect.subscriptionId, { instanceKey: key, processId: instance.processId, subscriptionId: effect.subscriptionId, elementId: effect.elementId, elementInstanceId: effect.elementInstanceId, dueAt: new Date(effect.dueAt) })
        break
      case 'openMessageSubscription':
        subscriptions.push({ instanceKey: key, processId: instance.processId, subscriptionId: effect.subscriptionId, elementId: effect.elementId, elementInstanceId: effect.elementInstanceId, messageName: effect.messageName, correlationKey: effect.correlationKey, interrupting: effect.interrupting })
        followUps.push({ kind: 'bufferedMessage', instanceKey: key, processId: instance.processId, subscriptionId: effect.subscriptionId, elementId: effect.elementId, messageName: effect.messageName, correlationKey: effect.correlationKey })
        break
      case 'closeSubscription':
        timers.delete(effect.subscriptionId)
        closed.push(effect.subscriptionId)
        break
      case 'startChild':
        followUps.push({ kind: 'startChild', parentKey: key, elementInstanceId: effect.elementInstanceId, elementId: effect.elementId, processId: effect.processId, variables: effect.variables, businessKey: effect.businessKey })
        break
      case 'cancelChild':
        followUps.push({ kind: 'cancelChild', parentKey: key, elementInstanceId: effect.elementInstanceId })
        break
      case 'propagateError':
        if (!parent) throw new Error(`instance ${key} propagated error ${effect.errorCode} but has no parent`)
        followUps.push({ kind: 'command', instanceKey: parent.instanceKey, command: { type: 'throwError', elementInstanceId: parent.elementInstanceId, errorCode: effect.errorCode, errorMessage: effect.errorMessage } })
        break
      case 'instanceCompleted':
        ended = true
        if (parent) followUps.push({ kind: 'command', instanceKey: parent.instanceKey, command: { type: 'completeChild', elementInstanceId: parent.elementInstanceId, variables: result.state.variables } })
        break
      case 'instanceCancelled':
        ended = true
        break
      default:
        assertNever(effect)
    }
  }
  if (ended && instance.startCorrelationKey) {
    followUps.push({ kind: 'messageStartReleased', processId: instance.processId, correlationKey: instance.startCorrelationKey })
  }
  const lastSeq = instance.historySeq + result.events.length
  buffer.insertJobs(jobs, now)
  buffer.insertUserTasks(tasks, now)
  buffer.appendHistory(key, instance.historySeq, instance.historyHash ?? null, result.events, actor, now)
  if (options.saveState) buffer.saveInstance(key, result.state, lastSeq, now)
  // Closing first: a subscription closed and re-opened in one result (a cycle) must end up open,
  // so the buffer, which holds the closes, is flushed before any timer or subscription is written.
  buffer.closeWaits(key, closed)
  const waited = (instance.state?.subscriptions?.length ?? 0) > 0 || timers.size > 0 || subscriptions.length > 0
  if (ended && waited) buffer.endWaits(key)
  const opened = subscriptions.filter((s) => !closed.includes(s.subscriptionId) || reopened(result.effects, s.subscriptionId))
  if (writes.length + incidents.length + timers.size + opened.length > 0) {
    // These rows refer to rows the buffer may hold (a new instance): the buffer goes first.
    await buffer.flush(sql)
    // Independent writes go out together: postgres pipelines them on the transaction's connection.
    await Promise.all([
      ...writes.map((write) => write()),
      insertIncidents(sql, incidents, now),
      upsertInstanceTimers(sql, [...timers.values()], now),
      insertSubscriptions(sql, opened, now),
    ])
    if (ended && (timers.size > 0 || opened.length > 0)) await Promise.all([deleteAllInstanceTimers(sql, key), deleteAllSubscriptions(sql, key)])
  }
  let timerDue: Date | null = null
  for (const timer of timers.values()) if (!timerDue || timer.dueAt < timerDue) timerDue = timer.dueAt
  // A subscription opened and closed again in this result, or an ended instance, waits for no message.
  const live = followUps.filter((f) => f.kind !== 'bufferedMessage' || (!ended && (!closed.includes(f.subscriptionId) || reopened(result.effects, f.subscriptionId))))
  return { jobTypes: [...new Set(jobs.map((job) => job.type))], timerDue, followUps: live }
}

/** Whether the last word on a subscription in these effects is an open (not a close). */
function reopened(effects: Effect[], subscriptionId: number): boolean {
  for (let i = effects.length - 1; i >= 0; i--) {
    const effect = effects[i]!
    if ('subscriptionId' in effect && effect.subscriptionId === subscriptionId) return effect.type !== 'closeSubscription'
  }
  return false
}

function assertNever(effect: never): never {
  throw new Error(`unknown effect ${(effect as Effect).type}`)
}
