// Small builders for the conformance scenarios' BPMN, in Zeebe's dialect. Each returns XML text;
// `bpmn()` wraps processes with the messages and errors they refer to.

export interface Definitions {
  /** Message name -> correlation key expression (null for message start events). */
  messages?: Record<string, string | null>
  /** Error codes referred to by error events. */
  errors?: string[]
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const slug = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_')
export const messageId = (name: string) => `Message_${slug(name)}`
export const errorId = (code: string) => `Error_${slug(code)}`
const ext = (...items: string[]) => (items.filter(Boolean).length ? `<bpmn:extensionElements>${items.join('')}</bpmn:extensionElements>` : '')

export function bpmn(definitions: Definitions, ...processes: string[]): string {
  const messages = Object.entries(definitions.messages ?? {}).map(([name, key]) =>
    `<bpmn:message id="${messageId(name)}" name="${esc(name)}">${key === null ? '' : ext(`<zeebe:subscription correlationKey="${esc(key)}"/>`)}</bpmn:message>`)
  const errors = (definitions.errors ?? []).map((code) => `<bpmn:error id="${errorId(code)}" errorCode="${esc(code)}"/>`)
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  ${processes.join('\n  ')}
  ${messages.join('\n  ')}
  ${errors.join('\n  ')}
</bpmn:definitions>`
}

export const process = (id: string, ...parts: string[]) => `<bpmn:process id="${id}" isExecutable="true">\n    ${parts.join('\n    ')}\n  </bpmn:process>`

// ------------------------------------------------------------------ events

export type Timer = { date: string } | { duration: string } | { cycle: string }
const timerXml = (timer: Timer) => {
  const [field, value] = 'date' in timer ? ['timeDate', timer.date] : 'duration' in timer ? ['timeDuration', timer.duration] : ['timeCycle', timer.cycle]
  return `<bpmn:timerEventDefinition><bpmn:${field} xsi:type="bpmn:tFormalExpression">${esc(value)}</bpmn:${field}></bpmn:timerEventDefinition>`
}
const messageXml = (name: string) => `<bpmn:messageEventDefinition messageRef="${messageId(name)}"/>`
const errorXml = (code: string | null) => (code === null ? '<bpmn:errorEventDefinition/>' : `<bpmn:errorEventDefinition errorRef="${errorId(code)}"/>`)

export type Trigger = { timer: Timer } | { message: string } | { error: string | null }
const triggerXml = (trigger: Trigger) => ('timer' in trigger ? timerXml(trigger.timer) : 'message' in trigger ? messageXml(trigger.message) : errorXml(trigger.error))

export const start = (id = 'start', extra = '') => `<bpmn:startEvent id="${id}">${extra}</bpmn:startEvent>`
/** A timer or message start event (process level), or the start of an event sub-process. */
export const startOn = (id: string, trigger: Trigger, options: { interrupting?: boolean; io?: string } = {}) =>
  `<bpmn:startEvent id="${id}"${options.interrupting === false ? ' isInterrupting="false"' : ''}>${options.io ? ext(options.io) : ''}${triggerXml(trigger)}</bpmn:startEvent>`
export const end = (id = 'end') => `<bpmn:endEvent id="${id}"/>`
export const terminateEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition/></bpmn:endEvent>`
export const errorEnd = (id: string, code: string) => `<bpmn:endEvent id="${id}">${errorXml(code)}</bpmn:endEvent>`
export const messageEnd = (id: string, type: string) => `<bpmn:endEvent id="${id}">${ext(`<zeebe:taskDefinition type="${esc(type)}"/>`)}<bpmn:messageEventDefinition/></bpmn:endEvent>`
export const catchEvent = (id: string, trigger: { timer: Timer } | { message: string }, io = '') =>
  `<bpmn:intermediateCatchEvent id="${id}">${io ? ext(io) : ''}${triggerXml(trigger)}</bpmn:intermediateCatchEvent>`
export const throwMessage = (id: string, type: string) =>
  `<bpmn:intermediateThrowEvent id="${id}">${ext(`<zeebe:taskDefinition type="${esc(type)}"/>`)}<bpmn:messageEventDefinition/></bpmn:intermediateThrowEvent>`
export const noneThrow = (id: string) => `<bpmn:intermediateThrowEvent id="${id}"/>`
export const boundary = (id: string, attachedTo: string, trigger: Trigger, options: { interrupting?: boolean; io?: string } = {}) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"${options.interrupting === false ? ' cancelActivity="false"' : ''}>${options.io ? ext(options.io) : ''}${triggerXml(trigger)}</bpmn:boundaryEvent>`

// ------------------------------------------------------------------ activities

export interface MultiInstance {
  sequential?: boolean
  inputCollection: string
  inputElement?: string
  outputCollection?: string
  outputElement?: string
  completionCondition?: string
}

export interface ActivityOptions {
  io?: string
  mi?: MultiInstance
  headers?: Record<string, string>
}

const miXml = (mi: MultiInstance | undefined) => {
  if (!mi) return ''
  const attrs = [`inputCollection="${esc(mi.inputCollection)}"`]
  if (mi.inputElement) attrs.push(`inputElement="${esc(mi.inputElement)}"`)
  if (mi.outputCollection) attrs.push(`outputCollection="${esc(mi.outputCollection)}"`)
  if (mi.outputElement) attrs.push(`outputElement="${esc(mi.outputElement)}"`)
  const condition = mi.completionCondition ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(mi.completionCondition)}</bpmn:completionCondition>` : ''
  return `<bpmn:multiInstanceLoopCharacteristics${mi.sequential ? ' isSequential="true"' : ''}>${ext(`<zeebe:loopCharacteristics ${attrs.join(' ')}/>`)}${condition}</bpmn:multiInstanceLoopCharacteristics>`
}

export const service = (id: string, type = id, options: ActivityOptions = {}) =>
  `<bpmn:serviceTask id="${id}">${ext(`<zeebe:taskDefinition type="${esc(type)}"/>`, options.io ?? '')}${miXml(options.mi)}</bpmn:serviceTask>`
export const user = (id: string, options: ActivityOptions = {}) =>
  `<bpmn:userTask id="${id}">${ext('<zeebe:userTask/>', options.io ?? '')}${miXml(options.mi)}</bpmn:userTask>`
export const script = (id: string, expression: string, resultVariable: string, options: ActivityOptions = {}) =>
  `<bpmn:scriptTask id="${id}">${ext(`<zeebe:script expression="${esc(expression)}" resultVariable="${resultVariable}"/>`, options.io ?? '')}${miXml(options.mi)}</bpmn:scriptTask>`
export const receive = (id: string, message: string, options: ActivityOptions = {}) =>
  `<bpmn:receiveTask id="${id}" messageRef="${messageId(message)}">${options.io ? ext(options.io) : ''}${miXml(options.mi)}</bpmn:receiveTask>`
export const task = (id: string) => `<bpmn:task id="${id}"/>`
export const sub = (id: string, parts: string[], options: ActivityOptions = {}) =>
  `<bpmn:subProcess id="${id}">${options.io ? ext(options.io) : ''}${miXml(options.mi)}\n      ${parts.join('\n      ')}\n    </bpmn:subProcess>`
export const eventSub = (id: string, parts: string[]) =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">\n      ${parts.join('\n      ')}\n    </bpmn:subProcess>`
export const call = (id: string, processId: string, options: ActivityOptions & { propagateAllChildVariables?: boolean; propagateAllParentVariables?: boolean } = {}) => {
  const attrs = [`processId="${esc(processId)}"`]
  if (options.propagateAllChildVariables === false) attrs.push('propagateAllChildVariables="false"')
  if (options.propagateAllParentVariables === false) attrs.push('propagateAllParentVariables="false"')
  return `<bpmn:callActivity id="${id}">${ext(`<zeebe:calledElement ${attrs.join(' ')}/>`, options.io ?? '')}${miXml(options.mi)}</bpmn:callActivity>`
}

// ------------------------------------------------------------------ gateways and flows

export const xor = (id: string, defaultFlow?: string) => `<bpmn:exclusiveGateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''}/>`
export const and = (id: string) => `<bpmn:parallelGateway id="${id}"/>`
export const inclusive = (id: string, defaultFlow?: string) => `<bpmn:inclusiveGateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''}/>`
export const eventGateway = (id: string) => `<bpmn:eventBasedGateway id="${id}"/>`

export function flow(from: string, to: string, condition?: string, id = `${from}-${to}`): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`
}

export const chain = (...ids: string[]) => ids.slice(1).map((id, i) => flow(ids[i]!, id)).join('\n    ')

export function io(inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  const input = Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${esc(source)}" target="${target}"/>`)
  const output = Object.entries(outputs).map(([target, source]) => `<zeebe:output source="${esc(source)}" target="${target}"/>`)
  return `<zeebe:ioMapping>${input.join('')}${output.join('')}</zeebe:ioMapping>`
}
