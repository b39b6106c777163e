// Reading timer, message and error event definitions, shared by start, catch,
// boundary and end events. A static timer value is parsed here, so one that
// does not parse is refused at deploy naming the element; FEEL is checked for
// syntax and evaluated when the timer opens.
import { checkFeelSyntax, readExpression } from '../../feel.js'
import type { EventTrigger, Expression, MessageDefinition, TimerDefinition } from '../../types.js'
import { capitalize } from '../extensions.js'
import type { ReadContext } from '../extensions.js'
import { attribute, describeElement, describeType, extension, withArticle } from '../moddle.js'
import type { ModdleElement } from '../moddle.js'
import { parseTimer } from '../timer-syntax.js'

export type TriggerType = EventTrigger['type']

export interface TriggerRules {
  /** The event definitions this element may carry; anything else is refused as not supported. */
  readonly allowed: readonly TriggerType[]
  /** The timer kinds allowed here (Zeebe's rules differ per element). */
  readonly timerTypes?: readonly TimerDefinition['timerType'][]
  /** Message catch events need a correlation key; process-level message start events have none. */
  readonly needsCorrelationKey?: boolean
  /** Words for the element in messages, such as "an intermediate catch event". */
  readonly what: string
}

const TIMER_FIELDS = [
  ['timeDate', 'date'],
  ['timeDuration', 'duration'],
  ['timeCycle', 'cycle'],
] as const

/** The one event definition of an element, read; null (with a problem) when it is missing, several, or not allowed here. */
export function readTrigger(source: ModdleElement, context: ReadContext, rules: TriggerRules): EventTrigger | null {
  const definitions = source.eventDefinitions ?? []
  const id = source.id ?? null
  if (definitions.length !== 1) {
    const found = definitions.length === 0 ? 'none' : definitions.map((definition) => describeType(definition.$type)).join(', ')
    context.problem(id, `${capitalize(describeElement(source))} needs exactly one event definition (${rules.allowed.join(', ')}), found ${found}.`)
    return null
  }
  const definition = definitions[0] as ModdleElement
  const type = triggerType(definition)
  if (type === null || !rules.allowed.includes(type)) {
    const kind = describeType(definition.$type).replace(' event definition', '')
    context.problem(id, `${capitalize(describeElement(source))} is ${withArticle(kind)} ${rules.what.replace(/^an? /, '')}: not supported yet.`)
    return null
  }
  switch (type) {
    case 'timer': {
      const timer = readTimer(source, definition, context, rules.timerTypes ?? ['date', 'duration', 'cycle'])
      return timer && { type, timer }
    }
    case 'message': {
      const message = readMessage(source, definition, context, rules.needsCorrelationKey ?? true)
      return message && { type, message }
    }
    case 'error':
      return { type, errorCode: readCatchErrorCode(definition) }
  }
}

function triggerType(definition: ModdleElement): TriggerType | null {
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition':
      return 'timer'
    case 'bpmn:MessageEventDefinition':
      return 'message'
    case 'bpmn:ErrorEventDefinition':
      return 'error'
    default:
      return null
  }
}

function readTimer(source: ModdleElement, definition: ModdleElement, context: ReadContext, allowed: readonly TimerDefinition['timerType'][]): TimerDefinition | null {
  const id = source.id ?? null
  const present = TIMER_FIELDS.filter(([field]) => bodyOf(definition[field]) !== undefined)
  if (present.length !== 1) {
    context.problem(id, `The timer of ${describeElement(source)} needs exactly one of ${allowed.map((type) => `time${capitalize(type)}`).join(', ')}, found ${present.length === 0 ? 'none' : present.map(([field]) => field).join(' and ')}.`)
    return null
  }
  const [field, timerType] = present[0] as (typeof TIMER_FIELDS)[number]
  if (!allowed.includes(timerType)) {
    context.problem(id, `${capitalize(describeElement(source))} has a ${field} timer, but here Zeebe allows only ${allowed.map((type) => `time${capitalize(type)}`).join(' or ')}.`)
    return null
  }
  const raw = bodyOf(definition[field]) as string
  const expression = readExpression(raw)
  if ('feel' in expression) {
    const error = checkFeelSyntax(expression.feel)
    if (error !== null) {
      context.problem(id, `The ${field} of ${describeElement(source)} is not valid FEEL: '${raw}' (${error}).`)
      return null
    }
  } else {
    const parsed = parseTimer(timerType, expression.value)
    if (!parsed.ok) {
      context.problem(id, `The ${field} of ${describeElement(source)} does not parse: ${parsed.error}.`)
      return null
    }
  }
  return { timerType, expression }
}

function readMessage(source: ModdleElement, definition: ModdleElement, context: ReadContext, needsCorrelationKey: boolean): MessageDefinition | null {
  const id = source.id ?? null
  const message = definition['messageRef'] as ModdleElement | undefined
  const rawName = typeof message?.name === 'string' && message.name.trim() !== '' ? message.name.trim() : undefined
  if (!message || rawName === undefined) {
    context.problem(id, `${capitalize(describeElement(source))} refers to no message with a name: add a <bpmn:message name="..."/> and point messageRef at it.`)
    return null
  }
  const name = readChecked(source, 'message name', rawName, context)
  const rawKey = attribute(extension(message, 'zeebe:Subscription'), 'correlationKey')
  let correlationKey: Expression | null = null
  if (needsCorrelationKey) {
    if (rawKey === undefined) {
      context.problem(id, `The message '${rawName}' of ${describeElement(source)} has no correlation key: add <zeebe:subscription correlationKey="=..."/> to the message.`)
      return null
    }
    correlationKey = readChecked(source, 'correlation key', rawKey, context)
    if (correlationKey === null) return null
  }
  return name && { name, correlationKey }
}

function readChecked(source: ModdleElement, what: string, raw: string, context: ReadContext): Expression | null {
  const expression = readExpression(raw.trim())
  if ('feel' in expression) {
    const error = checkFeelSyntax(expression.feel)
    if (error !== null) {
      context.problem(source.id ?? null, `The ${what} of ${describeElement(source)} is not valid FEEL: '${raw}' (${error}).`)
      return null
    }
  }
  return expression
}

/** A catch's error code; null (no errorRef, or an error without a code) catches every error. */
function readCatchErrorCode(definition: ModdleElement): string | null {
  const error = definition['errorRef'] as ModdleElement | undefined
  const code = error?.['errorCode']
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : null
}

/** An error end event's code: required, static or FEEL. */
export function readThrowErrorCode(source: ModdleElement, definition: ModdleElement, context: ReadContext): Expression | null {
  const error = definition['errorRef'] as ModdleElement | undefined
  const code = error?.['errorCode']
  if (typeof code !== 'string' || code.trim() === '') {
    context.problem(source.id ?? null, `${capitalize(describeElement(source))} throws no error code: point errorRef at a <bpmn:error errorCode="..."/>.`)
    return null
  }
  return readChecked(source, 'error code', code, context)
}

function bodyOf(value: unknown): string | undefined {
  const body = (value as { body?: unknown } | undefined)?.body
  return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined
}
