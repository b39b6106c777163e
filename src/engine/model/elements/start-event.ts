import { describeElement, describeType, withArticle } from '../moddle.js'
import { capitalize } from '../extensions.js'
import type { ElementReader } from './reader.js'

// Only the none start event for now; message and timer starts are a later issue.
export const readStartEvent: ElementReader = (source, context) => {
  const definition = source.eventDefinitions?.[0]
  if (definition) {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} is ${withArticle(describeType(definition.$type).replace(' event definition', ''))} start event: not supported yet.`)
    return null
  }
  return { kind: 'startEvent', trigger: null, interrupting: true }
}
