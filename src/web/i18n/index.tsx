// The one catalogue: t(key, values) in the reader's language, and dates and numbers in Norwegian
// form. The language is the signed-in person's preference (kept on the server); before sign-in,
// the last one chosen in this browser.
import { createContext, useContext, type ReactNode } from 'react'
import { nb, type Catalogue, type MessageKey } from './nb.js'
import { nn } from './nn.js'

export type Language = 'nb' | 'nn'
export const LANGUAGES: readonly Language[] = ['nb', 'nn']
const CATALOGUES: Record<Language, Catalogue> = { nb, nn }
const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO' }
const STORED = 'samflyt.language'

export type Values = Record<string, string | number>
export type Translate = (key: MessageKey, values?: Values) => string

export function translate(language: Language, key: MessageKey, values: Values = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

export interface I18n {
  language: Language
  t: Translate
  formatDate(value: string | Date | null | undefined): string
  formatDateTime(value: string | Date | null | undefined): string
  formatNumber(value: number): string
}

export function i18nFor(language: Language): I18n {
  const locale = LOCALES[language]
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' })
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' })
  const number = new Intl.NumberFormat(locale)
  const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value)
  return {
    language,
    t: (key, values) => translate(language, key, values),
    formatDate: (value) => (value ? date.format(asDate(value)) : ''),
    formatDateTime: (value) => (value ? dateTime.format(asDate(value)) : ''),
    formatNumber: (value) => number.format(value),
  }
}

const I18nContext = createContext<I18n>(i18nFor('nb'))

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <I18nContext.Provider value={i18nFor(language)}>{children}</I18nContext.Provider>
}

export const useI18n = () => useContext(I18nContext)
export const useT = () => useContext(I18nContext).t

/** The language this browser last used (before anyone signs in). */
export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORED)
  return stored === 'nn' ? 'nn' : 'nb'
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORED, language)
  document.documentElement.lang = language
}

export type { MessageKey }
