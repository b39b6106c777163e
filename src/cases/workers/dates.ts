// Dates and times as a Norwegian reader expects them ("3. mars 2025 kl. 09:00"), Oslo time.
const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' })
const date = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' })

export const formatDateTime = (at: Date): string => dateTime.format(at)
/** A calendar date (YYYY-MM-DD) as "3. mars 2025". */
export const formatDate = (day: string): string => date.format(new Date(`${day}T12:00:00Z`))
