// Applies one runtime result inside the command's transaction: the new state, the effects
// (jobs, user tasks, incidents) and the history, all or nothing.
import type { Sql } from '../../db/connect.js'
import type { Effect, Result } from '../types.js'
import { saveInstance } from './instances.js'
import { deleteJob, insertJobs, type NewJob } from './jobs.js'
import { closeUserTask, insertUserTasks, type NewUserTask } from './user-tasks.js'
import { insertIncidents, markResolved, type NewIncident } from './incidents.js'
import { appendHistory } from './history.js'

export interface Applied {
  /** Job types created, so waiting workers can be woken. */
  jobTypes: string[]
}

export async function applyResult(
  sql: Sql,
  instance: { key: string; processId: string; historySeq: number },
  result: Result,
  actor: string | null,
  now: Date,
  options: { saveState: boolean } = { saveState: true },
): Promise<Applied> {
  const jobs: NewJob[] = []
  const tasks: NewUserTask[] = []
  const incidents: NewIncident[] = []
  const writes: Promise<unknown>[] = []
  const key = instance.key

  for (const effect of result.effects) {
    switch (effect.type) {
      case 'createJob':
        jobs.push({ instanceKey: key, elementInstanceId: effect.elementInstanceId, elementId: effect.elementId, type: effect.jobType, retries: effect.retries, customHeaders: effect.customHeaders, variables: effect.variables })
        break
      case 'cancelJob':
        writes.push(deleteJob(sql, key, effect.elementInstanceId))
        break
      case 'createUserTask': {
        const { type: _type, ...task } = effect
        tasks.push({ ...task, instanceKey: key, processId: instance.processId })
        break
      }
      case 'cancelUserTask':
        writes.push(closeUserTask(sql, key, effect.elementInstanceId, 'cancelled', actor, now))
        break
      case 'raiseIncident':
        incidents.push({ instanceKey: key, incidentId: effect.incidentId, elementInstanceId: effect.elementInstanceId, elementId: effect.elementId, type: effect.incidentType, message: effect.message })
        break
      case 'resolveIncident':
        writes.push(markResolved(sql, key, effect.incidentId, actor, now))
        break
      case 'instanceCompleted':
      case 'instanceCancelled':
        break
      default:
        assertNever(effect)
    }
  }
  const lastSeq = instance.historySeq + result.events.length
  // Independent writes go out together: postgres pipelines them on the transaction's connection.
  await Promise.all([
    ...writes,
    insertJobs(sql, jobs, now),
    insertUserTasks(sql, tasks, now),
    insertIncidents(sql, incidents, now),
    appendHistory(sql, key, instance.historySeq, result.events, actor, now),
    options.saveState ? saveInstance(sql, key, result.state, lastSeq, now) : Promise.resolve(),
  ])
  return { jobTypes: [...new Set(jobs.map((job) => job.type))] }
}

function assertNever(effect: never): never {
  throw new Error(`unknown effect ${(effect as Effect).type}`)
}
