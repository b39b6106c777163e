import type { ModdleElement } from '../moddle.js'
import { readTrigger } from './event-definitions.js'
import type { ElementReader } from './reader.js'

// A receive task waits for a message, like a message catch event; its messageRef
// is on the task itself, so it is read as if it were an event definition.
export const readReceiveTask: ElementReader = (source, context) => {
  const asEvent = { ...source, eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition', messageRef: source['messageRef'] } as ModdleElement] }
  const trigger = readTrigger(asEvent, context, { allowed: ['message'], what: 'a receive task' })
  if (trigger === null || trigger.type !== 'message') return null
  return { kind: 'receiveTask', message: trigger.message }
}
