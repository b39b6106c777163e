// Prefilled fields: a field with the custom property `samflyt:prefill` = "variables" (form-js
// "custom properties"; forms/registration.form marks what the enquiry registered) opens with the
// task's variable of its key, so a caseworker checks what the enquiry said instead of typing it
// again; a completion is checked as the form would be sent, with what the caseworker changed
// over what was prefilled. Unmarked fields (an approval, a consent answer) are answered afresh.
import type { JsonValue, Variables } from '../engine/types.js'
import { CONTAINER_TYPES, INPUT_TYPES } from './fields.js'
import type { FormComponent, FormSchema } from './types.js'

export const PREFILL_PROPERTY = 'samflyt:prefill'

const marked = (component: FormComponent) => component.properties?.[PREFILL_PROPERTY] === 'variables'

/** The top-level variable names of the marked fields (a top-level key, or a dynamic list's path). */
function prefilledNames(components: FormComponent[], names = new Set<string>()): Set<string> {
  for (const component of components) {
    if (component.type === 'group' && !component.path) prefilledNames(component.components ?? [], names)
    else if (!marked(component)) continue
    else if (CONTAINER_TYPES.has(component.type) && component.path) names.add(component.path.split('.')[0]!)
    else if (INPUT_TYPES.has(component.type) && component.key) names.add(component.key.split('.')[0]!)
  }
  return names
}

/** The data a form opens with: the task's variables its marked fields bind (none set to null). */
export function prefillData(schema: FormSchema, variables: Variables): Variables {
  const data: Record<string, JsonValue> = {}
  for (const name of prefilledNames(schema.components)) {
    const value = variables[name]
    if (value !== undefined && value !== null) data[name] = value
  }
  return data
}
