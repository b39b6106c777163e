// Processing deadlines. The KE states 3-4 weeks' processing time, so the deadline is four weeks
// after the enquiry was received; a case not answered within one month gets an interim reply
// (forvaltningsloven § 11 a). Dates are Norway's calendar dates.
import { osloDate } from './identity.js'

export const PROCESSING_DAYS = 28

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  return iso(new Date(Date.UTC(y, m - 1, d + days)))
}

/** The same day a month later; the 31st of January gives the last day of February. */
export function addOneMonth(date: string): string {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(y, m, Math.min(d, lastDay))))
}

export function deadlinesFor(receivedOn: string): { deadline: string; interimReplyDue: string } {
  return { deadline: addDays(receivedOn, PROCESSING_DAYS), interimReplyDue: addOneMonth(receivedOn) }
}

/** Days seen lately: every enquiry asks for two, and finding one takes several time-zone lookups. */
const dayStarts = new Map<string, Date>()
const DAY_STARTS_KEPT = 1_000

/** The instant a calendar day starts in Norway (midnight Oslo time), for timers. */
export function startOfOsloDay(date: string): Date {
  let start = dayStarts.get(date)
  if (!start) {
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear()
    dayStarts.set(date, (start = findStartOfOsloDay(date)))
  }
  return new Date(start)
}

function findStartOfOsloDay(date: string): Date {
  const [y, m, d] = parts(date)
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d) - offsetHours * 3_600_000)
    if (osloDate(candidate) === date && osloDate(new Date(candidate.getTime() - 1)) !== date) return candidate
  }
  return new Date(Date.UTC(y, m - 1, d))
}

export { osloDate }
