// Reads and checks sequence flows: both ends must exist in the process, and a
// condition is FEEL (`=...`) on a flow leaving an exclusive or inclusive gateway.
import { checkFeelSyntax } from '../feel.js'
import type { SequenceFlow } from '../types.js'
import type { ReadContext } from './extensions.js'
import { describeElement } from './moddle.js'
import type { ModdleElement } from './moddle.js'

/**
 * References that bpmn-moddle could not resolve, by flow id, so a problem can
 * name the id the modeler wrote ("points to 'Task_9'") instead of just "missing".
 */
export type UnresolvedRefs = ReadonlyMap<string, { sourceRef?: string; targetRef?: string }>

/**
 * @param known every flow element id of this process, supported or not (a flow to an
 *   unsupported element is already reported there and should not be reported twice)
 */
export function readFlow(
  flow: ModdleElement,
  known: ReadonlyMap<string, ModdleElement>,
  unresolved: UnresolvedRefs,
  context: ReadContext,
): SequenceFlow | null {
  const id = flow.id ?? '(no id)'
  const end = (property: 'sourceRef' | 'targetRef', label: 'source' | 'target'): string | null => {
    const element = flow[property]
    if (element?.id !== undefined && known.has(element.id)) return element.id
    const written = element?.id ?? unresolved.get(id)?.[property]
    context.problem(
      flow.id ?? null,
      written === undefined
        ? `Sequence flow '${id}' has no ${label} (${property} is missing).`
        : `Sequence flow '${id}' has '${written}' as its ${label} (${property}), but this process has no element with that id.`,
    )
    return null
  }
  const sourceId = end('sourceRef', 'source')
  const targetId = end('targetRef', 'target')
  const condition = readCondition(flow, context)
  if (sourceId === null || targetId === null || condition === undefined) return null
  return { id, sourceId, targetId, condition }
}

/** The condition without its `=`, null for none, undefined when it is broken (and reported). */
function readCondition(flow: ModdleElement, context: ReadContext): string | null | undefined {
  const body = flow.conditionExpression?.body?.trim()
  if (body === undefined || body === '') return null
  if (!body.startsWith('=')) {
    context.problem(
      flow.id ?? null,
      `The condition '${body}' of sequence flow '${flow.id}' is not a FEEL expression: Zeebe conditions start with '=', for example '=amount > 100'.`,
    )
    return undefined
  }
  const error = checkFeelSyntax(body.slice(1))
  if (error !== null) {
    context.problem(flow.id ?? null, `The condition '${body}' of sequence flow '${flow.id}' is not valid FEEL (${error}).`)
    return undefined
  }
  return body.slice(1)
}

/** Rules that need the flows and the elements together. */
export function checkFlowRules(
  flows: readonly SequenceFlow[],
  elements: ReadonlyMap<string, ModdleElement>,
  context: ReadContext,
): void {
  const outgoingCount = new Map<string, number>()
  for (const flow of flows) outgoingCount.set(flow.sourceId, (outgoingCount.get(flow.sourceId) ?? 0) + 1)
  const defaultOf = new Map<string, string>() // flow id -> gateway id
  for (const element of elements.values()) {
    const flowId = element.default?.id
    if (flowId === undefined || element.id === undefined) continue
    const flow = flows.find((candidate) => candidate.id === flowId)
    if (element.$type !== 'bpmn:ExclusiveGateway' && element.$type !== 'bpmn:InclusiveGateway') {
      context.problem(element.id, `${describeElement(element)} has a default flow, but default flows are only supported on exclusive and inclusive gateways.`)
    } else if (flow && flow.sourceId !== element.id) {
      context.problem(element.id, `The default flow '${flowId}' of ${describeElement(element)} does not leave that gateway.`)
    } else {
      defaultOf.set(flowId, element.id)
    }
  }
  for (const flow of flows) {
    const source = elements.get(flow.sourceId)
    const sourceType = source?.$type
    const isChoice = sourceType === 'bpmn:ExclusiveGateway' || sourceType === 'bpmn:InclusiveGateway'
    if (flow.condition !== null && !isChoice && source) {
      context.problem(
        flow.id,
        `Sequence flow '${flow.id}' has a condition, but it leaves ${describeElement(source)}: conditions are only supported on flows leaving an exclusive or inclusive gateway.`,
      )
    }
    if (
      sourceType === 'bpmn:ExclusiveGateway' &&
      flow.condition === null &&
      !defaultOf.has(flow.id) &&
      (outgoingCount.get(flow.sourceId) ?? 0) > 1
    ) {
      context.problem(
        flow.id,
        `Sequence flow '${flow.id}' leaves exclusive gateway '${flow.sourceId}', which has several outgoing flows, so it needs a condition or must be the gateway's default flow.`,
      )
    }
  }
}
