// How the timeline writes moments, dates and entered values: "1. desember 2026 kl. 14.02" in
// Norwegian time; a calendar date as a letter writes it; yes and no; an option by its label; an
// identity number masked (the timeline is read by many; the full number is in the case).
import { WORDS, type Format, type Lang } from './words.js'
import type { FieldLabels } from './forms.js'

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']
const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

export function formatter(lang: Lang): Format {
  const words = WORDS[lang]
  return {
    date(iso: string) {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
      if (!match) return iso
      return `${Number(match[3])}. ${MONTHS[Number(match[2]) - 1]} ${match[1]}`
    },
    moment(at: Date | string) {
      const parts = Object.fromEntries(OSLO.formatToParts(typeof at === 'string' ? new Date(at) : at).map((p) => [p.type, p.value]))
      return words.at(`${Number(parts.day)}. ${MONTHS[Number(parts.month) - 1]} ${parts.year}`, `${parts.hour}.${parts.minute}`)
    },
    list(items: string[]) {
      return items.join(', ')
    },
  }
}

const IDENTITY = /\b(\d{6})\d{5}\b/g
const maskIdentity = (text: string) => text.replace(IDENTITY, '$1*****')

/** One entered value as words: options by their label, booleans as yes and no, dates as dates. */
export function displayValue(value: unknown, path: string, labels: FieldLabels, lang: Lang, format: Format): string {
  const words = WORDS[lang]
  if (value === null || value === undefined || value === '') return words.empty
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    const option = labels.get(path)?.options.get(value)
    if (option) return option
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value)
    return maskIdentity(value)
  }
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        return Object.entries(item).map(([key, inner]) => displayValue(inner, `${path}.${key}`, labels, lang, format)).join(', ')
      }
      return displayValue(item, path, labels, lang, format)
    }).join('; ')
  }
  return Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${labels.get(`${path}.${key}`)?.label ?? key}: ${displayValue(inner, `${path}.${key}`, labels, lang, format)}`).join(', ')
}

/** A submission as label and value pairs, in the form's order where the form names the field. */
export function enteredValues(variables: Record<string, unknown>, labels: FieldLabels, lang: Lang, format: Format): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = []
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      const path = prefix + key
      // A group's fields are listed one by one; a list, or an object the form does not know, as one value.
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && labels.hasGroup(path)) walk(value as Record<string, unknown>, `${path}.`)
      else out.push({ key: path, label: labels.get(path)?.label ?? path, value: displayValue(value, path, labels, lang, format) })
    }
  }
  walk(variables, '')
  out.sort((a, b) => labels.order(a.key) - labels.order(b.key))
  return out
}
