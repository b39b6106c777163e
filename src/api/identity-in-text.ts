// Where an identity number (fødselsnummer, D-number; 11 digits) may be hiding in text that
// leaves the server: a URL, a log line. Pure functions, shared by the URL guard and the logger.
//
// In URLs the guard is strict: any 11-digit run counts, and so do the ways a person writes one
// (010150-28706, 010150 28706, 01.01.50.28706), escaped once or several times. A UUID (a letter's
// id) is let through, unless its digits, read without the dashes, hold a valid identity number
// (control digits and date): a real random UUID does that about once in tens of millions,
// one shaped around a number always does.
import { validateIdentityNumber } from '../cases/identity.js'

export const IDENTITY_NUMBER_MASK = '[fnr]'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
// An 11-digit run, or 6 + 5 digits, or 2 + 2 + 2 + 5, with one separator between the groups.
const SEPARATOR = '[ .\\-+_]'
const IN_URL = new RegExp(`(?<!\\d)(?:\\d{11}|\\d{6}${SEPARATOR}\\d{5}|\\d{2}${SEPARATOR}\\d{2}${SEPARATOR}\\d{2}${SEPARATOR}\\d{5})(?!\\d)`, 'g')

/** The URL as a person would read it: every escape undone (a few levels deep). */
function decoded(url: string): string {
  let text = url
  for (let depth = 0; depth < 4; depth++) {
    let next: string
    try {
      next = decodeURIComponent(text)
    } catch {
      break // a malformed escape is the router's problem, not ours
    }
    if (next === text) break
    text = next
  }
  return text
}

/** True when some 11-digit window of the digit runs in `text` is a valid identity number. */
export function holdsValidIdentityNumber(text: string): boolean {
  for (const [run] of text.matchAll(/\d{11,}/g)) {
    for (let start = 0; start + 11 <= run.length; start++) {
      if (validateIdentityNumber(run.slice(start, start + 11), { allowSynthetic: true }).valid) return true
    }
  }
  return false
}

const uuidHoldsIdentityNumber = (uuid: string) => uuid.split('-').some(holdsValidIdentityNumber)

function withoutUuids(text: string): { text: string; hidden: boolean } {
  let hidden = false
  const rest = text.replace(UUID, (uuid) => {
    if (uuidHoldsIdentityNumber(uuid)) hidden = true
    return 'uuid'
  })
  return { text: rest, hidden }
}

export function urlHoldsIdentityNumber(url: string): boolean {
  const { text, hidden } = withoutUuids(decoded(url))
  IN_URL.lastIndex = 0
  return hidden || IN_URL.test(text)
}

/** The URL for the log: decoded, with whatever looks like an identity number masked. */
export function maskUrl(url: string): string {
  if (!urlHoldsIdentityNumber(url)) return url
  return decoded(url)
    .replace(UUID, (uuid) => (uuidHoldsIdentityNumber(uuid) ? IDENTITY_NUMBER_MASK : uuid))
    .replace(IN_URL, IDENTITY_NUMBER_MASK)
}

// In log lines the masker must not break what it does not mask: a decimal (6040.12345678901), a
// long id, a UUID, a JSON line. It masks 11 digits standing free: no digit or letter beside
// them, not the fraction or the whole part of a decimal; inside JSON strings, also 6 + 5 digits
// with a space or a dash between. A JSON number of 11 digits becomes the string "[fnr]".
// (A letter right after a backslash is a JSON escape such as \n, and so no neighbour.)
const FREE_STANDING = /(?<!(?<!\\)[0-9A-Za-z]|\d\.)(?:\d{11}|\d{6}[ -]\d{5})(?![0-9A-Za-z]|\.\d)/g

export function maskInText(text: string): string {
  return text.replace(FREE_STANDING, IDENTITY_NUMBER_MASK)
}

/**
 * Masks a log line. A JSON line is walked token by token, so strings are masked inside and
 * numbers as whole tokens, and the line stays valid JSON; anything else is masked as text.
 */
export function maskLogLine(line: string): string {
  if (!/\d{5}/.test(line)) return line
  const first = line.search(/\S/)
  if (line[first] !== '{') return maskInText(line)
  let out = ''
  let i = 0
  while (i < line.length) {
    const char = line[i]!
    if (char === '"') {
      let end = i + 1
      while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1
      out += maskInText(line.slice(i, end + 1))
      i = end + 1
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(line.slice(i))?.[0] ?? char
      out += /^-?\d{11}$/.test(number) ? `"${IDENTITY_NUMBER_MASK}"` : number
      i += number.length
    } else {
      out += char
      i++
    }
  }
  return out
}
