// Validating a submission against a form-js schema on the server, with form-js's own rules
// (required, min/max, minLength/maxLength, pattern, email/phone, options, types), so the browser
// and the server agree. Hidden fields (conditional.hide) are not validated, as form-js does not
// submit them. Unknown keys: refused for a deployed form (a field the form does not have is not
// the caseworker's to set); allowed for a generated form (see generate.ts).
import { evaluateFeel } from '../engine/feel.js'
import type { JsonValue, Variables } from '../engine/types.js'
import { CHECKS, CHECK_PROPERTY, holdsIdentityNumber } from './checks.js'
import { CONTAINER_TYPES, INPUT_TYPES, MULTI_OPTION_TYPES, OPTION_TYPES } from './fields.js'
import { MESSAGES } from './messages.js'
import type { FieldProblem, FormComponent, FormSchema } from './types.js'

export interface ValidateOptions {
  /** The task's variables: what conditions, option keys and FEEL bounds read besides the submission. */
  context?: Variables
  /** Refuse keys that no field of the form binds (default true). */
  rejectUnknownKeys?: boolean
  now?: Date
}

type Data = { [key: string]: JsonValue }

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value)
const isUnset = (value: unknown) => value === undefined || value === null || value === ''

function getPath(data: Data, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = data
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined
    current = current[part]
  }
  return current
}

export function validateSubmission(schema: FormSchema, submission: Variables, options: ValidateOptions = {}): FieldProblem[] {
  const problems: FieldProblem[] = []
  const validator = new SubmissionValidator(problems, options.context ?? {}, options.now ?? new Date())
  validator.components(schema.components, submission, '', '', submission)
  if (options.rejectUnknownKeys ?? true) unknownKeys(schema.components, submission, '', problems)
  return problems
}

class SubmissionValidator {
  constructor(
    private readonly problems: FieldProblem[],
    private readonly context: Variables,
    private readonly now: Date,
  ) {}

  /** `data` is the object keys are read from (the submission, or one list item); `shown` the path shown in problems. */
  components(components: FormComponent[], data: Data, prefix: string, shown: string, scope: Data): void {
    for (const component of components) {
      if (this.hidden(component, scope)) continue
      if (CONTAINER_TYPES.has(component.type)) this.container(component, data, prefix, shown, scope)
      else if (INPUT_TYPES.has(component.type) && component.key) {
        const key = prefix + component.key
        this.field(component, getPath(data, key), shown + key, scope)
      }
    }
  }

  private container(component: FormComponent, data: Data, prefix: string, shown: string, scope: Data): void {
    const children = component.components ?? []
    if (component.type === 'group') {
      const path = component.path ? `${prefix}${component.path}.` : prefix
      return this.components(children, data, path, shown, scope)
    }
    // A dynamic list: a list of objects under `path`, each validated on its own.
    const path = prefix + component.path
    const items = getPath(data, path)
    if (items === undefined || items === null) return
    const label = component.label ?? path
    if (!Array.isArray(items)) return this.problem(shown + path, 'type', MESSAGES.list(label))
    items.forEach((item, index) => {
      const at = `${shown}${path}[${index}]`
      if (!isObject(item)) return this.problem(at, 'type', MESSAGES.object(label))
      // Inside a list item, conditions see the item's fields over the rest of the form (as form-js does).
      this.components(children, item, '', `${at}.`, { ...scope, ...item })
    })
  }

  private hidden(component: FormComponent, scope: Data): boolean {
    const hide = component.conditional?.hide
    if (typeof hide !== 'string' || !hide.startsWith('=')) return false
    const outcome = evaluateFeel(hide.slice(1), { ...this.context, ...scope }, this.now)
    return outcome.ok && outcome.value === true
  }

  private problem(path: string, code: string, message: string): void {
    this.problems.push({ path, code, message })
  }

  private bound(value: number | string | undefined, scope: Data): number | undefined {
    if (typeof value === 'number') return value
    if (typeof value === 'string' && value.startsWith('=')) {
      const outcome = evaluateFeel(value.slice(1), { ...this.context, ...scope }, this.now)
      return outcome.ok && typeof outcome.value === 'number' ? outcome.value : undefined
    }
    return undefined
  }

  private field(component: FormComponent, value: JsonValue | undefined, path: string, scope: Data): void {
    const label = labelOf(component, path)
    const validate = component.validate ?? {}
    const type = component.type
    const empty = isUnset(value) || (Array.isArray(value) && value.length === 0)

    if (validate.required) {
      if (type === 'checkbox' && value === false) return this.problem(path, 'required', MESSAGES.mustBeChecked(label))
      if (empty) return this.problem(path, 'required', MESSAGES.required(label))
    }
    if (empty) return
    if (type === 'expression' || type === 'filepicker') return

    if (type === 'checkbox') {
      if (typeof value !== 'boolean') this.problem(path, 'type', MESSAGES.boolean(label))
      return
    }
    if (type === 'number') return this.number(component, value!, path, label, scope)
    if (MULTI_OPTION_TYPES.has(type)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return this.problem(path, 'type', MESSAGES.list(label))
      return this.options(component, value as string[], path, label, scope)
    }
    if (typeof value !== 'string') return this.problem(path, 'type', MESSAGES.text(label))
    if (OPTION_TYPES.has(type)) {
      this.options(component, [value], path, label, scope)
      const failed = this.check(component, value, label, scope)
      return failed ? this.problem(path, 'check', failed) : undefined
    }
    if (type === 'datetime') {
      this.datetime(component, value, path, label)
      const failed = this.check(component, value, label, scope)
      return failed ? this.problem(path, 'check', failed) : undefined
    }
    this.text(component, value, path, label, scope)
  }

  private text(component: FormComponent, value: string, path: string, label: string, scope: Data): void {
    const validate = component.validate ?? {}
    // form-js tests the pattern unanchored (new RegExp(pattern).test): forms anchor it with ^...$.
    if (validate.pattern && !new RegExp(validate.pattern).test(value)) {
      this.problem(path, 'pattern', validate.patternErrorMessage || MESSAGES.pattern(label))
    }
    // form-js measures length after trimming.
    const length = value.trim().length
    const minLength = this.bound(validate.minLength, scope)
    const maxLength = this.bound(validate.maxLength, scope)
    if (minLength !== undefined && length < minLength) this.problem(path, 'minLength', MESSAGES.minLength(label, minLength))
    if (maxLength !== undefined && length > maxLength) this.problem(path, 'maxLength', MESSAGES.maxLength(label, maxLength))
    if (validate.validationType === 'email' && !EMAIL.test(value)) this.problem(path, 'email', MESSAGES.email(label))
    if (validate.validationType === 'phone' && !PHONE.test(value.replace(/[\s-]/g, ''))) this.problem(path, 'phone', MESSAGES.phone(label))
    const check = component.properties?.[CHECK_PROPERTY]
    const failed = this.check(component, value, label, scope)
    if (failed) this.problem(path, 'check', failed)
    // A valid identity number typed into free text is refused (the identity-number field itself has its check).
    if (check !== 'identityNumber' && (component.type === 'textfield' || component.type === 'textarea') && holdsIdentityNumber(value)) {
      this.problem(path, 'identityNumber', MESSAGES.identityInText(label))
    }
  }

  private check(component: FormComponent, value: JsonValue, label: string, scope: Data): string | null {
    const check = component.properties?.[CHECK_PROPERTY]
    return check ? (CHECKS[check]?.(value, { now: this.now, data: { ...this.context, ...scope }, label }) ?? null) : null
  }

  private number(component: FormComponent, value: JsonValue, path: string, label: string, scope: Data): void {
    // A number field sends a number, or its digits as text when it is set to serializeToString.
    const numeric = typeof value === 'number' ? value : typeof value === 'string' && component.serializeToString && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
    if (!Number.isFinite(numeric)) return this.problem(path, 'type', MESSAGES.number(label))
    const decimals = component.decimalDigits
    if (typeof decimals === 'number' && decimals >= 0 && (String(value).split('.')[1]?.length ?? 0) > decimals) {
      this.problem(path, 'decimalDigits', MESSAGES.decimals(label, decimals))
    }
    const min = this.bound(component.validate?.min, scope)
    const max = this.bound(component.validate?.max, scope)
    if (min !== undefined && numeric < min) this.problem(path, 'min', MESSAGES.min(label, min))
    if (max !== undefined && numeric > max) this.problem(path, 'max', MESSAGES.max(label, max))
  }

  private options(component: FormComponent, chosen: string[], path: string, label: string, scope: Data): void {
    const allowed = this.optionValues(component, scope)
    if (allowed && chosen.some((value) => !allowed.has(value))) this.problem(path, 'option', MESSAGES.option(label))
  }

  /** The values a field offers; null when they come from data the server cannot see. */
  private optionValues(component: FormComponent, scope: Data): Set<string> | null {
    let options: unknown
    if (component.values) options = component.values
    else if (component.valuesKey) options = getPath({ ...this.context, ...scope }, component.valuesKey)
    else if (component.valuesExpression?.startsWith('=')) {
      const outcome = evaluateFeel(component.valuesExpression.slice(1), { ...this.context, ...scope }, this.now)
      options = outcome.ok ? outcome.value : undefined
    }
    if (!Array.isArray(options)) return null
    return new Set(options.map((option) => (isObject(option) ? String(option.value) : String(option))))
  }

  private datetime(component: FormComponent, value: string, path: string, label: string): void {
    const subtype = component.subtype ?? 'date'
    if (subtype === 'date' && !isDate(value)) this.problem(path, 'type', MESSAGES.date(label))
    if (subtype === 'time' && !TIME.test(value)) this.problem(path, 'type', MESSAGES.time(label))
    if (subtype === 'datetime' && !(DATETIME.test(value) && isDate(value.slice(0, 10)))) this.problem(path, 'type', MESSAGES.datetime(label))
  }
}

// Close to form-js's own client patterns: an address with a dot in the domain; a phone number
// with its country code (+47..., or 0047...).
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
const PHONE = /^(\+|00)[1-9]\d{6,14}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:\d{2})?$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/

/** What a caseworker calls the field: its label (a date field's dateLabel), else its key. */
function labelOf(component: FormComponent, path: string): string {
  const label = [component.label, component.dateLabel, component.timeLabel].find((l) => typeof l === 'string' && l.trim() !== '')
  return (label as string | undefined) ?? component.key ?? path
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

// ------------------------------------------------------------------ unknown keys

interface KeyTree {
  /** Paths a field fills as a whole (a leaf, or a dynamic list with its item tree). */
  leaves: Map<string, KeyTree | null>
  /** Objects that hold fields (dotted keys, group paths). */
  branches: Map<string, KeyTree>
}

function keyTree(components: FormComponent[], tree: KeyTree = { leaves: new Map(), branches: new Map() }, prefix: string[] = []): KeyTree {
  const place = (path: string[], value: KeyTree | null): void => {
    let node = tree
    for (const part of path.slice(0, -1)) {
      let next = node.branches.get(part)
      if (!next) node.branches.set(part, (next = { leaves: new Map(), branches: new Map() }))
      node = next
    }
    node.leaves.set(path.at(-1)!, value)
  }
  for (const component of components) {
    if (component.type === 'dynamiclist' && component.path) place([...prefix, ...component.path.split('.')], keyTree(component.components ?? []))
    else if (component.type === 'group') keyTree(component.components ?? [], tree, component.path ? [...prefix, ...component.path.split('.')] : prefix)
    else if (INPUT_TYPES.has(component.type) && component.key) place([...prefix, ...component.key.split('.')], null)
  }
  return tree
}

function unknownKeys(components: FormComponent[], submission: Data, shown: string, problems: FieldProblem[]): void {
  walkUnknown(keyTree(components), submission, shown, problems)
}

function walkUnknown(tree: KeyTree, data: Data, shown: string, problems: FieldProblem[]): void {
  for (const [key, value] of Object.entries(data)) {
    const path = shown + key
    if (tree.leaves.has(key)) {
      const items = tree.leaves.get(key)
      if (items && Array.isArray(value)) value.forEach((item, i) => isObject(item) && walkUnknown(items, item, `${path}[${i}].`, problems))
    } else if (tree.branches.has(key) && isObject(value)) {
      walkUnknown(tree.branches.get(key)!, value, `${path}.`, problems)
    } else {
      problems.push({ path, code: 'unknown', message: MESSAGES.unknown(path) })
    }
  }
}
