// What a worker reports about a job. Retries and backoff are the store's
// business; the runtime hears of every failure (for the history) and turns the
// last one into an incident.
import type { Command } from '../../types.js'
import { describe } from '../describe.js'
import type { Run } from '../run.js'
import { waitingInstance } from './waiting.js'

export function completeJob(run: Run, command: Extract<Command, { type: 'completeJob' }>): void {
  const { instance, element } = waitingInstance(run, command.elementInstanceId, 'job')
  const variables = command.variables ?? {}
  run.events.push({ type: 'jobCompleted', elementInstanceId: instance.id, elementId: element.id, variables })
  run.complete(instance, variables)
}

export function failJob(run: Run, command: Extract<Command, { type: 'failJob' }>): void {
  const { instance, element } = waitingInstance(run, command.elementInstanceId, 'job')
  const retries = Math.max(0, command.retries)
  run.events.push({ type: 'jobFailed', elementInstanceId: instance.id, elementId: element.id, retries, errorMessage: command.errorMessage })
  if (retries > 0) return
  const reason = command.errorMessage.trim() === '' ? 'no error message was given' : command.errorMessage
  run.raiseIncident(instance, 'JOB_NO_RETRIES', `The job of ${describe(element)} failed and has no retries left: ${reason}`)
}

/**
 * A worker threw a BPMN error: a business outcome, not a failure. Error boundary
 * and error event sub-process catches are a later issue, so for now nothing can
 * catch it and it becomes an incident naming the code, as in Zeebe.
 */
export function throwError(run: Run, command: Extract<Command, { type: 'throwError' }>): void {
  const { instance, element } = waitingInstance(run, command.elementInstanceId, 'job')
  const errorMessage = command.errorMessage ?? ''
  run.events.push({ type: 'jobErrorThrown', elementInstanceId: instance.id, elementId: element.id, errorCode: command.errorCode, errorMessage })
  const withMessage = errorMessage === '' ? '' : ` with message '${errorMessage}'`
  run.raiseIncident(
    instance,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${command.errorCode}'${withMessage} from ${describe(element)}, but it was not caught. No error events are available in the scope.`,
  )
}
