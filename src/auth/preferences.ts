// A person's choices in the web app (so far: bokmål or nynorsk), one row per username.
import type { Sql } from '../db/connect.js'

export const LANGUAGES = ['nb', 'nn'] as const
export type Language = (typeof LANGUAGES)[number]

export interface Preferences {
  language: Language
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'nb' }

export async function getPreferences(sql: Sql, username: string): Promise<Preferences> {
  const [row] = await sql<Preferences[]>`select language from user_preferences where username = ${username}`
  return row ?? DEFAULT_PREFERENCES
}

export async function savePreferences(sql: Sql, username: string, preferences: Preferences): Promise<Preferences> {
  const [row] = await sql<Preferences[]>`
    insert into user_preferences (username, language) values (${username}, ${preferences.language})
    on conflict (username) do update set language = excluded.language, updated_at = now()
    returning language`
  return row!
}
