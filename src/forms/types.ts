// Forms: form-js schemas (the JSON the form-js editor saves as a .form file), as Samflyt reads them.
//
// Terminology
// - form: one form-js schema, identified by its `id`; a user task names it with
//   zeebe:formDefinition formId="...". Deployed forms are versioned per id like processes.
// - component: one entry of `components`; an input component has a `key` that binds it to a
//   variable (a dot path), containers (group, dynamiclist) hold components of their own.
// - submission: the variables a caseworker sends to complete a task; validated here against
//   the task's form before the engine sees them.
// - generated form: the form made for a user task that names none, from its output mappings.
import type { JsonValue } from '../engine/types.js'

export interface FormOption {
  label: string
  value: string
}

export interface FormValidate {
  required?: boolean
  min?: number | string
  max?: number | string
  minLength?: number | string
  maxLength?: number | string
  pattern?: string
  patternErrorMessage?: string
  validationType?: 'email' | 'phone' | 'custom' | '' | null
}

export interface FormComponent {
  type: string
  id?: string
  key?: string
  path?: string
  label?: string
  description?: string
  text?: string
  subtype?: 'date' | 'time' | 'datetime'
  values?: FormOption[]
  valuesKey?: string
  valuesExpression?: string
  validate?: FormValidate
  conditional?: { hide?: string }
  defaultValue?: JsonValue
  decimalDigits?: number
  serializeToString?: boolean
  readonly?: boolean | string
  disabled?: boolean | string
  /** form-js "custom properties": string pairs; Samflyt reads `samflyt:check` (see checks.ts). */
  properties?: Record<string, string>
  components?: FormComponent[]
  [other: string]: unknown
}

export interface FormSchema {
  id: string
  type: 'default'
  schemaVersion: number
  components: FormComponent[]
  [other: string]: unknown
}

/** One problem with a submission: `path` is the field's key (a dot path, with [i] inside lists). */
export interface FieldProblem {
  path: string
  /** A stable English code: required, pattern, minLength, maxLength, min, max, email, phone, option, type, unknown, check. */
  code: string
  /** Norwegian (bokmål), for the caseworker; never quotes the submitted value. */
  message: string
}
