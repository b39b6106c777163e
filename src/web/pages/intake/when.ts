// A meeting's time as the group says it: "tirsdag 8. desember 2026 kl. 09:00", in Oslo time.
import type { Language } from '../../i18n/index.js'

const formats = new Map<Language, Intl.DateTimeFormat>()

export function meetingWhen(language: Language, at: string): string {
  let format = formats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'nn' ? 'nn-NO' : 'nb-NO', {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo',
    })
    formats.set(language, format)
  }
  return format.format(new Date(at))
}
