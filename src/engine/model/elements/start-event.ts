import { capitalize } from '../extensions.js'
import { describeElement } from '../moddle.js'
import { readTrigger } from './event-definitions.js'
import type { ElementReader } from './reader.js'

// Which start events Zeebe allows depends on where they are: at process level
// none, timer (date or cycle) and message starts; in an embedded sub-process
// only a none start; in an event sub-process one timer, message or error start.
export const readStartEvent: ElementReader = (source, context, container) => {
  const interrupting = source['isInterrupting'] !== false
  const hasDefinition = (source.eventDefinitions ?? []).length > 0
  switch (container) {
    case 'process': {
      if (!hasDefinition) return { kind: 'startEvent', trigger: null, interrupting: true }
      const trigger = readTrigger(source, context, { allowed: ['timer', 'message'], timerTypes: ['date', 'cycle'], needsCorrelationKey: false, what: 'a start event' })
      return trigger && { kind: 'startEvent', trigger, interrupting: true }
    }
    case 'subProcess':
      if (hasDefinition) {
        context.problem(source.id ?? null, `${capitalize(describeElement(source))} is inside an embedded sub-process, which can only start with a none start event.`)
        return null
      }
      return { kind: 'startEvent', trigger: null, interrupting: true }
    case 'eventSubProcess': {
      if (!hasDefinition) {
        context.problem(source.id ?? null, `${capitalize(describeElement(source))} starts an event sub-process, so it needs a timer, message or error event definition.`)
        return null
      }
      const trigger = readTrigger(source, context, { allowed: ['timer', 'message', 'error'], what: 'an event sub-process start event' })
      if (trigger === null) return null
      if (trigger.type === 'error' && !interrupting) {
        context.problem(source.id ?? null, `${capitalize(describeElement(source))} is a non-interrupting error start event; an error event sub-process must be interrupting.`)
        return null
      }
      if (trigger.type === 'timer' && trigger.timer.timerType === 'cycle' && interrupting) {
        context.problem(source.id ?? null, `${capitalize(describeElement(source))} is an interrupting timer start with a timeCycle; a cycle needs a non-interrupting start.`)
        return null
      }
      return { kind: 'startEvent', trigger, interrupting }
    }
  }
}
