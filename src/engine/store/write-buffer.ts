// The writes of one transaction's commands, held back and sent as one statement per table when
// the transaction is about to read or commit. A command writes its instance row, its history and
// its jobs or tasks; a group of commands sharing a transaction (group commit) then costs a handful
// of statements instead of a handful each. Each statement carries its rows as one JSON parameter,
// unpacked by jsonb_to_recordset: one value to serialize, one plan whatever the row count. An
// update or delete also names its rows' keys as an array on an indexed column, so the plan finds
// them by index however stale the table's statistics are (the planner guesses 100 rows for the
// JSON and, trusting old statistics, would otherwise scan a grown table or all its open tasks).
//
// The rule that keeps it correct: nothing in the transaction reads a row this buffer still holds.
// The session flushes before it locks an instance the buffer has written (`touches`), before any
// follow-up on another instance, and before writes that go straight to the database.
//
// History is hash-chained per instance (history.ts): each command's rows go on from the hash on
// its locked instance row, and the new head is written to that row with the rest. Two commands
// on one instance in one transaction stay in order because the second reads the row again after
// a flush; `heads` also carries the head from one command to the next until then.
import type { Sql } from '../../db/connect.js'
import type { HistoryEvent, InstanceState } from '../types.js'
import { historyRows } from './history.js'
import { jobRow, type NewJob } from './jobs.js'
import { userTaskRow, type NewUserTask } from './user-tasks.js'

export interface NewInstance {
  key: string
  definitionKey: string
  processId: string
  version: number
  state: InstanceState
  historySeq: number
  now: Date
  parent: { key: string; elementInstanceId: number; rootKey: string } | null
  startCorrelationKey: string | null
}

type Row = Record<string, unknown>
const pair = (instanceKey: string, elementInstanceId: number) => `${instanceKey}/${elementInstanceId}`

export class WriteBuffer {
  private readonly inserted = new Map<string, Row>()
  private readonly updated = new Map<string, Row>()
  private readonly history: Row[] = []
  private readonly jobs = new Map<string, Row>()
  private readonly jobDeletes: Row[] = []
  private readonly tasks = new Map<string, Row>()
  private readonly taskCloses: Row[] = []
  /** Timers and message subscriptions closed, by instance and subscription id. */
  private readonly waitCloses: Row[] = []
  /** Instances that ended: none of their timers or subscriptions stays. */
  private readonly waitEnds = new Set<string>()
  /** The head of each instance's history chain as appended here, written to its row at flush. */
  private readonly heads = new Map<string, { seq: number; hash: string | null }>()

  get isEmpty(): boolean {
    return this.inserted.size + this.updated.size + this.history.length + this.jobs.size + this.jobDeletes.length + this.tasks.size +
      this.taskCloses.length + this.waitCloses.length + this.waitEnds.size === 0
  }

  /** Whether a row of this instance waits here: read it only after a flush. */
  touches(instanceKey: string): boolean {
    return this.inserted.has(instanceKey) || this.updated.has(instanceKey)
  }

  insertInstance(row: NewInstance): void {
    this.inserted.set(row.key, {
      key: row.key,
      definition_key: row.definitionKey,
      process_id: row.processId,
      version: row.version,
      business_key: row.state.businessKey,
      status: row.state.status,
      state: row.state,
      history_seq: row.historySeq,
      started_at: row.now,
      ended_at: row.state.status === 'active' ? null : row.now,
      parent_key: row.parent?.key ?? null,
      parent_element_instance_id: row.parent?.elementInstanceId ?? null,
      root_key: row.parent?.rootKey ?? null,
      start_correlation_key: row.startCorrelationKey || null,
    })
  }

  /** The instance's new state; an instance inserted here gets it on its insert. */
  saveInstance(key: string, state: InstanceState, historySeq: number, now: Date): void {
    const change = { state, status: state.status, history_seq: historySeq, ended_at: state.status === 'active' ? null : now }
    const inserted = this.inserted.get(key)
    if (inserted) Object.assign(inserted, change)
    else this.updated.set(key, { key, ...change })
  }

  /** Appends events after `lastSeq`, chained on from `prevHash`, the hash of that row. */
  appendHistory(instanceKey: string, lastSeq: number, prevHash: string | null, events: HistoryEvent[], actor: string | null, at: Date): number {
    if (events.length === 0) return lastSeq
    const held = this.heads.get(instanceKey)
    const { rows, head } = historyRows(instanceKey, lastSeq, held?.seq === lastSeq ? held.hash : prevHash, events, actor, at, (data) => data)
    for (const row of rows) this.history.push(row)
    this.heads.set(instanceKey, { seq: lastSeq + events.length, hash: head })
    return lastSeq + events.length
  }

  insertJobs(jobs: NewJob[], now: Date): void {
    for (const job of jobs) this.jobs.set(pair(job.instanceKey, job.elementInstanceId), jobRow(job, now))
  }

  /** A job created and removed before the flush is never written. */
  deleteJob(instanceKey: string, elementInstanceId: number): void {
    if (this.jobs.delete(pair(instanceKey, elementInstanceId))) return
    this.jobDeletes.push({ instance_key: instanceKey, element_instance_id: elementInstanceId })
  }

  insertUserTasks(tasks: NewUserTask[], now: Date): void {
    for (const task of tasks) this.tasks.set(pair(task.instanceKey, task.elementInstanceId), userTaskRow(task, now))
  }

  closeUserTask(instanceKey: string, elementInstanceId: number, state: 'completed' | 'cancelled', actor: string | null, now: Date): void {
    const created = this.tasks.get(pair(instanceKey, elementInstanceId))
    if (created) Object.assign(created, { state, completed_at: now, completed_by: actor })
    else this.taskCloses.push({ instance_key: instanceKey, element_instance_id: elementInstanceId, state, completed_at: now, completed_by: actor })
  }

  /** Removes closed timers and subscriptions (the runtime closes a timer that fired, or a boundary event's). */
  closeWaits(instanceKey: string, subscriptionIds: number[]): void {
    for (const id of subscriptionIds) this.waitCloses.push({ instance_key: instanceKey, subscription_id: id })
  }

  /** Removes every timer and subscription of an ended instance. */
  endWaits(instanceKey: string): void {
    this.waitEnds.add(instanceKey)
  }

  /**
   * Sends everything held, in an order the foreign keys accept (instances before what refers to
   * them, removals before inserts), as statements pipelined on the transaction's connection.
   */
  async flush(sql: Sql): Promise<void> {
    if (this.isEmpty) return
    const [inserted, updated, history, jobs, jobDeletes, tasks, taskCloses, waitCloses, waitEnds] = [
      [...this.inserted.values()], [...this.updated.values()], this.history.splice(0), [...this.jobs.values()],
      this.jobDeletes.splice(0), [...this.tasks.values()], this.taskCloses.splice(0), this.waitCloses.splice(0), [...this.waitEnds],
    ]
    for (const row of inserted) row.history_hash = this.heads.get(row.key as string)?.hash ?? null
    for (const row of updated) row.history_hash = this.heads.get(row.key as string)?.hash ?? null
    this.heads.clear()
    this.waitEnds.clear()
    this.inserted.clear()
    this.updated.clear()
    this.jobs.clear()
    this.tasks.clear()
    // Serialized here, not by the driver while it binds the statement: a value that cannot be
    // serialized then fails this flush alone, instead of leaving the connection half way through.
    const json = (rows: Row[]) => {
      const text = JSON.stringify(rows)
      return sql`${text}::text::jsonb`
    }
    const keysOf = (rows: Row[], column: string) => [...new Set(rows.map((row) => row[column] as string))]
    const statements: Promise<unknown>[] = []
    if (inserted.length > 0) {
      statements.push(sql`
        insert into process_instances (key, definition_key, process_id, version, business_key, status, state, history_seq, started_at,
                                       ended_at, parent_key, parent_element_instance_id, root_key, start_correlation_key, history_hash)
        overriding system value
        select * from jsonb_to_recordset(${json(inserted)}) as r(key bigint, definition_key bigint, process_id text, version integer,
          business_key text, status text, state jsonb, history_seq integer, started_at timestamptz, ended_at timestamptz, parent_key bigint,
          parent_element_instance_id integer, root_key bigint, start_correlation_key text, history_hash text)`)
    }
    if (updated.length > 0) {
      statements.push(sql`
        update process_instances p set state = r.state, status = r.status, history_seq = r.history_seq, ended_at = r.ended_at,
          history_hash = coalesce(r.history_hash, p.history_hash)
        from jsonb_to_recordset(${json(updated)}) as r(key bigint, state jsonb, status text, history_seq integer, ended_at timestamptz,
          history_hash text)
        where p.key = any(${keysOf(updated, 'key')}::bigint[]) and p.key = r.key`)
    }
    if (jobDeletes.length > 0) {
      statements.push(sql`
        delete from jobs j using jsonb_to_recordset(${json(jobDeletes)}) as r(instance_key bigint, element_instance_id integer)
        where j.instance_key = any(${keysOf(jobDeletes, 'instance_key')}::bigint[])
          and j.instance_key = r.instance_key and j.element_instance_id = r.element_instance_id`)
    }
    if (taskCloses.length > 0) {
      // Only an open task closes; the test is in the values, not the filter, which the planner
      // would otherwise answer from the index of open tasks, all of them.
      statements.push(sql`
        update user_tasks t set
          state = case when t.state = 'created' then r.state else t.state end,
          completed_at = case when t.state = 'created' then r.completed_at else t.completed_at end,
          completed_by = case when t.state = 'created' then r.completed_by else t.completed_by end
        from jsonb_to_recordset(${json(taskCloses)}) as r(instance_key bigint, element_instance_id integer, state text,
          completed_at timestamptz, completed_by text)
        where t.instance_key = any(${keysOf(taskCloses, 'instance_key')}::bigint[])
          and t.instance_key = r.instance_key and t.element_instance_id = r.element_instance_id`)
    }
    if (waitCloses.length > 0) {
      const [rows, keys] = [json(waitCloses), keysOf(waitCloses, 'instance_key')]
      statements.push(
        sql`delete from timers t using jsonb_to_recordset(${rows}) as r(instance_key bigint, subscription_id integer)
            where t.instance_key = any(${keys}::bigint[]) and t.instance_key = r.instance_key and t.subscription_id = r.subscription_id`,
        sql`delete from message_subscriptions s using jsonb_to_recordset(${rows}) as r(instance_key bigint, subscription_id integer)
            where s.instance_key = any(${keys}::bigint[]) and s.instance_key = r.instance_key and s.subscription_id = r.subscription_id`,
      )
    }
    if (waitEnds.length > 0) {
      statements.push(
        sql`delete from timers where instance_key = any(${waitEnds}::bigint[])`,
        sql`delete from message_subscriptions where instance_key = any(${waitEnds}::bigint[])`,
      )
    }
    if (jobs.length > 0) {
      statements.push(sql`
        insert into jobs (instance_key, element_instance_id, element_id, type, retries, custom_headers, variables, due_at)
        select * from jsonb_to_recordset(${json(jobs)}) as r(instance_key bigint, element_instance_id integer, element_id text,
          type text, retries integer, custom_headers jsonb, variables jsonb, due_at timestamptz)`)
    }
    if (tasks.length > 0) {
      statements.push(sql`
        insert into user_tasks (instance_key, element_instance_id, element_id, process_id, name, assignee, candidate_groups, candidate_users,
                                due_date, follow_up_date, priority, form_id, form_key, variables, created_at, state, completed_at, completed_by)
        select instance_key, element_instance_id, element_id, process_id, name, assignee, candidate_groups, candidate_users, due_date,
               follow_up_date, priority, form_id, form_key, variables, created_at, coalesce(state, 'created'), completed_at, completed_by
        from jsonb_to_recordset(${json(tasks)}) as r(instance_key bigint, element_instance_id integer, element_id text, process_id text,
          name text, assignee text, candidate_groups text[], candidate_users text[], due_date timestamptz, follow_up_date timestamptz,
          priority integer, form_id text, form_key text, variables jsonb, created_at timestamptz, state text, completed_at timestamptz,
          completed_by text)`)
    }
    if (history.length > 0) {
      statements.push(sql`
        insert into history (instance_key, seq, type, element_id, element_instance_id, actor, at, data, hash)
        select * from jsonb_to_recordset(${json(history)}) as r(instance_key bigint, seq integer, type text, element_id text,
          element_instance_id integer, actor text, at timestamptz, data jsonb, hash text)`)
    }
    await Promise.all(statements)
  }
}
