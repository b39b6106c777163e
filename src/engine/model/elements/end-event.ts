import { describeElement, describeType, withArticle } from '../moddle.js'
import { capitalize } from '../extensions.js'
import type { ElementReader } from './reader.js'

// None and terminate end events; error and message end events are a later issue.
export const readEndEvent: ElementReader = (source, context) => {
  const definitions = source.eventDefinitions ?? []
  if (definitions.length === 0) return { kind: 'endEvent' }
  if (definitions.length === 1 && definitions[0]?.$type === 'bpmn:TerminateEventDefinition') return { kind: 'terminateEndEvent' }
  const kinds = definitions.map((definition) => describeType(definition.$type).replace(' event definition', '')).join(' and ')
  context.problem(source.id ?? null, `${capitalize(describeElement(source))} is ${withArticle(kinds)} end event: not supported yet.`)
  return null
}
