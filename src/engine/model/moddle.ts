// The bridge to bpmn-moddle: one shared reader with Zeebe's extension schema,
// and the few shapes of its output that the model builder reads.
import { BpmnModdle } from 'bpmn-moddle'
import type { ParseResult } from 'bpmn-moddle'
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' }

/** A BPMN or zeebe element as bpmn-moddle reads it. References are resolved to the elements themselves. */
export interface ModdleElement {
  readonly $type: string
  readonly id?: string
  readonly name?: string
  readonly isExecutable?: boolean
  readonly flowElements?: readonly ModdleElement[]
  readonly rootElements?: readonly ModdleElement[]
  readonly extensionElements?: { readonly values?: readonly ModdleElement[] }
  readonly eventDefinitions?: readonly ModdleElement[]
  readonly loopCharacteristics?: ModdleElement
  readonly sourceRef?: ModdleElement
  readonly targetRef?: ModdleElement
  readonly conditionExpression?: { readonly body?: string }
  readonly default?: ModdleElement
  readonly [property: string]: unknown
}

// Stateless between parses, and building its type registry is the slow part.
let reader: BpmnModdle | undefined

export function readXml(xml: string): Promise<ParseResult> {
  reader ??= new BpmnModdle({ zeebe: zeebeSchema })
  return reader.fromXML(xml, 'bpmn:Definitions')
}

/** The first extension element of a zeebe type (such as 'zeebe:TaskDefinition'), if any. */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return element.extensionElements?.values?.find((value) => value.$type === type)
}

/** A string attribute of an extension element, with empty strings treated as absent. */
export function attribute(element: ModdleElement | undefined, name: string): string | undefined {
  const value = element?.[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** "bpmn:ServiceTask" -> "service task", for messages. */
export function describeType(type: string): string {
  const local = type.slice(type.indexOf(':') + 1)
  return local
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^(ad hoc )?sub process/, (match) => match.replace('sub process', 'sub-process').replace('ad hoc', 'ad-hoc'))
    .replace('event based', 'event-based')
}

/** How an element is named in a problem: its id, and its name when it has one. */
export function describeElement(element: ModdleElement): string {
  const id = `'${element.id ?? '(no id)'}'`
  return element.name ? `${describeType(element.$type)} ${id} ("${element.name}")` : `${describeType(element.$type)} ${id}`
}

/** "a timer", "an error": for "is a ... start event" messages. */
export function withArticle(words: string): string {
  return /^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`
}
