import { capitalize, readJobDefinition } from '../extensions.js'
import { describeElement, describeType, withArticle } from '../moddle.js'
import type { ModdleElement } from '../moddle.js'
import { readThrowErrorCode } from './event-definitions.js'
import type { ElementReader } from './reader.js'

// None, terminate, error and message end events. A message end event is a job
// (a worker sends the message), as in Zeebe.
export const readEndEvent: ElementReader = (source, context) => {
  const definitions = source.eventDefinitions ?? []
  if (definitions.length === 0) return { kind: 'endEvent' }
  const definition = definitions[0] as ModdleElement
  if (definitions.length === 1) {
    switch (definition.$type) {
      case 'bpmn:TerminateEventDefinition':
        return { kind: 'terminateEndEvent' }
      case 'bpmn:ErrorEventDefinition': {
        const errorCode = readThrowErrorCode(source, definition, context)
        return errorCode && { kind: 'errorEndEvent', errorCode }
      }
      case 'bpmn:MessageEventDefinition': {
        const job = readJobDefinition(source, context)
        return job && { kind: 'messageEndEvent', job }
      }
    }
  }
  const kinds = definitions.map((each) => describeType(each.$type).replace(' event definition', '')).join(' and ')
  context.problem(source.id ?? null, `${capitalize(describeElement(source))} is ${withArticle(kinds)} end event: not supported yet.`)
  return null
}
