// Server-side checks a form can ask for beyond form-js's own validation, through a component's
// custom property `samflyt:check` (form-js "custom properties", editable in the form editor).
// The browser still runs the form's pattern; these run on the server, where the rules need them.
import { validateIdentityNumber } from '../cases/identity.js'

export interface Check {
  /** Norwegian message when the value fails, or null when it passes. Never quotes the value. */
  (value: unknown): string | null
}

export const CHECKS: Readonly<Record<string, Check>> = {
  // Fødselsnummer, D-, H- and synthetic test numbers, with the mod-11 control digits (DOMAIN.md).
  identityNumber: (value) =>
    validateIdentityNumber(value, { allowSynthetic: true }).valid ? null : 'Fødselsnummeret eller D-nummeret er ikke gyldig (kontrollsifrene stemmer ikke, eller datoen finnes ikke).',
}

export const CHECK_PROPERTY = 'samflyt:check'
