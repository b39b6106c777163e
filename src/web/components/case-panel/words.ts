// How the case panel and the case pages say a case's codes in words: statuses, channels, days left.
import type { MessageKey, Translate } from '../../i18n/index.js'
import { nb } from '../../i18n/nb.js'
import { osloDate } from '../../../shared/identity.js'

/** The catalogue's word for a code (`status.closed`), or the code itself when there is none. */
export function word(t: Translate, prefix: string, code: string | null | undefined): string {
  if (!code) return ''
  const key = `${prefix}.${code}`
  return key in nb ? t(key as MessageKey) : code
}

const DAY_MS = 86_400_000

/** Whole days from today (Norway's date) to a YYYY-MM-DD deadline; negative when it has passed. */
export function daysUntil(deadline: string, now = new Date()): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${osloDate(now)}T00:00:00Z`)) / DAY_MS)
}

export function daysLeftText(t: Translate, deadline: string, now = new Date()): string {
  const days = daysUntil(deadline, now)
  if (days > 1) return t('casePanel.daysLeft', { days })
  if (days === 1) return t('casePanel.oneDayLeft')
  if (days === 0) return t('casePanel.dueToday')
  return t('casePanel.overdue', { days: -days })
}

export const CLOSED_STATUSES = ['closed', 'withdrawn', 'linked']
