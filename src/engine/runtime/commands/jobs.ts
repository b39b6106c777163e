// What a worker reports about a job. Retries and backoff are the store's
// business; the runtime hears of every failure (for the history) and turns the
// last one into an incident.
import { CommandRejectedError } from '../../errors.js'
import type { Command, Element, ElementInstanceState } from '../../types.js'
import { throwBpmnError } from '../bpmn-errors.js'
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
 * A worker threw a BPMN error: a business outcome, not a failure. Or, aimed at a
 * call activity, the child instance threw one that nothing there caught. It is
 * caught by the closest matching boundary event or error event sub-process
 * (../bpmn-errors.ts); uncaught, it is an incident naming the code, as in Zeebe.
 */
export function throwError(run: Run, command: Extract<Command, { type: 'throwError' }>): void {
  const errorMessage = command.errorMessage ?? ''
  const target = run.find(command.elementInstanceId)
  const fromChild = target !== undefined && run.element(target).kind === 'callActivity' && !target.body
  const { instance, element } = fromChild ? waitingChild(run, target) : waitingInstance(run, command.elementInstanceId, 'job')
  const ref = { elementInstanceId: instance.id, elementId: element.id }
  if (fromChild) run.events.push({ type: 'errorThrown', errorCode: command.errorCode, errorMessage, ...ref })
  else run.events.push({ type: 'jobErrorThrown', errorCode: command.errorCode, errorMessage, ...ref })
  const withMessage = errorMessage === '' ? '' : ` with message '${errorMessage}'`
  const origin = fromChild ? `the process called by ${describe(element)}` : describe(element)
  throwBpmnError(
    run,
    instance,
    command.errorCode,
    errorMessage,
    `Expected to throw an error event with the code '${command.errorCode}'${withMessage} from ${origin}, but it was not caught. No error events are available in the scope.`,
  )
}

function waitingChild(run: Run, instance: ElementInstanceState): { instance: ElementInstanceState; element: Element } {
  const element = run.element(instance)
  if (instance.status !== 'waiting' || run.hasIncident(instance)) {
    throw new CommandRejectedError('NOT_WAITING', `Element instance ${instance.id} (${describe(element)}) is not waiting for a child instance.`)
  }
  return { instance, element }
}
