// A form for a user task that links none: one field per variable its output mappings read
// (zeebe:ioMapping output source="=name"), typed where the instance already holds a value of
// that variable (true/false -> checkbox, a number -> number field), a date field for names
// ending in "Date", a text field otherwise. Nothing is required, and keys the form does not list
// are accepted: without a form the task declares no rules, and its output mappings decide what
// leaves the task.
import type { JsonValue, Mapping, Variables } from '../engine/types.js'
import { SUPPORTED_SCHEMA_VERSION } from './fields.js'
import type { FormComponent, FormSchema } from './types.js'

const SIMPLE_PATH = /^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*$/

export interface TaskShape {
  processId: string
  elementId: string
  name: string | null
  outputs: readonly Mapping[]
}

/** The variables a caseworker is expected to submit: what the output mappings read. */
export function outputVariables(outputs: readonly Mapping[]): string[] {
  const names: string[] = []
  for (const mapping of outputs) {
    const source = 'feel' in mapping.source ? SIMPLE_PATH.exec(mapping.source.feel)?.[1] : undefined
    if (source && !names.includes(source)) names.push(source)
  }
  return names
}

export function generateForm(task: TaskShape, variables: Variables): FormSchema {
  const keys = outputVariables(task.outputs)
  const intro: FormComponent = {
    type: 'text',
    id: 'generated-intro',
    text: keys.length
      ? `Denne oppgaven har ikke eget skjema. Feltene under er laget fra oppgavens utdata i prosessen (${task.elementId}).`
      : `Denne oppgaven har ikke eget skjema og oppgir ingen utdata. Den kan fullføres uten å fylle ut noe.`,
  }
  return {
    id: `generated.${task.processId}.${task.elementId}`,
    type: 'default',
    schemaVersion: SUPPORTED_SCHEMA_VERSION,
    components: [intro, ...keys.map((key) => fieldFor(key, valueAt(variables, key)))],
  }
}

function valueAt(variables: Variables, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = variables
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
    current = current[part]
  }
  return current
}

function fieldFor(key: string, current: JsonValue | undefined): FormComponent {
  const base = { key, id: `field-${key.replace(/\./g, '-')}`, label: key }
  if (typeof current === 'boolean') return { ...base, type: 'checkbox' }
  if (typeof current === 'number') return { ...base, type: 'number' }
  if (/Date$/.test(key)) return { ...base, type: 'datetime', subtype: 'date', dateLabel: key }
  if (typeof current === 'string' && current.length > 200) return { ...base, type: 'textarea' }
  return { ...base, type: 'textfield' }
}
