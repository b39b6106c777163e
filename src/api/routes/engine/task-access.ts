// Who may see and work on which user task. Two rules, both must hold:
//   - the task is meant for them: assigned to them, naming them or one of their groups (roles),
//     or naming nobody; admins, auditors and process owners oversee every task;
//   - its instance's case, if it belongs to one, is a case they may read (src/cases/case-access.ts).
//     Process owners see a case's tasks without their variables; anyone else who may not read the
//     case gets 404, as for the case.
// Claiming and completing additionally need a worker role (the route's) and a case they may read.
import type postgres from 'postgres'
import type { Sql } from '../../../db/connect.js'
import type { Principal } from '../../../auth/roles.js'
import { SamflytError, notFound } from '../../../errors.js'
import { mayWorkOn, type TaskViewer, type UserTaskRow } from '../../../engine/store/user-tasks.js'
import { instanceAccess, readableInstance, type InstanceAccess } from '../../../cases/case-access-instances.js'
import { readsAllCases, seesWithheld } from '../../../cases/case-access.js'

const OVERSEERS = ['admin', 'auditor', 'process-owner']

const viewerOf = (principal: Principal): TaskViewer => ({ username: principal.username, groups: principal.roles })

/** The task-list filter for this principal: undefined when they may see every task. */
export function taskViewer(principal: Principal): TaskViewer | undefined {
  return principal.roles.some((role) => OVERSEERS.includes(role)) ? undefined : viewerOf(principal)
}

/** The task-list condition that leaves out the tasks of cases the principal may not read (undefined: none left out). */
export function taskScope(sql: Sql, principal: Principal): postgres.Fragment | undefined {
  if (readsAllCases(principal) || seesWithheld(principal)) return undefined
  return readableInstance(sql, principal, sql`user_tasks.instance_key`)
}

/** Reading one task: someone else's task, or one of a case they may not read, is not found, as if it did not exist. */
export async function checkTaskRead(sql: Sql, task: UserTaskRow, principal: Principal): Promise<InstanceAccess> {
  const viewer = taskViewer(principal)
  if (viewer && !mayWorkOn(task, viewer)) throw notFound('User task', task.key)
  const access = await instanceAccess(sql, principal, task.instanceKey)
  if (access.mode === 'hidden') throw notFound('User task', task.key)
  return access
}

/** Claiming or completing: only those the task is for, on a case they may read; admins may step in for anyone. */
export async function checkTaskWork(sql: Sql, task: UserTaskRow, principal: Principal): Promise<InstanceAccess> {
  const access = await checkTaskRead(sql, task, principal)
  if (access.mode === 'withheld') throw new SamflytError('SAMFLYT_FORBIDDEN', `User task ${task.key} belongs to a case you may not read; only those who may work on the case may claim or complete it`)
  if (principal.roles.includes('admin') || mayWorkOn(task, viewerOf(principal))) return access
  const meant = [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee
  throw new SamflytError('SAMFLYT_FORBIDDEN', `User task ${task.key} is for ${meant}; you are ${principal.username} (${principal.roles.join(', ')})`)
}
