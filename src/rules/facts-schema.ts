// The registrable case facts as a JSON Schema, for the API's request bodies and so for the
// OpenAPI document: every fact with its type, its allowed values and its description. A body
// naming an unknown fact, or a value outside an enumeration (a sector), is a 400 naming it.
import { CASE_FACTS, SERVICE_FIELDS, type FactDefinition } from './facts.js'

type JsonSchema = Record<string, unknown>

function fieldSchema(definition: { type: string; values?: readonly string[] | undefined; nullable?: boolean | undefined; description: string }): JsonSchema {
  const base: JsonSchema =
    definition.type === 'array' && definition.values
      ? { type: 'array', items: { type: 'string', enum: [...definition.values] }, uniqueItems: true }
      : definition.values
        ? { type: 'string', enum: [...definition.values] }
        : { type: definition.type }
  const schema = definition.nullable ? { anyOf: [base, { type: 'null' }] } : base
  return { ...schema, description: definition.description }
}

const SERVICE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: Object.entries(SERVICE_FIELDS).filter(([, f]) => f.required).map(([name]) => name),
  properties: Object.fromEntries(Object.entries(SERVICE_FIELDS).map(([name, field]) => [name, fieldSchema(field)])),
}

function factSchema(name: string, definition: FactDefinition): JsonSchema {
  if (name === 'services') return { type: 'array', maxItems: 100, items: SERVICE_SCHEMA, description: definition.description }
  if (name === 'manualEscalation') {
    const reason = { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'Why the case goes to the intake group; not blank' }
    return { anyOf: [{ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason } }, { type: 'null' }], description: definition.description }
  }
  return fieldSchema(definition)
}

/**
 * The facts a client may register (given and either facts), less those given elsewhere
 * (`omit`: at intake the identity number and birth date come from the person).
 */
export function caseFactsSchema(omit: readonly string[] = []): JsonSchema {
  const registrable = Object.entries(CASE_FACTS).filter(([name, d]) => d.source !== 'derived' && !omit.includes(name))
  return {
    type: 'object',
    additionalProperties: false,
    description: 'Case facts in the rules vocabulary (docs/facts.md). An unknown fact or a value outside its enumeration is refused with its path.',
    properties: Object.fromEntries(registrable.map(([name, d]) => [name, factSchema(name, d)])),
  }
}
