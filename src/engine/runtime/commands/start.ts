import { CommandRejectedError } from '../../errors.js'
import type { Command, InstanceState, ProcessModel, RuntimeLimits } from '../../types.js'
import { Run } from '../run.js'

/** A new instance: variables in the process scope, a token on the start event (the none start event unless the store names a timer or message start). */
export function start(model: ProcessModel, command: Extract<Command, { type: 'start' }>, now: Date, limits?: RuntimeLimits): Run {
  const variables = { ...command.variables }
  const businessKey = command.businessKey ?? null
  const state: InstanceState = {
    processId: model.processId,
    status: 'active',
    businessKey,
    next: 1,
    variables,
    elements: [],
    joins: [],
    incidents: [],
    subscriptions: [],
    parent: command.parent ?? null,
  }
  const run = new Run(model, state, now, limits)
  run.events.push({ type: 'instanceStarted', processId: model.processId, businessKey, variables: { ...variables } })
  const startEventId = command.startEventId ?? model.startEventId
  if (startEventId === null) throw new CommandRejectedError('START_EVENT_NOT_FOUND', `Process '${model.processId}' has no none start event; it starts by timer or message only.`)
  if (!model.startEvents.includes(startEventId)) throw new CommandRejectedError('START_EVENT_NOT_FOUND', `Process '${model.processId}' has no start event '${startEventId}' at process level.`)
  run.enter(startEventId, 0)
  return run
}
