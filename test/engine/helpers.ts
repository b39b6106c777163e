// Builds small BPMN files for engine tests, and drives an instance through the
// pure runtime, keeping every effect and history event it produced.
import { parseDefinition } from '../../src/engine/model/index.js'
import { execute } from '../../src/engine/runtime/index.js'
import type { Command, Effect, HistoryEvent, InstanceState, ProcessModel, Result, SubscriptionState, Variables } from '../../src/engine/types.js'

export const NOW = new Date('2024-05-01T10:00:00Z')

// ---------------------------------------------------------------- XML builders

/**
 * A definitions file with one executable process holding `parts` (elements and
 * flows). Messages and errors (`message()`, `error()`) go beside the process, where BPMN wants them.
 */
export function definition(...parts: string[]): string {
  return definitionOf('p', ...parts)
}

/** Like `definition`, with another process id (for call activities). */
export function definitionOf(processId: string, ...parts: string[]): string {
  const isRoot = (part: string) => part.startsWith('<bpmn:message ') || part.startsWith('<bpmn:error ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">${parts.filter(isRoot).map((part) => `\n  ${part}`).join('')}
  <bpmn:process id="${processId}" isExecutable="true">
    ${parts.filter((part) => !isRoot(part)).join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`
}

const extensions = (...items: string[]) => (items.some(Boolean) ? `<bpmn:extensionElements>${items.join('')}</bpmn:extensionElements>` : '')

export const startEvent = (id = 'start') => `<bpmn:startEvent id="${id}"/>`
export const endEvent = (id = 'end') => `<bpmn:endEvent id="${id}"/>`
export const terminateEndEvent = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition/></bpmn:endEvent>`
export const task = (id: string) => `<bpmn:task id="${id}"/>`

/** A service task; `extra` is more zeebe extension XML (ioMapping, taskHeaders). */
export function serviceTask(id: string, type = id, extra = '', retries?: string): string {
  const retriesAttribute = retries === undefined ? '' : ` retries="${escape(retries)}"`
  return `<bpmn:serviceTask id="${id}">${extensions(`<zeebe:taskDefinition type="${escape(type)}"${retriesAttribute}/>`, extra)}</bpmn:serviceTask>`
}

export function scriptTask(id: string, expression: string, resultVariable: string, extra = ''): string {
  return `<bpmn:scriptTask id="${id}">${extensions(`<zeebe:script expression="${escape(expression)}" resultVariable="${resultVariable}"/>`, extra)}</bpmn:scriptTask>`
}

export function userTask(id: string, extra = ''): string {
  return `<bpmn:userTask id="${id}">${extensions('<zeebe:userTask/>', extra)}</bpmn:userTask>`
}

export function gateway(kind: 'exclusive' | 'parallel' | 'inclusive', id: string, defaultFlow?: string): string {
  const attribute = defaultFlow ? ` default="${defaultFlow}"` : ''
  return `<bpmn:${kind}Gateway id="${id}"${attribute}/>`
}

/** A sequence flow with id `from-to` (or `id`), optionally with a FEEL condition such as '=x > 1'. */
export function flow(from: string, to: string, condition?: string, id = `${from}-${to}`): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`
}

/** Flows along a path: chain('start', 'a', 'end') is start-a and a-end. */
export function chain(...ids: string[]): string {
  return ids.slice(1).map((id, index) => flow(ids[index] as string, id)).join('\n    ')
}

export function ioMapping(inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  const input = Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${escape(source)}" target="${target}"/>`)
  const output = Object.entries(outputs).map(([target, source]) => `<zeebe:output source="${escape(source)}" target="${target}"/>`)
  return `<zeebe:ioMapping>${input.join('')}${output.join('')}</zeebe:ioMapping>`
}

// ---------------------------------------------------------------- events, sub-processes, call activities, multi-instance

/** A timer event definition: `timer('duration', 'PT10M')`, `timer('cycle', 'R3/PT1H')`, `timer('date', '=due')`. */
export function timer(type: 'date' | 'duration' | 'cycle', value: string): string {
  const field = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' }[type]
  return `<bpmn:timerEventDefinition><bpmn:${field} xsi:type="bpmn:tFormalExpression">${escape(value)}</bpmn:${field}></bpmn:timerEventDefinition>`
}

/** A <bpmn:message> (root element) named `name`, with a correlation key when given. */
export function message(id: string, name: string, correlationKey?: string): string {
  const subscription = correlationKey === undefined ? '' : extensions(`<zeebe:subscription correlationKey="${escape(correlationKey)}"/>`)
  return `<bpmn:message id="${id}" name="${escape(name)}">${subscription}</bpmn:message>`
}

export const messageRef = (messageId: string) => `<bpmn:messageEventDefinition messageRef="${messageId}"/>`

/** A <bpmn:error> (root element). */
export const error = (id: string, errorCode: string) => `<bpmn:error id="${id}" errorCode="${escape(errorCode)}"/>`

/** An error event definition; without an error id it catches every error. */
export const errorRef = (errorId?: string) => (errorId ? `<bpmn:errorEventDefinition errorRef="${errorId}"/>` : '<bpmn:errorEventDefinition/>')

export const catchEvent = (id: string, eventDefinition: string, extra = '') => `<bpmn:intermediateCatchEvent id="${id}">${extensions(extra)}${eventDefinition}</bpmn:intermediateCatchEvent>`

/** A start event with an event definition (timer, message, error); `interrupting` matters in event sub-processes. */
export function startEventOf(id: string, eventDefinition: string, interrupting = true): string {
  return `<bpmn:startEvent id="${id}"${interrupting ? '' : ' isInterrupting="false"'}>${eventDefinition}</bpmn:startEvent>`
}

export const errorEndEvent = (id: string, errorId: string) => `<bpmn:endEvent id="${id}">${errorRef(errorId)}</bpmn:endEvent>`

export function boundaryEvent(id: string, attachedTo: string, eventDefinition: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"${interrupting ? '' : ' cancelActivity="false"'}>${eventDefinition}</bpmn:boundaryEvent>`
}

export const receiveTask = (id: string, messageId: string) => `<bpmn:receiveTask id="${id}" messageRef="${messageId}"/>`
export const eventBasedGateway = (id: string) => `<bpmn:eventBasedGateway id="${id}"/>`

/** A message throw event or message end event: a job. */
export function messageThrow(kind: 'intermediateThrowEvent' | 'endEvent', id: string, type = id): string {
  return `<bpmn:${kind} id="${id}">${extensions(`<zeebe:taskDefinition type="${escape(type)}"/>`)}<bpmn:messageEventDefinition/></bpmn:${kind}>`
}

/** An embedded sub-process holding `parts`; `extra` is zeebe extension XML (ioMapping). */
export function subProcess(id: string, parts: string[], options: { extra?: string; loop?: string } = {}): string {
  return `<bpmn:subProcess id="${id}">${extensions(options.extra ?? '')}${options.loop ?? ''}${parts.join('')}</bpmn:subProcess>`
}

export function eventSubProcess(id: string, parts: string[]): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">${parts.join('')}</bpmn:subProcess>`
}

export function callActivity(id: string, processId: string, options: { extra?: string; loop?: string; propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean } = {}): string {
  const flags = [
    options.propagateAllChildVariables === undefined ? '' : ` propagateAllChildVariables="${options.propagateAllChildVariables}"`,
    options.propagateAllParentVariables === undefined ? '' : ` propagateAllParentVariables="${options.propagateAllParentVariables}"`,
  ].join('')
  return `<bpmn:callActivity id="${id}">${extensions(`<zeebe:calledElement processId="${escape(processId)}"${flags}/>`, options.extra ?? '')}${options.loop ?? ''}</bpmn:callActivity>`
}

/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics, to put inside an activity. */
export function multiInstance(options: { sequential?: boolean; inputCollection: string; inputElement?: string; outputCollection?: string; outputElement?: string; completionCondition?: string }): string {
  const attributes = (['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const)
    .filter((name) => options[name] !== undefined)
    .map((name) => ` ${name}="${escape(options[name] as string)}"`)
    .join('')
  const condition = options.completionCondition === undefined ? '' : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escape(options.completionCondition)}</bpmn:completionCondition>`
  return `<bpmn:multiInstanceLoopCharacteristics${options.sequential ? ' isSequential="true"' : ''}>${extensions(`<zeebe:loopCharacteristics${attributes}/>`)}${condition}</bpmn:multiInstanceLoopCharacteristics>`
}

/** A service task with multi-instance loop characteristics (see `multiInstance`). */
export function multiServiceTask(id: string, loop: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}">${extensions(`<zeebe:taskDefinition type="${id}"/>`, extra)}${loop}</bpmn:serviceTask>`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export async function deploy(xml: string): Promise<ProcessModel> {
  const [model] = await parseDefinition(xml)
  if (!model) throw new Error('no process in definition')
  return model
}

// ---------------------------------------------------------------- driving an instance

/** One instance, run command by command, as the store would. */
export class Instance {
  state: InstanceState | null = null
  readonly effects: Effect[] = []
  readonly events: HistoryEvent[] = []

  constructor(readonly model: ProcessModel) {}

  static async start(xml: string, variables: Variables = {}, now = NOW): Promise<Instance> {
    const instance = new Instance(await deploy(xml))
    instance.run({ type: 'start', variables }, now)
    return instance
  }

  run(command: Command, now = NOW): Result {
    const result = execute(this.model, this.state, command, { now })
    this.state = result.state
    this.effects.push(...result.effects)
    this.events.push(...result.events)
    return result
  }

  get current(): InstanceState {
    if (!this.state) throw new Error('not started')
    return this.state
  }

  /** The id of the one live element instance of `elementId` (of a multi-instance activity: its one inner instance, else its body). */
  id(elementId: string): number {
    const all = this.current.elements.filter((instance) => instance.elementId === elementId)
    const inner = all.filter((instance) => instance.body === undefined)
    const matches = inner.length > 0 ? inner : all
    if (matches.length !== 1) throw new Error(`expected one live instance of '${elementId}', found ${matches.length}`)
    return (matches[0] as { id: number }).id
  }

  completeJob(elementId: string, variables: Variables = {}): Result {
    return this.run({ type: 'completeJob', elementInstanceId: this.id(elementId), variables })
  }

  completeUserTask(elementId: string, variables: Variables = {}): Result {
    return this.run({ type: 'completeUserTask', elementInstanceId: this.id(elementId), variables })
  }

  /** The one open subscription of the event `elementId` (a timer, message, boundary or event sub-process start). */
  subscription(elementId: string): SubscriptionState {
    const matches = this.current.subscriptions.filter((subscription) => subscription.elementId === elementId)
    if (matches.length !== 1) throw new Error(`expected one open subscription of '${elementId}', found ${matches.length}`)
    return matches[0] as SubscriptionState
  }

  /** Fires the timer of `elementId` at its due time (or at `now`), as the store's timer loop would. */
  fireTimer(elementId: string, now?: Date): Result {
    const subscription = this.subscription(elementId)
    if (subscription.kind !== 'timer') throw new Error(`'${elementId}' waits for a message, not a timer`)
    return this.run({ type: 'triggerTimer', subscriptionId: subscription.id }, now ?? new Date(subscription.dueAt))
  }

  /** Correlates a message to the subscription of `elementId`, as the store would after a publish. */
  correlate(elementId: string, variables: Variables = {}, now = NOW): Result {
    const subscription = this.subscription(elementId)
    if (subscription.kind !== 'message') throw new Error(`'${elementId}' waits for a timer, not a message`)
    return this.run({ type: 'correlateMessage', subscriptionId: subscription.id, messageName: subscription.messageName, variables }, now)
  }

  /** Ids of the live element instances of `elementId`, in activation order. */
  ids(elementId: string): number[] {
    return this.current.elements.filter((instance) => instance.elementId === elementId).map((instance) => instance.id)
  }

  /** Element ids of live element instances, sorted: where the tokens rest. */
  get waitingAt(): string[] {
    return this.current.elements.map((instance) => instance.elementId).sort()
  }

  /** Element ids in the order they completed: the path taken. */
  get completed(): string[] {
    return this.events.flatMap((event) => (event.type === 'elementCompleted' ? [event.elementId] : []))
  }

  get takenFlows(): string[] {
    return this.events.flatMap((event) => (event.type === 'flowTaken' ? [event.flowId] : []))
  }

  effectsOf<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type)
  }

  eventsOf<T extends HistoryEvent['type']>(type: T): Extract<HistoryEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<HistoryEvent, { type: T }> => event.type === type)
  }
}
