// Server-side checks a form can ask for beyond form-js's own validation, through a component's
// custom property `samflyt:check` (form-js "custom properties", editable in the form editor).
// The browser still runs the form's pattern; these run on the server, where the rules need them.
import { osloDate, validateIdentityNumber } from '../cases/identity.js'

export interface CheckContext {
  now: Date
  /** The task's variables with the submission over them. */
  data: Readonly<Record<string, unknown>>
  label: string
}

export interface Check {
  /** Norwegian message when the value fails, or null when it passes. Never quotes the value. */
  (value: unknown, context: CheckContext): string | null
}

const formatOslo = (at: Date) => new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(at)

export const CHECKS: Readonly<Record<string, Check>> = {
  // Fødselsnummer, D-, H- and synthetic test numbers, with the mod-11 control digits (DOMAIN.md).
  identityNumber: (value) =>
    validateIdentityNumber(value, { allowSynthetic: true }).valid ? null : 'Fødselsnummeret eller D-nummeret er ikke gyldig (kontrollsifrene stemmer ikke, eller datoen finnes ikke).',
  // A date that has not come yet (a received date, say): refused as intake refuses it.
  notInFuture: (value, { now, label }) =>
    typeof value === 'string' && value.slice(0, 10) > osloDate(now) ? `«${label}» kan ikke være etter i dag (${osloDate(now)}).` : null,
  // The intake group's outcome is recorded at or after its meeting (the task variable meetingAt), never before.
  meetingStarted: (_value, { now, data }) => {
    const at = typeof data.meetingAt === 'string' ? new Date(data.meetingAt) : null
    return at && !Number.isNaN(at.getTime()) && now < at
      ? `Utfallet kan først registreres når møtet har begynt (${formatOslo(at)}). Saken er ikke behandlet ennå.`
      : null
  },
}

/** A free-standing run of 11 digits, possibly split by spaces, dots or dashes (010150 28706). */
const NUMBER_LIKE = /(?<![0-9])[0-9](?:[ .-]?[0-9]){10}(?![0-9])/g

/**
 * Whether free text holds a valid identity number: free-text fields are kept in the task's
 * history for good, and the number belongs on the person alone.
 */
export function holdsIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(NUMBER_LIKE)) {
    if (validateIdentityNumber(match[0].replace(/[ .-]/g, ''), { allowSynthetic: true }).valid) return true
  }
  return false
}

export const CHECK_PROPERTY = 'samflyt:check'
