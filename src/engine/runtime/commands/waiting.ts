// Finding the element instance a job or user task command is about, and
// refusing the command when it does not fit (completed twice, stuck in an incident).
import { CommandRejectedError } from '../../errors.js'
import type { Element, ElementInstanceState } from '../../types.js'
import { isJobElement } from '../behaviours/index.js'
import { describe } from '../describe.js'
import type { Run } from '../run.js'

export function waitingInstance(
  run: Run,
  elementInstanceId: number,
  expected: 'job' | 'userTask',
): { instance: ElementInstanceState; element: Element } {
  const instance = run.find(elementInstanceId)
  if (!instance) {
    throw new CommandRejectedError('ELEMENT_INSTANCE_NOT_FOUND', `Element instance ${elementInstanceId} is not active in this instance.`)
  }
  const element = run.element(instance)
  if (expected === 'job' && !isJobElement(element)) {
    throw new CommandRejectedError('NOT_A_JOB', `Element instance ${elementInstanceId} is ${describe(element)}, which has no job.`)
  }
  if (expected === 'userTask' && element.kind !== 'userTask') {
    throw new CommandRejectedError('NOT_A_USER_TASK', `Element instance ${elementInstanceId} is ${describe(element)}, not a user task.`)
  }
  if (instance.status !== 'waiting' || run.hasIncident(instance)) {
    throw new CommandRejectedError(
      'NOT_WAITING',
      `Element instance ${elementInstanceId} (${describe(element)}) is not waiting for its ${expected === 'job' ? 'job' : 'user task'}${run.hasIncident(instance) ? ': it has an open incident' : ''}.`,
    )
  }
  return { instance, element }
}
