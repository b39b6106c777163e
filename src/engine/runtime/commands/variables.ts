import { CommandRejectedError } from '../../errors.js'
import type { Command } from '../../types.js'
import type { Run } from '../run.js'

/** An operator or the API sets variables; nothing moves until a later command retries or completes something. */
export function setVariables(run: Run, command: Extract<Command, { type: 'setVariables' }>): void {
  if (command.elementInstanceId === undefined) return run.setVariables(0, command.variables)
  const instance = run.find(command.elementInstanceId)
  if (!instance) {
    throw new CommandRejectedError('ELEMENT_INSTANCE_NOT_FOUND', `Element instance ${command.elementInstanceId} is not active in this instance.`)
  }
  if (command.local) run.setLocalVariables(instance, command.variables)
  else run.setVariables(instance.id, command.variables)
}
