// form-js checks fields as people type, with messages in English. They are told here in the
// reader's language, naming the field by its label as the server's messages do.
import type { MessageKey, Translate } from '../i18n/index.js'

const PATTERNS: [RegExp, MessageKey][] = [
  [/^Field is required\.$/, 'field.required'],
  [/^Field must have minimum length of (\d+)\.$/, 'field.minLength'],
  [/^Field must have maximum length of (\d+)\.$/, 'field.maxLength'],
  [/^Field must have minimum value of (-?[\d.]+)\.$/, 'field.min'],
  [/^Field must have maximum value of (-?[\d.]+)\.$/, 'field.max'],
  [/^Field must match pattern /, 'field.pattern'],
  [/^Field must be a valid email\.$/, 'field.email'],
  [/^Field must be a valid\s+international phone number/, 'field.phone'],
  [/^Value is not a number\.$/, 'field.number'],
  [/^Value is expected to be an integer\.$/, 'field.integer'],
  [/^Value is expected to have at most (\d+) decimal/, 'field.decimals'],
]

export function translateFieldMessage(message: string, label: string, t: Translate): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message)
    if (match) return t(key, { label, n: match[1] ?? '' })
  }
  // A pattern's own message (patternErrorMessage) is the form author's, already in Norwegian.
  return message
}

interface Validating {
  validateField(field: { label?: string; dateLabel?: string }, value: unknown): string[]
  validateFieldInstance(instance: { id: string }, value: unknown): string[]
}

/** Makes form-js's validator (the `validator` service of a Form) speak the reader's language. */
export function localiseValidator(validator: Validating, fieldById: (id: string) => { label?: string; dateLabel?: string } | undefined, t: Translate): void {
  const labelOf = (field: { label?: string; dateLabel?: string } | undefined) => field?.label ?? field?.dateLabel ?? ''
  const validateField = validator.validateField.bind(validator)
  const validateFieldInstance = validator.validateFieldInstance.bind(validator)
  validator.validateField = (field, value) => validateField(field, value).map((message) => translateFieldMessage(message, labelOf(field), t))
  validator.validateFieldInstance = (instance, value) =>
    validateFieldInstance(instance, value).map((message) => translateFieldMessage(message, labelOf(fieldById(instance.id)), t))
}
