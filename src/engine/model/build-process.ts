// One executable <bpmn:process> -> one ProcessModel, reporting every problem found.
//
// Decisions, following Zeebe:
// - An element with no outgoing flow that is not an end event (a task, a
//   gateway) is an implicit end: its token is consumed there. This is allowed.
// - An element with no incoming flow that is not a start event can never be
//   reached; it is allowed too (Zeebe deploys it).
// - Elements inside sub-processes are kept in the same flat map, each with the
//   id of the sub-process around it (`parentId`); flows connect elements of one
//   container only. The rules per container are in ./containers.ts.
// - Outgoing flows keep the document order of the <sequenceFlow> elements, which
//   is the order an exclusive gateway tries its conditions in.
import type { Element, ProcessModel, SequenceFlow } from '../types.js'
import { checkContainers } from './containers.js'
import { activityKinds, elementReaders, ignoredTypes } from './elements/index.js'
import type { Container } from './elements/index.js'
import { capitalize, readMappings } from './extensions.js'
import type { ReadContext } from './extensions.js'
import { checkFlowRules, readFlow } from './flows.js'
import type { UnresolvedRefs } from './flows.js'
import { deepFreeze } from './freeze.js'
import { describeElement, describeType } from './moddle.js'
import type { ModdleElement } from './moddle.js'
import { readMultiInstance } from './multi-instance.js'
import { inclusiveJoinUpstream } from './reachability.js'

/** A flow element as found in the XML, with the container it sits in. */
export interface Located {
  readonly source: ModdleElement
  /** The sub-process around it; null at process level. */
  readonly parentId: string | null
  readonly container: Container
}

export function buildProcess(process: ModdleElement, unresolved: UnresolvedRefs, context: ReadContext): ProcessModel | null {
  const processId = process.id ?? '(no id)'
  const checks = countingContext(context)

  const sources = new Map<string, Located>()
  const sequenceFlows: { flow: ModdleElement; parentId: string | null }[] = []
  collect(process, null, 'process', sources, sequenceFlows, checks, processId)

  const known = new Map([...sources].map(([id, located]) => [id, located.source]))
  const flows: SequenceFlow[] = []
  for (const { flow, parentId } of sequenceFlows) {
    const read = readFlow(flow, known, unresolved, checks)
    if (!read) continue
    const ends = [sources.get(read.sourceId), sources.get(read.targetId)]
    if (ends.some((end) => end?.parentId !== parentId)) {
      checks.problem(read.id, `Sequence flow '${read.id}' connects '${read.sourceId}' and '${read.targetId}' across a sub-process boundary; a flow must stay inside one (sub-)process.`)
      continue
    }
    flows.push(read)
  }
  checkFlowRules(flows, known, checks)

  const elements: Record<string, Element> = {}
  for (const [id, located] of sources) {
    const element = readElement(located, flows, checks)
    if (element !== null) elements[id] = element
  }
  const shape = checkContainers(processId, elements, sources, checks)
  if (checks.count > 0 || shape === null) return null

  for (const element of Object.values(elements)) {
    if (element.kind === 'inclusiveGateway' && element.incoming.length > 1) {
      ;(element as { upstream: readonly string[] }).upstream = inclusiveJoinUpstream(element.id, elements, flows)
    }
  }
  return deepFreeze({
    processId,
    name: process.name ?? null,
    ...shape,
    elements,
    flows: Object.fromEntries(flows.map((flow) => [flow.id, flow])),
  })
}

/** Walks a process or sub-process, and the sub-processes inside it. */
function collect(
  container: ModdleElement,
  parentId: string | null,
  kind: Container,
  sources: Map<string, Located>,
  flows: { flow: ModdleElement; parentId: string | null }[],
  context: ReadContext,
  processId: string,
): void {
  for (const element of container.flowElements ?? []) {
    if (element.$type === 'bpmn:SequenceFlow') flows.push({ flow: element, parentId })
    else if (element.id === undefined) context.problem(null, `A ${describeType(element.$type)} in process '${processId}' has no id.`)
    else if (!ignoredTypes.has(element.$type)) {
      sources.set(element.id, { source: element, parentId, container: kind })
      if (element.$type === 'bpmn:SubProcess') {
        collect(element, element.id, element['triggeredByEvent'] === true ? 'eventSubProcess' : 'subProcess', sources, flows, context, processId)
      }
    }
  }
}

function readElement({ source, parentId, container }: Located, flows: readonly SequenceFlow[], context: ReadContext): Element | null {
  const id = source.id as string
  const reader = elementReaders[source.$type]
  if (!reader) {
    context.problem(id, `${capitalize(describeElement(source))}${eventDetail(source)}: not supported yet.`)
    return null
  }
  const multiInstance = readMultiInstance(source, context)
  const specific = reader(source, context, container)
  const { inputs, outputs } = readMappings(source, context)
  if (specific === null || multiInstance === null) return null
  const activity = activityKinds.has(specific.kind)
  if (multiInstance && !activity) {
    context.problem(id, `${capitalize(describeElement(source))} is marked multi-instance; only tasks, sub-processes and call activities can be.`)
    return null
  }
  return {
    ...specific,
    id,
    name: source.name ?? null,
    parentId,
    ...(activity ? { boundaryEvents: [], multiInstance: multiInstance ?? null } : {}),
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
