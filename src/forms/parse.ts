// Reading a .form file: form-js JSON, checked before anything is deployed. Every problem names
// the file and the component (its id, else its key, else its place), so a process owner can find it.
import { createHash } from 'node:crypto'
import { checkFeelSyntax } from '../engine/feel.js'
import type { ErrorDetail } from '../errors.js'
import { CHECKS, CHECK_PROPERTY } from './checks.js'
import { CONTAINER_TYPES, INPUT_TYPES, KEY_PATTERN, KNOWN_TYPES, OPTION_TYPES, SUPPORTED_SCHEMA_VERSION } from './fields.js'
import type { FormComponent, FormSchema } from './types.js'

/** A form is a page of fields, not a data file: anything bigger is a mistake (or an attack). */
export const MAX_FORM_BYTES = 256 * 1024
export const FORM_ID_PATTERN = /^[A-Za-z_][\w.-]{0,99}$/

export interface ParsedForm {
  formId: string
  resourceName: string
  /** The file as sent: served back byte for byte, and what the checksum is over. */
  source: string
  checksum: string
  schema: FormSchema
}

export type FormParseResult = { ok: true; form: ParsedForm } | { ok: false; problems: ErrorDetail[] }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isFeel = (value: unknown): value is string => typeof value === 'string' && value.startsWith('=')

export function parseFormFile(resourceName: string, source: string): FormParseResult {
  const problems: ErrorDetail[] = []
  const at = (where: string, message: string) => problems.push({ path: where ? `${resourceName}#${where}` : resourceName, message })

  const bytes = Buffer.byteLength(source, 'utf8')
  if (bytes > MAX_FORM_BYTES) {
    at('', `The form file is ${bytes} bytes; a form may be at most ${MAX_FORM_BYTES} bytes`)
    return { ok: false, problems }
  }
  let schema: unknown
  try {
    schema = JSON.parse(source)
  } catch (error) {
    at('', `The form file is not valid JSON: ${(error as Error).message}`)
    return { ok: false, problems }
  }
  if (!isObject(schema)) {
    at('', 'A form file is a JSON object with id, type "default", schemaVersion and components')
    return { ok: false, problems }
  }
  if (typeof schema.id !== 'string' || !FORM_ID_PATTERN.test(schema.id)) {
    at('', 'The form needs an "id" (letters, digits, _ . -, starting with a letter; at most 100 characters): user tasks name the form by it')
  }
  if (schema.type !== 'default') at('', 'The form\'s "type" must be "default" (form-js)')
  if (!Number.isInteger(schema.schemaVersion) || (schema.schemaVersion as number) < 1 || (schema.schemaVersion as number) > SUPPORTED_SCHEMA_VERSION) {
    at('', `The form's "schemaVersion" must be an integer from 1 to ${SUPPORTED_SCHEMA_VERSION} (the form-js version Samflyt ships)`)
  }
  if (!Array.isArray(schema.components)) {
    at('', 'The form needs a "components" list')
  } else {
    checkComponents(schema.components, 'components', '', new Map(), at)
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    form: { formId: schema.id as string, resourceName, source, checksum: createHash('sha256').update(source).digest('hex'), schema: schema as FormSchema },
  }
}

function checkComponents(
  components: unknown[],
  pointer: string,
  prefix: string,
  bound: Map<string, string>,
  at: (where: string, message: string) => void,
): void {
  components.forEach((raw, index) => {
    const here = `${pointer}[${index}]`
    if (!isObject(raw)) return at(here, 'A component must be a JSON object')
    const component = raw as FormComponent
    const name = typeof component.id === 'string' && component.id ? component.id : typeof component.key === 'string' && component.key ? component.key : here
    const problem = (message: string) => at(name, `${message} (component ${here}${component.type ? `, type ${String(component.type)}` : ''})`)

    if (typeof component.type !== 'string' || !KNOWN_TYPES.has(component.type)) {
      return problem(`Unknown component type ${JSON.stringify(component.type)}; known: ${[...KNOWN_TYPES].join(', ')}`)
    }
    if (INPUT_TYPES.has(component.type)) {
      if (typeof component.key !== 'string' || !KEY_PATTERN.test(component.key)) {
        problem('An input needs a "key": the variable it fills (word characters, dot separated)')
      } else {
        const full = prefix + component.key
        const other = bound.get(full)
        if (other) problem(`The key ${full} is also used by ${other}; two fields cannot fill one variable`)
        bound.set(full, name)
      }
    }
    if (OPTION_TYPES.has(component.type)) checkOptions(component, problem)
    if (component.validate !== undefined) checkValidate(component, problem)
    const hide = component.conditional?.hide
    if (hide !== undefined) {
      if (typeof hide !== 'string') problem('conditional.hide must be a FEEL expression (starting with =)')
      else if (isFeel(hide)) {
        const syntax = checkFeelSyntax(hide.slice(1))
        if (syntax) problem(`conditional.hide is not valid FEEL: ${syntax}`)
      }
    }
    const check = component.properties?.[CHECK_PROPERTY]
    if (check !== undefined && !(check in CHECKS)) problem(`Unknown ${CHECK_PROPERTY} ${JSON.stringify(check)}; known: ${Object.keys(CHECKS).join(', ')}`)

    if (CONTAINER_TYPES.has(component.type)) {
      if (!Array.isArray(component.components)) return problem(`A ${component.type} needs a "components" list`)
      if (component.path !== undefined && (typeof component.path !== 'string' || (component.path !== '' && !KEY_PATTERN.test(component.path)))) {
        return problem('"path" must be word characters, dot separated')
      }
      if (component.type === 'dynamiclist' && !component.path) return problem('A dynamic list needs a "path": the list variable it fills')
      const full = component.path ? prefix + component.path : ''
      if (component.type === 'dynamiclist') {
        const other = bound.get(full)
        if (other) problem(`The path ${full} is also used by ${other}`)
        bound.set(full, name)
        // Each list item is an object of its own: its keys start afresh.
        checkComponents(component.components, `${here}.components`, '', new Map(), at)
      } else {
        checkComponents(component.components, `${here}.components`, full ? `${full}.` : prefix, bound, at)
      }
    } else if (component.components !== undefined) {
      problem('Only groups and dynamic lists hold components')
    }
  })
}

function checkOptions(component: FormComponent, problem: (message: string) => void): void {
  const sources = ['values', 'valuesKey', 'valuesExpression'].filter((k) => component[k] !== undefined)
  if (sources.length !== 1) return problem('An option field needs exactly one of "values", "valuesKey" or "valuesExpression"')
  if (component.values === undefined) return
  if (!Array.isArray(component.values) || component.values.length === 0) return problem('"values" must be a non-empty list of {label, value}')
  const seen = new Set<string>()
  for (const option of component.values) {
    if (!isObject(option) || typeof option.value !== 'string' || typeof option.label !== 'string') return problem('Every option needs a "label" and a "value", both text')
    if (seen.has(option.value)) problem(`The option value ${JSON.stringify(option.value)} appears twice`)
    seen.add(option.value)
  }
}

function checkValidate(component: FormComponent, problem: (message: string) => void): void {
  const validate = component.validate
  if (!isObject(validate)) return problem('"validate" must be an object')
  if (validate.required !== undefined && typeof validate.required !== 'boolean') problem('validate.required must be true or false')
  if (validate.pattern !== undefined) {
    if (typeof validate.pattern !== 'string') problem('validate.pattern must be a regular expression as text')
    else {
      try {
        new RegExp(validate.pattern)
      } catch (error) {
        problem(`validate.pattern is not a valid regular expression: ${(error as Error).message}`)
      }
    }
  }
  for (const bound of ['minLength', 'maxLength'] as const) {
    const value = validate[bound]
    if (value !== undefined && !isFeel(value) && !(Number.isInteger(value) && (value as number) >= 0)) problem(`validate.${bound} must be a whole number of 0 or more (or FEEL)`)
  }
  for (const bound of ['min', 'max'] as const) {
    const value = validate[bound]
    if (value !== undefined && !isFeel(value) && !(typeof value === 'number' && Number.isFinite(value))) problem(`validate.${bound} must be a number (or FEEL)`)
  }
  if (typeof validate.min === 'number' && typeof validate.max === 'number' && validate.min > validate.max) problem('validate.min is larger than validate.max')
  if (typeof validate.minLength === 'number' && typeof validate.maxLength === 'number' && validate.minLength > validate.maxLength) {
    problem('validate.minLength is larger than validate.maxLength')
  }
  if (validate.validationType !== undefined && !['email', 'phone', 'custom', '', null].includes(validate.validationType as string | null)) {
    problem('validate.validationType must be email, phone or custom')
  }
}
