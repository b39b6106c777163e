// One executable <bpmn:process> -> one ProcessModel, reporting every problem found.
//
// Decisions, following Zeebe:
// - An element with no outgoing flow that is not an end event (a task, a
//   gateway) is an implicit end: its token is consumed there. This is allowed.
// - An element with no incoming flow that is not a start event can never be
//   reached; it is allowed too (Zeebe deploys it).
// - Exactly one none start event per process; start events take no incoming
//   flow and end events give no outgoing flow.
// - Outgoing flows keep the document order of the <sequenceFlow> elements, which
//   is the order an exclusive gateway tries its conditions in.
import type { Element, ProcessModel, SequenceFlow } from '../types.js'
import { elementReaders, ignoredTypes } from './elements/index.js'
import { capitalize, readMappings } from './extensions.js'
import type { ReadContext } from './extensions.js'
import { checkFlowRules, readFlow } from './flows.js'
import type { UnresolvedRefs } from './flows.js'
import { deepFreeze } from './freeze.js'
import { describeElement, describeType } from './moddle.js'
import type { ModdleElement } from './moddle.js'
import { inclusiveJoinUpstream } from './reachability.js'

export function buildProcess(process: ModdleElement, unresolved: UnresolvedRefs, context: ReadContext): ProcessModel | null {
  const processId = process.id ?? '(no id)'
  const checks = countingContext(context)
  const flowElements = process.flowElements ?? []

  const sources = new Map<string, ModdleElement>()
  const sequenceFlows: ModdleElement[] = []
  for (const element of flowElements) {
    if (element.$type === 'bpmn:SequenceFlow') sequenceFlows.push(element)
    else if (element.id === undefined) checks.problem(null, `A ${describeType(element.$type)} in process '${processId}' has no id.`)
    else if (!ignoredTypes.has(element.$type)) sources.set(element.id, element)
  }

  const flows: SequenceFlow[] = []
  for (const flow of sequenceFlows) {
    const read = readFlow(flow, sources, unresolved, checks)
    if (read) flows.push(read)
  }
  checkFlowRules(flows, sources, checks)

  const elements: Record<string, Element> = {}
  const noneStarts: string[] = []
  for (const [id, source] of sources) {
    const element = readElement(source, flows, checks)
    if (element === null) continue
    elements[id] = element
    if (element.kind === 'startEvent') noneStarts.push(id)
    if (element.kind === 'startEvent' && element.incoming.length > 0) {
      checks.problem(id, `${capitalize(describeElement(source))} has incoming sequence flows; a start event cannot have any.`)
    }
    if ((element.kind === 'endEvent' || element.kind === 'terminateEndEvent') && element.outgoing.length > 0) {
      checks.problem(id, `${capitalize(describeElement(source))} has outgoing sequence flows; an end event cannot have any.`)
    }
  }
  if (noneStarts.length === 0) {
    checks.problem(processId, `Process '${processId}' has no none start event: it needs exactly one <bpmn:startEvent> without an event definition.`)
  }
  for (const extra of noneStarts.slice(1)) {
    checks.problem(extra, `Process '${processId}' has ${noneStarts.length} none start events (${noneStarts.map((id) => `'${id}'`).join(', ')}); exactly one is supported.`)
  }

  if (checks.count > 0) return null
  for (const element of Object.values(elements)) {
    if (element.kind === 'inclusiveGateway' && element.incoming.length > 1) {
      ;(element as { upstream: readonly string[] }).upstream = inclusiveJoinUpstream(element.id, elements, flows)
    }
  }
  const startEventId = noneStarts[0] as string
  return deepFreeze({
    processId,
    name: process.name ?? null,
    startEventId,
    startEvents: [startEventId],
    eventSubProcesses: [],
    elements,
    flows: Object.fromEntries(flows.map((flow) => [flow.id, flow])),
  })
}

function readElement(source: ModdleElement, flows: readonly SequenceFlow[], context: ReadContext): Element | null {
  const id = source.id as string
  const reader = elementReaders[source.$type]
  if (!reader) {
    context.problem(id, `${capitalize(describeElement(source))}${eventDetail(source)}: not supported yet.`)
    return null
  }
  if (source.loopCharacteristics) {
    const loop = source.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? 'multi-instance' : 'a loop'
    context.problem(id, `${capitalize(describeElement(source))} is ${loop} (loopCharacteristics): not supported yet.`)
    return null
  }
  const specific = reader(source, context)
  const { inputs, outputs } = readMappings(source, context)
  if (specific === null) return null
  return {
    ...specific,
    id,
    name: source.name ?? null,
    parentId: null,
    boundaryEvents: [],
    multiInstance: null,
    incoming: flows.filter((flow) => flow.targetId === id).map((flow) => flow.id),
    outgoing: flows.filter((flow) => flow.sourceId === id).map((flow) => flow.id),
    inputs,
    outputs,
  } as Element
}

/** " (timer)" for an intermediate timer catch event, so the message says which kind was refused. */
function eventDetail(source: ModdleElement): string {
  const kinds = (source.eventDefinitions ?? []).map((definition) => describeType(definition.$type).replace(' event definition', ''))
  const attached = source['attachedToRef'] as ModdleElement | undefined
  const parts = [...kinds, ...(attached?.id ? [`attached to '${attached.id}'`] : [])]
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

function countingContext(context: ReadContext): ReadContext & { count: number } {
  const counting = {
    count: 0,
    problem(elementId: string | null, message: string) {
      counting.count++
      context.problem(elementId, message)
    },
  }
  return counting
}
