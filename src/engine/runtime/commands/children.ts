// What the store reports about the instance a call activity started.
import { CommandRejectedError } from '../../errors.js'
import type { CallActivity, Command, ElementInstanceState } from '../../types.js'
import { describe } from '../describe.js'
import type { Run } from '../run.js'
import { closeOwned } from '../subscriptions.js'

function waitingCallActivity(run: Run, elementInstanceId: number): { instance: ElementInstanceState; element: CallActivity } {
  const instance = run.find(elementInstanceId)
  if (!instance) throw new CommandRejectedError('ELEMENT_INSTANCE_NOT_FOUND', `Element instance ${elementInstanceId} is not active in this instance.`)
  const element = run.element(instance)
  if (element.kind !== 'callActivity' || instance.body) {
    throw new CommandRejectedError('NOT_A_CALL_ACTIVITY', `Element instance ${elementInstanceId} is ${describe(element)}${instance.body ? ' (its multi-instance body)' : ''}, not a call activity waiting for a child.`)
  }
  if (instance.status !== 'waiting' || run.hasIncident(instance)) {
    throw new CommandRejectedError('NOT_WAITING', `Element instance ${elementInstanceId} (${describe(element)}) is not waiting for a child instance.`)
  }
  return { instance, element }
}

/** The child completed with these process variables: they come back as Zeebe brings them (see behaviours/call-activity.ts). */
export function completeChild(run: Run, command: Extract<Command, { type: 'completeChild' }>): void {
  const { instance, element } = waitingCallActivity(run, command.elementInstanceId)
  run.events.push({ type: 'childCompleted', elementInstanceId: instance.id, elementId: element.id, variables: command.variables })
  const bringBack = element.outputs.length > 0 || element.propagateAllChildVariables
  run.complete(instance, bringBack ? command.variables : undefined)
}

/**
 * No child could be started (no process deployed with that id): a
 * CALLED_ELEMENT_ERROR incident. Resolving it activates the call activity again,
 * so its subscriptions close now and open again then.
 */
export function childNotStarted(run: Run, command: Extract<Command, { type: 'childNotStarted' }>): void {
  const { instance, element } = waitingCallActivity(run, command.elementInstanceId)
  closeOwned(run, instance.id)
  instance.status = 'activating'
  run.raiseIncident(instance, 'CALLED_ELEMENT_ERROR', `Failed to start the process called by ${describe(element)}: ${command.message}`)
}
