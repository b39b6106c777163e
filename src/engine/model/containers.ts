// Rules that need a whole (sub-)process in view, following Zeebe's validator:
// start events per container, boundary events and what they are attached to,
// event-based gateways and their branches, event sub-processes. Also fills in
// what each container holds (its start event, its event sub-processes) and
// which boundary events each activity carries.
import { evaluateExpression } from '../feel.js'
import type { Element, ProcessModel, StartEvent } from '../types.js'
import type { Located } from './build-process.js'
import { activityKinds } from './elements/index.js'
import { capitalize } from './extensions.js'
import type { ReadContext } from './extensions.js'
import { describeElement } from './moddle.js'
import { parseTimer } from './timer-syntax.js'

type Shape = Pick<ProcessModel, 'startEventId' | 'startEvents' | 'eventSubProcesses'>
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

// Start-event expressions are evaluated at deploy time, with no variables; the clock is irrelevant to whether they parse.
const DEPLOY_CLOCK = new Date(0)

export function checkContainers(processId: string, elements: Record<string, Element>, sources: ReadonlyMap<string, Located>, context: ReadContext): Shape | null {
  const named = (id: string) => capitalize(describeElement((sources.get(id) as Located).source))
  const inside = (parentId: string | null) => Object.values(elements).filter((element) => element.parentId === parentId)

  for (const element of Object.values(elements)) {
    if (element.kind === 'startEvent' && element.incoming.length > 0) context.problem(element.id, `${named(element.id)} has incoming sequence flows; a start event cannot have any.`)
    if (isEnd(element) && element.outgoing.length > 0) context.problem(element.id, `${named(element.id)} has outgoing sequence flows; an end event cannot have any.`)
    if (element.kind === 'boundaryEvent') checkBoundary(element.id, element.attachedTo, elements, sources, context, named)
    if (element.kind === 'eventBasedGateway') checkEventBasedGateway(element, elements, context, named)
    if (element.kind === 'subProcess' || element.kind === 'eventSubProcess') fillContainer(element, inside(element.id), context, named)
  }

  const top = inside(null)
  const starts = top.filter((element): element is StartEvent => element.kind === 'startEvent')
  const noneStarts = starts.filter((start) => start.trigger === null)
  if (starts.length === 0) {
    context.problem(processId, `Process '${processId}' has no start event: it needs a <bpmn:startEvent> (a none start event, or a timer or message start event).`)
  }
  for (const extra of noneStarts.slice(1)) {
    context.problem(extra.id, `Process '${processId}' has ${noneStarts.length} none start events (${noneStarts.map((start) => `'${start.id}'`).join(', ')}); at most one is allowed.`)
  }
  checkStartExpressions(starts, context, named, (id) => describeElement((sources.get(id) as Located).source))
  return {
    startEventId: noneStarts[0]?.id ?? null,
    startEvents: starts.map((start) => start.id),
    eventSubProcesses: top.filter((element) => element.kind === 'eventSubProcess').map((element) => element.id),
  }
}

function isEnd(element: Element): boolean {
  return element.kind === 'endEvent' || element.kind === 'terminateEndEvent' || element.kind === 'errorEndEvent' || element.kind === 'messageEndEvent'
}

function checkBoundary(id: string, attachedTo: string, elements: Record<string, Element>, sources: ReadonlyMap<string, Located>, context: ReadContext, named: (id: string) => string): void {
  const boundary = elements[id] as Element
  const activity = elements[attachedTo]
  // An activity that could not be read was reported already.
  if (!activity && sources.has(attachedTo)) return
  if (!activity || !activityKinds.has(activity.kind)) {
    context.problem(id, `${named(id)} is attached to '${attachedTo}', which is not a task, sub-process or call activity; boundary events can only be attached to those.`)
    return
  }
  if (activity.parentId !== boundary.parentId) context.problem(id, `${named(id)} is not in the same (sub-)process as '${attachedTo}', the activity it is attached to.`)
  if (boundary.incoming.length > 0) context.problem(id, `${named(id)} has incoming sequence flows; a boundary event cannot have any.`)
  if (boundary.outgoing.length === 0) context.problem(id, `${named(id)} has no outgoing sequence flow; a boundary event needs one to lead somewhere.`)
  ;(activity as unknown as { boundaryEvents: string[] }).boundaryEvents.push(id)
}

function checkEventBasedGateway(gateway: Element, elements: Record<string, Element>, context: ReadContext, named: (id: string) => string): void {
  if (gateway.outgoing.length < 2) context.problem(gateway.id, `${named(gateway.id)} has ${gateway.outgoing.length} outgoing sequence flow(s); an event-based gateway needs at least two.`)
  for (const target of Object.values(elements)) {
    if (!target.incoming.some((flowId) => gateway.outgoing.includes(flowId))) continue
    if (target.kind !== 'intermediateCatchEvent') {
      context.problem(gateway.id, `${named(gateway.id)} leads to '${target.id}'; an event-based gateway may only lead to timer or message intermediate catch events.`)
    }
  }
}

/** A sub-process's one start event and its event sub-processes. */
function fillContainer(container: Element, content: Element[], context: ReadContext, named: (id: string) => string): void {
  const starts = content.filter((element) => element.kind === 'startEvent')
  const filled = container as Mutable<Extract<Element, { kind: 'subProcess' | 'eventSubProcess' }>>
  if (starts.length !== 1) {
    context.problem(container.id, `${named(container.id)} has ${starts.length} start events; it needs exactly one.`)
  } else {
    filled.startEventId = (starts[0] as Element).id
  }
  filled.eventSubProcesses = content.filter((element) => element.kind === 'eventSubProcess').map((element) => element.id)
  if (container.kind === 'eventSubProcess') {
    if (container.incoming.length > 0 || container.outgoing.length > 0) {
      context.problem(container.id, `${named(container.id)} is an event sub-process with sequence flows; an event sub-process is started by its event, not by a flow.`)
    }
    if ('multiInstance' in container && container.multiInstance) context.problem(container.id, `${named(container.id)} is an event sub-process marked multi-instance, which Zeebe does not allow.`)
  }
}

/** Process-level start timers and message names are evaluated at deploy time, as Zeebe does: they see no variables. */
function checkStartExpressions(starts: readonly StartEvent[], context: ReadContext, named: (id: string) => string, plain: (id: string) => string): void {
  const messageNames = new Map<string, string>()
  for (const start of starts) {
    const trigger = start.trigger
    if (trigger?.type === 'timer' && 'feel' in trigger.timer.expression) {
      const value = evaluateExpression(trigger.timer.expression, {}, DEPLOY_CLOCK)
      const parsed = value.ok && typeof value.value === 'string' ? parseTimer(trigger.timer.timerType, value.value) : null
      if (!parsed?.ok) {
        const why = !value.ok ? value.error : parsed ? parsed.error : `it gave ${JSON.stringify(value.value)}, not text`
        context.problem(start.id, `The timer of ${plain(start.id)} is evaluated at deploy time, without variables, and failed: ${why}.`)
      }
    }
    if (trigger?.type === 'message') {
      const value = evaluateExpression(trigger.message.name, {}, DEPLOY_CLOCK)
      if (!value.ok || typeof value.value !== 'string' || value.value === '') {
        context.problem(start.id, `The message name of ${plain(start.id)} is evaluated at deploy time, without variables, and did not give a name.`)
        continue
      }
      const other = messageNames.get(value.value)
      if (other !== undefined) context.problem(start.id, `${named(start.id)} and '${other}' both start on the message '${value.value}'; message start events need different messages.`)
      messageNames.set(value.value, start.id)
    }
  }
}
