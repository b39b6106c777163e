// Norwegian identity numbers: fødselsnummer, D-number, H-number and the synthetic test
// numbers of NAV Dolly and Skatteetaten Tenor. Pure functions, no I/O, no Node: the server and
// the web app (which checks a number as it is typed) import this one module.
//
// An identity number is special-category personal data (see DOMAIN.md): nothing here logs,
// and no error message or reason ever contains the number itself. Show it with
// `maskIdentityNumber` unless a person has a reason to see all of it.
//
// Layout: DD MM YY III K1 K2
//   DD  day of birth; a D-number adds 4 to the first digit (day 41-71)
//   MM  month of birth; an H-number or a Dolly test number adds 40, a Tenor test number 80
//   YY  year of birth, two digits; the century comes from III (classic rule, below)
//   III individual number
//   K1  control digit, weights 3 7 6 1 8 9 4 5 2 over the first nine digits
//   K2  control digit, weights 5 4 3 2 7 6 5 4 3 2 over the first ten digits
//
// From 1 January 2032 new numbers are issued under a loosened rule (Skatteetaten, "Nytt
// fødselsnummer fra 2032"): the weighted sum over the first ten digits, taken mod 11, may be
// 0, 1, 2 or 3 (the classic rule only allows 0), K2 is computed as before, the individual
// number no longer tells the century, and numbers no longer encode sex. Systems must accept
// both rules side by side from then on. So the checksum rule is an option here (`checksum`),
// the result says which rule the number passed (`checksumRule`), and a number that passes
// only the 2032 rule gets `birthDateCertain: false`: its century is a best guess, and the
// Folkeregister's own birth-date field is the truth. Sex is never derived (not needed, and
// not reliable after 2032).

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1] // the trailing 1 is K1 itself
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1] // the trailing 1 is K2 itself
const NEW_RULES_FROM = '2032-01-01'

export type IdentityNumberKind = 'fodselsnummer' | 'd-number' | 'h-number' | 'synthetic-dolly' | 'synthetic-tenor'

/**
 * Which checksum rules to accept.
 * - `classic`: only the rule in force before 2032 (remainder 0 for K1).
 * - `from-2032`: the classic rule and the loosened 2032 rule (remainder 0-3 for K1).
 * - `auto` (default): `from-2032` when `now` is on or after 2032-01-01, else `classic`;
 *   accepting the loosened rule early would let four times as many typos through.
 */
export type ChecksumRuleOption = 'classic' | 'from-2032' | 'auto'

export interface IdentityNumberOptions {
  /** The date validation happens at: decides `auto` checksum rules and `age`. Default: now. */
  now?: Date
  checksum?: ChecksumRuleOption
  /**
   * Accept synthetic test numbers (Dolly, month + 40; Tenor, month + 80). Default false:
   * production must not take test identities. Dolly numbers look exactly like H-numbers, so
   * with this off a month + 40 number is read as an H-number, and with it on as Dolly.
   */
  allowSynthetic?: boolean
}

export type IdentityNumberResult =
  | {
      valid: true
      kind: IdentityNumberKind
      /** True for D-numbers, including synthetic ones (a test D-number adds 4 to the day too). */
      dNumber: boolean
      /** ISO date, YYYY-MM-DD. */
      birthDate: string
      /** False when the number passed only the 2032 rule, whose individual number no longer gives the century. */
      birthDateCertain: boolean
      checksumRule: 'classic' | 'from-2032'
      /** Whole years at `now` (Norway's date), or null when the birth date is after `now`. */
      age: number | null
    }
  | { valid: false; reason: string; problem: IdentityNumberProblem }

/** What is wrong with an invalid number, for a message in the reader's language (the web app's catalogue). */
export type IdentityNumberProblem =
  | 'not-digits' | 'length' | 'checksum' | 'old-h-number' | 'synthetic' | 'd-and-h'
  | 'month' | 'century' | 'date' | 'future'

function invalid(problem: IdentityNumberProblem, reason: string): IdentityNumberResult {
  return { valid: false, reason, problem }
}

/** The remainder (mod 11) of a weighted digit sum. */
function weightedRemainder(digits: number[], weights: number[]): number {
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!
  return sum % 11
}

/** Which checksum rule a number passes, or null when it passes none of those allowed. */
export function checksumRuleOf(digits: number[], allowFrom2032: boolean): 'classic' | 'from-2032' | null {
  if (weightedRemainder(digits, K2_WEIGHTS) !== 0) return null
  const k1Remainder = weightedRemainder(digits, K1_WEIGHTS)
  if (k1Remainder === 0) return 'classic'
  if (allowFrom2032 && k1Remainder <= 3) return 'from-2032'
  return null
}

/**
 * The classic century rule from the individual number and the two-digit year, or null when
 * the combination is not in use (e.g. individual number 750-899 with year 40-99).
 */
export function centuryOf(individual: number, year2: number): number | null {
  if (individual <= 499) return 1900
  if (individual <= 749 && year2 >= 54) return 1800
  if (year2 <= 39) return 2000 // 500-999 with year 00-39
  if (individual >= 900) return 1900 // 900-999 with year 40-99
  return null
}

const osloOffsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' })
const HOUR_MS = 3_600_000
let cachedHour = Number.NaN
let cachedOffsetMs = 0

/** Oslo's offset from UTC at an instant ("GMT+02:00" -> 2 hours), from the time-zone database. */
function osloOffsetMs(at: Date): number {
  const name = osloOffsetFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000
}

/**
 * The calendar date in Norway at an instant, as YYYY-MM-DD: a child turns 18 on Norway's
 * date, not UTC's. Norway changes offset only on a whole UTC hour, so the offset is looked
 * up once per hour (the time-zone lookup costs more than a whole rule evaluation's facts).
 */
export function osloDate(at: Date): string {
  const ms = at.getTime()
  const hour = Math.floor(ms / HOUR_MS)
  if (hour !== cachedHour) {
    cachedOffsetMs = osloOffsetMs(at)
    cachedHour = hour
  }
  return new Date(ms + cachedOffsetMs).toISOString().slice(0, 10)
}

/**
 * Whole years between an ISO birth date and an ISO date. Someone born 29 February has the
 * birthday on 1 March in other years (the day after 28 February), a conservative choice
 * for rights that end at 18. Null when the birth date is after the date.
 */
export function ageAt(birthDate: string, date: string): number | null {
  if (birthDate > date) return null
  // ISO dates compare as strings: the birthday has come when MM-DD is reached.
  const hadBirthday = date.slice(5) >= birthDate.slice(5)
  return Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (hadBirthday ? 0 : 1)
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Reads the kind and the real day and month from the encoded ones. */
function decodeDayMonth(
  day: number,
  month: number,
  allowSynthetic: boolean,
): { kind: IdentityNumberKind; dNumber: boolean; day: number; month: number } | { problem: IdentityNumberProblem; reason: string } {
  let dNumber = false
  if (day >= 41 && day <= 71) {
    dNumber = true
    day -= 40
  } else if (day >= 80) {
    return { problem: 'old-h-number', reason: 'the first digit is 8 or 9, an old-style H-number no longer in use' }
  }
  if (month >= 81 && month <= 92) {
    if (!allowSynthetic) return { problem: 'synthetic', reason: 'this is a synthetic test number (Skatteetaten Tenor), not accepted here' }
    return { kind: 'synthetic-tenor', dNumber, day, month: month - 80 }
  }
  if (month >= 41 && month <= 52) {
    if (allowSynthetic) return { kind: 'synthetic-dolly', dNumber, day, month: month - 40 }
    if (dNumber) return { problem: 'd-and-h', reason: 'a number cannot be both a D-number and an H-number' }
    return { kind: 'h-number', dNumber, day, month: month - 40 }
  }
  if (month < 1 || month > 12) return { problem: 'month', reason: 'the month part is not a month (01-12, or +40 or +80 for H-numbers and test numbers)' }
  return { kind: dNumber ? 'd-number' : 'fodselsnummer', dNumber, day, month }
}

/** Validates an identity number and reads its kind, birth date and age. Never throws. */
export function validateIdentityNumber(value: unknown, options: IdentityNumberOptions = {}): IdentityNumberResult {
  if (typeof value !== 'string') return invalid('length', 'an identity number must be a string of 11 digits')
  if (!/^\d{11}$/.test(value)) {
    return /^\d*$/.test(value) ? invalid('length', 'an identity number has 11 digits') : invalid('not-digits', 'an identity number has only digits')
  }
  const now = options.now ?? new Date()
  const today = osloDate(now)
  const checksum = options.checksum ?? 'auto'
  const allowFrom2032 = checksum === 'from-2032' || (checksum === 'auto' && today >= NEW_RULES_FROM)

  const digits: number[] = []
  for (let i = 0; i < 11; i++) digits.push(value.charCodeAt(i) - 48)
  const checksumRule = checksumRuleOf(digits, allowFrom2032)
  if (!checksumRule) return invalid('checksum', 'the control digits do not match (mod 11)')

  const decoded = decodeDayMonth(
    digits[0]! * 10 + digits[1]!,
    digits[2]! * 10 + digits[3]!,
    options.allowSynthetic ?? false,
  )
  if (!('kind' in decoded)) return invalid(decoded.problem, decoded.reason)

  const year2 = digits[4]! * 10 + digits[5]!
  const individual = digits[6]! * 100 + digits[7]! * 10 + digits[8]!
  let birthDate: string | null
  if (checksumRule === 'classic') {
    const century = centuryOf(individual, year2)
    if (century === null) {
      return invalid('century', `individual number ${String(individual).padStart(3, '0')} is not used with a birth year ending in ${String(year2).padStart(2, '0')}`)
    }
    birthDate = isoDate(century + year2, decoded.month, decoded.day)
    if (!birthDate) return invalid('date', 'the birth date part is not a real date')
    if (birthDate > today) return invalid('future', 'the birth date is in the future')
  } else {
    // The 2032 rule: the individual number says nothing about the century, so take the
    // latest birth date that is not in the future (and say it is uncertain).
    const thisCentury = Math.floor(Number(today.slice(0, 4)) / 100) * 100
    birthDate = isoDate(thisCentury + year2, decoded.month, decoded.day)
    if (birthDate && birthDate > today) birthDate = isoDate(thisCentury - 100 + year2, decoded.month, decoded.day)
    if (!birthDate) return invalid('date', 'the birth date part is not a real date')
  }

  return {
    valid: true,
    kind: decoded.kind,
    dNumber: decoded.dNumber,
    birthDate,
    birthDateCertain: checksumRule === 'classic',
    checksumRule,
    age: ageAt(birthDate, today),
  }
}

/** Shows the birth-date part only: `010190*****`. Anything not 11 digits is fully masked. */
export function maskIdentityNumber(value: string): string {
  if (/^\d{11}$/.test(value)) return `${value.slice(0, 6)}*****`
  return '*'.repeat(value.length)
}
