// The rows a group of commands will lock, locked and read together when the group's transaction
// begins: one statement per table for the whole group instead of one per command (instances
// first, in key order, then their jobs and user tasks, as every command locks them).
//
// A row read here is good until this transaction changes it. So an instance row is handed out
// once, and only while the write buffer holds no change to it; after that the session reads it
// again, and forgets the jobs and tasks read with it, which the first command may have changed.
import type { Sql } from '../../db/connect.js'
import { lockTopInstances, type InstanceRow } from './instances.js'
import { lockJobs, type JobRow } from './jobs.js'
import { instancesOfTasks, lockUserTasks, type UserTaskRow } from './user-tasks.js'

/** What one command of a group will lock, as far as its caller knows (a task's instance is looked up). */
export interface LockHints {
  instance?: string | undefined
  job?: string | undefined
  task?: string | undefined
}

export class Prelocked {
  private constructor(
    private readonly instances: Map<string, InstanceRow>,
    private readonly jobs: Map<string, JobRow>,
    private readonly tasks: Map<string, UserTaskRow>,
    /** Task key to instance key, for the tasks named without their instance. */
    readonly taskInstances: Map<string, string>,
  ) {}

  static async lock(sql: Sql, given: LockHints[]): Promise<Prelocked> {
    const unique = (keys: (string | undefined)[]) => [...new Set(keys.filter((key): key is string => key !== undefined))]
    const taskInstances = await instancesOfTasks(sql, unique(given.map((hint) => (hint.instance ? undefined : hint.task))))
    const hints = given.map((hint) => (hint.instance || !hint.task ? hint : { ...hint, instance: taskInstances.get(hint.task) }))
    const instances = await lockTopInstances(sql, unique(hints.map((hint) => hint.instance)))
    // A job or task only after its instance, and only if that is the top of its tree (locked here).
    const locked = new Set(instances.map((row) => row.key))
    const ofLocked = hints.filter((hint) => hint.instance !== undefined && locked.has(hint.instance))
    const [jobs, tasks] = await Promise.all([
      lockJobs(sql, unique(ofLocked.map((hint) => hint.job))),
      lockUserTasks(sql, unique(ofLocked.map((hint) => hint.task))),
    ])
    const byKey = <R extends { key: string }>(rows: R[]) => new Map(rows.map((row) => [row.key, row]))
    return new Prelocked(byKey(instances), byKey(jobs), byKey(tasks), taskInstances)
  }

  /** The instance's row as locked at the start, the first time it is asked for. */
  takeInstance(key: string): InstanceRow | undefined {
    const row = this.instances.get(key)
    this.instances.delete(key)
    return row
  }

  /** The instance may have changed since the start: its rows here are no longer good. */
  forget(instanceKey: string): void {
    this.instances.delete(instanceKey)
    for (const [key, job] of this.jobs) if (job.instanceKey === instanceKey) this.jobs.delete(key)
    for (const [key, task] of this.tasks) if (task.instanceKey === instanceKey) this.tasks.delete(key)
  }

  takeJob(key: string): JobRow | undefined {
    const row = this.jobs.get(key)
    this.jobs.delete(key)
    return row
  }

  takeTask(key: string): UserTaskRow | undefined {
    const row = this.tasks.get(key)
    this.tasks.delete(key)
    return row
  }
}
