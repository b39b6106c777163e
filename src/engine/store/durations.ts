// ISO 8601 durations for a message's time to live: PnW, or PnDTnHnMnS (fractional seconds allowed).
// Years and months have no fixed length, so a time to live cannot use them.
const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/

/** Milliseconds, or null when `text` is not such a duration. */
export function durationMs(text: string): number | null {
  const match = DURATION.exec(text)
  if (!match || text === 'P' || text.endsWith('T')) return null
  const [, weeks, days, hours, minutes, seconds] = match
  const n = (value: string | undefined) => (value ? Number(value) : 0)
  return Math.round(((((n(weeks) * 7 + n(days)) * 24 + n(hours)) * 60 + n(minutes)) * 60 + n(seconds)) * 1000)
}
