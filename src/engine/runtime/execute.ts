// The runtime's one entry point: (model, state, command) -> (state, effects,
// history events). Pure: no I/O, no clock but ctx.now, no randomness, and the
// state passed in is never modified, so the store can apply the result in one
// transaction and a test can run it with no database at all.
import { CommandRejectedError } from '../errors.js'
import type { Command, CommandType, ExecuteContext, InstanceState, ProcessModel, Result } from '../types.js'
import { cancel } from './commands/cancel.js'
import { childNotStarted, completeChild } from './commands/children.js'
import { resolveIncident } from './commands/incidents.js'
import { completeJob, failJob, throwError } from './commands/jobs.js'
import { start } from './commands/start.js'
import { correlateMessage, triggerTimer } from './commands/subscriptions.js'
import { completeUserTask } from './commands/user-tasks.js'
import { setVariables } from './commands/variables.js'
import { Run } from './run.js'

type Handler<K extends CommandType> = (run: Run, command: Extract<Command, { type: K }>) => void

const handlers: { readonly [K in Exclude<CommandType, 'start'>]: Handler<K> } = {
  completeJob,
  failJob,
  throwError,
  completeUserTask,
  setVariables,
  resolveIncident,
  cancel,
  triggerTimer,
  correlateMessage,
  completeChild,
  childNotStarted,
}

/**
 * Runs one command against one instance until every token rests (in a wait
 * state, an incident or a join) or the instance ends.
 *
 * @param state null only for `start`
 * @throws CommandRejectedError when the command does not fit the state; nothing changed
 */
export function execute(model: ProcessModel, state: InstanceState | null, command: Command, ctx: ExecuteContext): Result {
  let run: Run
  if (command.type === 'start') {
    if (state !== null) throw new CommandRejectedError('INSTANCE_ALREADY_STARTED', 'The instance has already been started.')
    run = start(model, command, ctx.now, ctx.limits)
  } else {
    if (state === null) throw new CommandRejectedError('INSTANCE_NOT_STARTED', `A '${command.type}' command needs a started instance.`)
    if (state.processId !== model.processId) {
      throw new Error(`instance of process '${state.processId}' was given the model of process '${model.processId}'`)
    }
    if (state.status !== 'active') {
      throw new CommandRejectedError('INSTANCE_NOT_ACTIVE', `The instance is ${state.status}; a '${command.type}' command needs an active instance.`)
    }
    run = new Run(model, structuredClone(state), ctx.now, ctx.limits)
    const handler = handlers[command.type] as Handler<typeof command.type>
    handler(run, command)
  }
  run.drain()
  return { state: run.state, effects: run.effects, events: run.events }
}
