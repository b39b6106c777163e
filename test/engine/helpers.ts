// Builds small BPMN files for engine tests, and drives an instance through the
// pure runtime, keeping every effect and history event it produced.
import { parseDefinition } from '../../src/engine/model/index.js'
import { execute } from '../../src/engine/runtime/index.js'
import type { Command, Effect, HistoryEvent, InstanceState, ProcessModel, Result, Variables } from '../../src/engine/types.js'

export const NOW = new Date('2024-05-01T10:00:00Z')

// ---------------------------------------------------------------- XML builders

/** A definitions file with one executable process holding `parts` (elements and flows). */
export function definition(...parts: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    ${parts.join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`
}

const extensions = (...items: string[]) => (items.length ? `<bpmn:extensionElements>${items.join('')}</bpmn:extensionElements>` : '')

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

  static async start(xml: string, variables: Variables = {}): Promise<Instance> {
    const instance = new Instance(await deploy(xml))
    instance.run({ type: 'start', variables })
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

  /** The id of the one live element instance of `elementId`. */
  id(elementId: string): number {
    const matches = this.current.elements.filter((instance) => instance.elementId === elementId)
    if (matches.length !== 1) throw new Error(`expected one live instance of '${elementId}', found ${matches.length}`)
    return (matches[0] as { id: number }).id
  }

  completeJob(elementId: string, variables: Variables = {}): Result {
    return this.run({ type: 'completeJob', elementInstanceId: this.id(elementId), variables })
  }

  completeUserTask(elementId: string, variables: Variables = {}): Result {
    return this.run({ type: 'completeUserTask', elementInstanceId: this.id(elementId), variables })
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
