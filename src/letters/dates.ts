// Dates as a Norwegian letter writes them: "23. november 2026" (the month names are the same
// in bokmål and nynorsk). Input is a calendar date, YYYY-MM-DD, never a time.
import { SamflytError } from '../errors.js'

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

export function formatDate(value: string): string {
  if (!isCalendarDate(value)) throw new SamflytError('SAMFLYT_VALIDATION', `"${value}" is not a date (YYYY-MM-DD)`)
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  return `${day}. ${MONTHS[month - 1]} ${year}`
}

/** Today's date in Norway, YYYY-MM-DD: a letter is dated where it is written. */
export function osloDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}
