// Who may see and work on which user task. Tasks carry the case's data (variables, forms), so a
// worker sees only the tasks meant for them or their groups (roles); admins, auditors and process
// owners oversee them all. Claiming and completing additionally need a worker role (the route's).
import type { Principal } from '../../../auth/roles.js'
import { SamflytError, notFound } from '../../../errors.js'
import { mayWorkOn, type TaskViewer, type UserTaskRow } from '../../../engine/store/user-tasks.js'

const OVERSEERS = ['admin', 'auditor', 'process-owner']

const viewerOf = (principal: Principal): TaskViewer => ({ username: principal.username, groups: principal.roles })

/** The task-list filter for this principal: undefined when they may see every task. */
export function taskViewer(principal: Principal): TaskViewer | undefined {
  return principal.roles.some((role) => OVERSEERS.includes(role)) ? undefined : viewerOf(principal)
}

/** Reading one task: someone else's task is not found, as if it did not exist. */
export function checkTaskRead(task: UserTaskRow, principal: Principal): void {
  const viewer = taskViewer(principal)
  if (viewer && !mayWorkOn(task, viewer)) throw notFound('User task', task.key)
}

/** Claiming or completing: only those the task is for; admins may step in for anyone. */
export function checkTaskWork(task: UserTaskRow, principal: Principal): void {
  if (principal.roles.includes('admin') || mayWorkOn(task, viewerOf(principal))) return
  checkTaskRead(task, principal)
  const meant = [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee
  throw new SamflytError('SAMFLYT_FORBIDDEN', `User task ${task.key} is for ${meant}; you are ${principal.username} (${principal.roles.join(', ')})`)
}
