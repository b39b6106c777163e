// The outcome form's labels in the reader's language: from the catalogue when it knows the field
// or option (intake.field.*, intake.option.*), else the form's own (bokmål) label.
import type { Translate } from '../../i18n/index.js'
import { hasIntakeText } from '../../i18n/intake.js'

export function fieldLabel(t: Translate, key: string, fallback?: string): string {
  const id = `intake.field.${key}`
  return hasIntakeText(id) ? t(id) : fallback ?? key
}

export function optionLabel(t: Translate, field: string, value: string, fallback?: string): string {
  const id = `intake.option.${field}.${value}`
  return hasIntakeText(id) ? t(id) : fallback ?? value
}
