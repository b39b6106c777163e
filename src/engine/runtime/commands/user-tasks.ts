import type { Command } from '../../types.js'
import type { Run } from '../run.js'
import { waitingInstance } from './waiting.js'

/** A person completed the task; the submitted variables are its result, as a job's are. */
export function completeUserTask(run: Run, command: Extract<Command, { type: 'completeUserTask' }>): void {
  const { instance, element } = waitingInstance(run, command.elementInstanceId, 'userTask')
  const variables = command.variables ?? {}
  run.events.push({ type: 'userTaskCompleted', elementInstanceId: instance.id, elementId: element.id, variables })
  run.complete(instance, variables)
}
