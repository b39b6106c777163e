import { capitalize, readJobDefinition } from '../extensions.js'
import { describeElement, describeType, withArticle } from '../moddle.js'
import { readTrigger } from './event-definitions.js'
import type { ElementReader } from './reader.js'

// A catch event waits for a timer (duration or date; Zeebe allows no cycle
// here) or a message.
export const readIntermediateCatchEvent: ElementReader = (source, context) => {
  const trigger = readTrigger(source, context, { allowed: ['timer', 'message'], timerTypes: ['duration', 'date'], what: 'an intermediate catch event' })
  if (trigger === null) return null
  if (trigger.type === 'error') throw new Error('unreachable: errors are not allowed on catch events')
  return { kind: 'intermediateCatchEvent', trigger }
}

// A none throw event passes through; a message throw event is a job.
export const readIntermediateThrowEvent: ElementReader = (source, context) => {
  const definitions = source.eventDefinitions ?? []
  if (definitions.length === 0) return { kind: 'intermediateThrowEvent', job: null }
  if (definitions.length === 1 && definitions[0]?.$type === 'bpmn:MessageEventDefinition') {
    const job = readJobDefinition(source, context)
    return job && { kind: 'intermediateThrowEvent', job }
  }
  const kinds = definitions.map((each) => describeType(each.$type).replace(' event definition', '')).join(' and ')
  context.problem(source.id ?? null, `${capitalize(describeElement(source))} is ${withArticle(kinds)} throw event: not supported yet.`)
  return null
}

export const readBoundaryEvent: ElementReader = (source, context) => {
  const attached = source['attachedToRef'] as { id?: string } | undefined
  const interrupting = source['cancelActivity'] !== false
  if (attached?.id === undefined) {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} is attached to nothing (attachedToRef is missing).`)
    return null
  }
  const trigger = readTrigger(source, context, { allowed: ['timer', 'message', 'error'], what: 'a boundary event' })
  if (trigger === null) return null
  if (trigger.type === 'error' && !interrupting) {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} is a non-interrupting error boundary event; an error boundary event always interrupts.`)
    return null
  }
  if (trigger.type === 'timer' && trigger.timer.timerType === 'cycle' && interrupting) {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} is an interrupting timer with a timeCycle; a cycle needs a non-interrupting boundary event.`)
    return null
  }
  return { kind: 'boundaryEvent', attachedTo: attached.id, interrupting, trigger }
}
