import { capitalize, readAttributeExpression } from '../extensions.js'
import { attribute, describeElement, extension } from '../moddle.js'
import type { ElementReader } from './reader.js'

// Embedded and event sub-processes. Their start event and the event
// sub-processes inside them are filled in by the builder, which sees their content.
export const readSubProcess: ElementReader = (source) =>
  source['triggeredByEvent'] === true
    ? { kind: 'eventSubProcess', startEventId: '', eventSubProcesses: [] }
    : { kind: 'subProcess', startEventId: '', eventSubProcesses: [] }

export const readEventBasedGateway: ElementReader = () => ({ kind: 'eventBasedGateway' })

// zeebe:calledElement: the called process id (static or FEEL) and how variables
// cross: by default every visible variable goes down and every child variable comes back.
export const readCallActivity: ElementReader = (source, context) => {
  const called = extension(source, 'zeebe:CalledElement')
  const processId = readAttributeExpression(source, 'called process id', attribute(called, 'processId'), context)
  if (processId === null) {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} names no process to call: add <zeebe:calledElement processId="..."/>.`)
    return null
  }
  return {
    kind: 'callActivity',
    processId,
    propagateAllChildVariables: called?.['propagateAllChildVariables'] !== false,
    propagateAllParentVariables: called?.['propagateAllParentVariables'] !== false,
  }
}
