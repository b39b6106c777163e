// Timer values as Zeebe accepts them, read from text: an ISO 8601 date-time
// (timeDate), an ISO 8601 duration (timeDuration), and a cycle (timeCycle) as
// an ISO 8601 repetition (`R3/PT10M`, `R/PT1H`, `R2/2024-05-01T08:00:00Z/P1D`)
// or a cron expression in Spring's dialect, which Zeebe uses: six fields,
// seconds first, or a macro such as `@daily`.
//
// The model checks static values with these at deploy time; the runtime reads
// FEEL results with them when a timer opens.
import { CronExpressionParser } from 'cron-parser'
import type { TimerDefinition } from '../types.js'

export interface IsoDuration {
  readonly years: number
  readonly months: number
  readonly weeks: number
  readonly days: number
  /** Hours, minutes and seconds together. */
  readonly milliseconds: number
}

export type ParsedTimer =
  | { readonly kind: 'date'; readonly at: Date }
  | { readonly kind: 'duration'; readonly duration: IsoDuration }
  /** `repetitions` null: unbounded (`R/...`). `start` null: the first repetition is one interval after the timer opens. */
  | { readonly kind: 'cycle'; readonly repetitions: number | null; readonly start: Date | null; readonly interval: string }
  | { readonly kind: 'cron'; readonly cron: string }

export type TimerParse = { ok: true; timer: ParsedTimer } | { ok: false; error: string }

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|[+-]\d\d:\d\d)?(?:\[([^\]]+)\]|@(.+))?$/
// Spring's macros; cron-parser knows the first five by these names.
const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '@yearly',
  '@annually': '@yearly',
  '@monthly': '@monthly',
  '@weekly': '@weekly',
  '@daily': '@daily',
  '@midnight': '@daily',
  '@hourly': '@hourly',
}

export function parseTimer(timerType: TimerDefinition['timerType'], text: string): TimerParse {
  const value = text.trim()
  switch (timerType) {
    case 'date': {
      const at = parseDateTime(value)
      return at ? { ok: true, timer: { kind: 'date', at } } : { ok: false, error: `'${value}' is not an ISO 8601 date-time with an offset, such as 2024-05-01T10:00:00Z` }
    }
    case 'duration': {
      const duration = parseDuration(value)
      if (!duration) return { ok: false, error: `'${value}' is not an ISO 8601 duration, such as PT10M or P3D` }
      if (isZero(duration)) return { ok: false, error: `the duration '${value}' is zero` }
      return { ok: true, timer: { kind: 'duration', duration } }
    }
    case 'cycle':
      return value.startsWith('R') ? parseRepetition(value) : parseCron(value)
  }
}

export function parseDuration(text: string): IsoDuration | null {
  const match = DURATION.exec(text.trim())
  if (!match) return null
  const number = (index: number) => Number((match[index] ?? '0').replace(',', '.'))
  return {
    years: number(1),
    months: number(2),
    weeks: number(3),
    days: number(4),
    milliseconds: Math.round(((number(5) * 60 + number(6)) * 60 + number(7)) * 1000),
  }
}

/** Calendar-aware, as java.time: a month after 31 January is the last day of February. */
export function addDuration(date: Date, duration: IsoDuration): Date {
  const result = new Date(date.getTime())
  const months = duration.years * 12 + duration.months
  if (months !== 0) {
    const day = result.getUTCDate()
    result.setUTCDate(1)
    result.setUTCMonth(result.getUTCMonth() + months)
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
    result.setUTCDate(Math.min(day, lastDay))
  }
  if (duration.weeks !== 0 || duration.days !== 0) result.setUTCDate(result.getUTCDate() + duration.weeks * 7 + duration.days)
  return new Date(result.getTime() + duration.milliseconds)
}

/** Fixed-length durations (no years or months) in milliseconds; null when the length depends on the calendar. */
export function fixedLength(duration: IsoDuration): number | null {
  if (duration.years !== 0 || duration.months !== 0) return null
  return (duration.weeks * 7 + duration.days) * 86_400_000 + duration.milliseconds
}

/**
 * An ISO 8601 date-time with `Z` or an offset, optionally followed by a zone id
 * (`[Europe/Oslo]`, or FEEL's `@Europe/Oslo`); a zone id alone gives the offset.
 */
export function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text.trim())
  if (!match) return null
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset, bracketZone, atZone] = match
  const zone = bracketZone ?? atZone
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(`0.${fraction}`) * 1000)
  if (Number.isNaN(local)) return null
  if (offset !== undefined) {
    if (offset === 'Z') return new Date(local)
    const sign = offset.startsWith('-') ? -1 : 1
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))
    return new Date(local - sign * minutes * 60_000)
  }
  if (zone === undefined) return null
  const zoneOffset = offsetOf(zone, local)
  return zoneOffset === null ? null : new Date(local - zoneOffset)
}

/** The zone's offset from UTC in ms at (about) the given local time; null for an unknown zone. */
function offsetOf(zone: string, localMs: number): number | null {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  } catch {
    return null
  }
  const at = (ms: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]))
    return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second'])) - ms
  }
  // Two rounds settle the offset across a daylight-saving change.
  const first = at(localMs)
  return at(localMs - first)
}

function parseRepetition(value: string): TimerParse {
  const parts = value.split('/')
  const count = /^R(\d*)$/.exec(parts[0] ?? '')
  const bad = (why: string): TimerParse => ({ ok: false, error: `'${value}' is not a valid ISO 8601 repeating interval (${why}); write it as R<n>/<duration>, R/<duration> or R<n>/<start date-time>/<duration>` })
  if (!count || parts.length < 2 || parts.length > 3) return bad('expected R<n>/ followed by a duration')
  const repetitions = count[1] === '' ? null : Number(count[1])
  if (repetitions === 0) return bad('zero repetitions')
  let start: Date | null = null
  if (parts.length === 3) {
    start = parseDateTime(parts[1] as string)
    if (!start) return bad(`'${parts[1]}' is not a date-time with an offset`)
  }
  const interval = (parts[parts.length - 1] as string).trim()
  const duration = parseDuration(interval)
  if (!duration) return bad(`'${interval}' is not a duration`)
  if (isZero(duration)) return bad('the interval is zero')
  return { ok: true, timer: { kind: 'cycle', repetitions, start, interval } }
}

function parseCron(value: string): TimerParse {
  const macro = CRON_MACROS[value.toLowerCase()]
  if (macro) return { ok: true, timer: { kind: 'cron', cron: macro } }
  const fields = value.split(/\s+/)
  if (fields.length !== 6) {
    return {
      ok: false,
      error: `'${value}' is neither an ISO 8601 repeating interval (R<n>/<duration>) nor a cron expression: Zeebe's cron has six fields (second minute hour day-of-month month day-of-week), found ${fields.length}`,
    }
  }
  // cron-parser's H picks a random value; Spring has no such thing.
  if (/H/.test(value.replace(/[A-Z]{3}/g, ''))) return { ok: false, error: `the cron expression '${value}' uses H, which Zeebe does not accept` }
  try {
    CronExpressionParser.parse(value, { tz: 'UTC' })
  } catch (error) {
    return { ok: false, error: `the cron expression '${value}' does not parse: ${error instanceof Error ? error.message : String(error)}` }
  }
  return { ok: true, timer: { kind: 'cron', cron: value } }
}

/** The first cron time strictly after `after`, in UTC. */
export function nextCron(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: 'UTC' }).next().toDate()
}

function isZero(duration: IsoDuration): boolean {
  return duration.years === 0 && duration.months === 0 && duration.weeks === 0 && duration.days === 0 && duration.milliseconds === 0
}
