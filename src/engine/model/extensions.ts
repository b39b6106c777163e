// Reads Zeebe's extension elements (zeebe:taskDefinition, zeebe:ioMapping, ...)
// into model values, checking every FEEL expression's syntax on the way.
import { checkFeelSyntax, readExpression } from '../feel.js'
import type { Expression, JobDefinition, Mapping } from '../types.js'
import { attribute, describeElement, extension } from './moddle.js'
import type { ModdleElement } from './moddle.js'

export interface ReadContext {
  problem(elementId: string | null, message: string): void
}

/**
 * A Zeebe attribute that may be FEEL (`=expr`) or static. Reports a FEEL syntax
 * error against the element; returns null when the attribute is absent.
 */
export function readAttributeExpression(
  element: ModdleElement,
  what: string,
  raw: string | undefined,
  context: ReadContext,
): Expression | null {
  if (raw === undefined) return null
  const expression = readExpression(raw.trim())
  if ('feel' in expression) {
    const error = checkFeelSyntax(expression.feel)
    if (error !== null) {
      context.problem(element.id ?? null, `The ${what} of ${describeElement(element)} is not valid FEEL: '${raw}' (${error}).`)
    }
  }
  return expression
}

/** zeebe:taskDefinition and zeebe:taskHeaders; null (with a problem) when there is no job type. */
export function readJobDefinition(element: ModdleElement, context: ReadContext): JobDefinition | null {
  const definition = extension(element, 'zeebe:TaskDefinition')
  const type = readAttributeExpression(element, 'job type', attribute(definition, 'type'), context)
  if (type === null) {
    context.problem(
      element.id ?? null,
      `${capitalize(describeElement(element))} has no job type: add <zeebe:taskDefinition type="..."/> so a worker can pick it up.`,
    )
    return null
  }
  const retries = readAttributeExpression(element, 'job retries', attribute(definition, 'retries'), context) ?? { value: '3' }
  if ('value' in retries && !/^\d+$/.test(retries.value.trim())) {
    context.problem(element.id ?? null, `The job retries of ${describeElement(element)} must be a whole number or a FEEL expression, not '${retries.value}'.`)
  }
  const headers: Record<string, string> = {}
  const headerList = extension(element, 'zeebe:TaskHeaders')?.['values']
  if (Array.isArray(headerList)) {
    for (const header of headerList as ModdleElement[]) {
      const key = attribute(header, 'key')
      if (key !== undefined) headers[key] = typeof header['value'] === 'string' ? header['value'] : ''
    }
  }
  return { type, retries, headers }
}

/** zeebe:ioMapping: inputs become local variables of the element instance; outputs are written to its parent scope. */
export function readMappings(element: ModdleElement, context: ReadContext): { inputs: Mapping[]; outputs: Mapping[] } {
  const ioMapping = extension(element, 'zeebe:IoMapping')
  const read = (list: unknown, direction: 'input' | 'output'): Mapping[] => {
    if (!Array.isArray(list)) return []
    const mappings: Mapping[] = []
    for (const parameter of list as ModdleElement[]) {
      const target = attribute(parameter, 'target')?.trim()
      if (target === undefined || !/^[^.\s][^.]*(\.[^.\s][^.]*)*$/.test(target)) {
        context.problem(
          element.id ?? null,
          `An ${direction} mapping of ${describeElement(element)} has ${target === undefined ? 'no target' : `an invalid target '${target}'`}: it must name a variable, such as 'amount' or 'customer.name'.`,
        )
        continue
      }
      // An empty source maps null, as in Zeebe.
      const source = readAttributeExpression(element, `${direction} mapping to '${target}'`, attribute(parameter, 'source'), context)
      mappings.push({ source: source ?? { feel: 'null' }, target })
    }
    return mappings
  }
  return { inputs: read(ioMapping?.['inputParameters'], 'input'), outputs: read(ioMapping?.['outputParameters'], 'output') }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
