// The municipality a letter comes from: its name, the KE's address and contact details, and the
// county governor appeals go to. Read from a JSON file the municipality edits
// (templates/letters/municipality.json, or SAMFLYT_MUNICIPALITY_FILE) and checked when loaded.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { SamflytError, type ErrorDetail } from '../errors.js'
import type { Language } from './types.js'

/** A text that may differ between bokmål and nynorsk: one string for both, or one each. */
export type LocalText = string | { nb: string; nn: string }

export interface Municipality {
  name: LocalText
  unit: LocalText
  address: string[]
  postalCode: string
  postalTown: string
  phone: string
  email: string
  website?: string | undefined
  orgNumber?: string | undefined
  /** Where appeals go, e.g. "Statsforvalteren i Vestland" / "Statsforvaltaren i Vestland". */
  countyGovernor: LocalText
}

export const localText = (text: LocalText, language: Language): string => (typeof text === 'string' ? text : text[language])

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const isLocalText = (value: unknown): value is LocalText =>
  isText(value) || (typeof value === 'object' && value !== null && isText((value as { nb?: unknown }).nb) && isText((value as { nn?: unknown }).nn))

/** Checks a parsed municipality file; every problem is named with its field. */
export function checkMunicipality(value: unknown, source: string): Municipality {
  const problems: ErrorDetail[] = []
  const at = (field: string, message: string) => problems.push({ path: `${source}#/${field}`, message })
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `${source} must hold a JSON object`, [{ path: source, message: 'not an object' }])
  }
  const m = value as Record<string, unknown>
  for (const field of ['name', 'unit', 'countyGovernor']) {
    if (!isLocalText(m[field])) at(field, 'required: a text, or { "nb": "...", "nn": "..." }')
  }
  for (const field of ['postalCode', 'postalTown', 'phone', 'email']) {
    if (!isText(m[field])) at(field, 'required: a text')
  }
  for (const field of ['website', 'orgNumber']) {
    if (m[field] !== undefined && !isText(m[field])) at(field, 'must be a text when given')
  }
  if (!Array.isArray(m.address) || m.address.length === 0 || !m.address.every(isText)) at('address', 'required: a list of address lines')
  const known = new Set(['name', 'unit', 'address', 'postalCode', 'postalTown', 'phone', 'email', 'website', 'orgNumber', 'countyGovernor'])
  for (const field of Object.keys(m)) if (!known.has(field)) at(field, `unknown field (known: ${[...known].join(', ')})`)
  if (problems.length > 0) {
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `${source} is not a valid municipality file: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
  }
  return m as unknown as Municipality
}

export function loadMunicipality(file: string): Municipality {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `The municipality file ${file} cannot be read: ${(error as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new SamflytError('SAMFLYT_INVALID_DEFINITION', `${basename(file)} is not valid JSON: ${(error as Error).message}`, [{ path: basename(file), message: (error as Error).message }])
  }
  return checkMunicipality(parsed, basename(file))
}
