// Who is signed in, in which language, and signing in and out. The session itself is an httpOnly
// cookie the page never sees; GET /api/auth/me tells whether there is one.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, call, onUnauthenticated, type paths } from './api/client.js'
import { I18nProvider, storeLanguage, storedLanguage, type Language } from './i18n/index.js'
import { navigate } from './router.js'

export type User = paths['/api/auth/me']['get']['responses'][200]['content']['application/json']
export type Role = User['roles'][number]

export interface Session {
  /** undefined while finding out, null when nobody is signed in. */
  user: User | null | undefined
  language: Language
  signIn(username: string, password: string): Promise<void>
  signOut(): Promise<void>
  setLanguage(language: Language): Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

/** The sign-in page's address that leads back to `url` afterwards. */
export const signInUrl = (url: string, reason?: 'utlopt' | 'utlogget') => {
  const query = new URLSearchParams()
  if (url && url !== '/' && !url.startsWith('/logg-inn')) query.set('neste', url)
  if (reason) query.set('grunn', reason)
  const text = query.toString()
  return `/logg-inn${text ? `?${text}` : ''}`
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined)
  const [language, setLanguageState] = useState<Language>(storedLanguage)

  const applyLanguage = useCallback((chosen: Language) => {
    setLanguageState(chosen)
    storeLanguage(chosen)
  }, [])

  const loadPreferences = useCallback(async () => {
    const preferences = await call(api.GET('/api/me/preferences'))
    applyLanguage(preferences.language)
  }, [applyLanguage])

  useEffect(() => {
    storeLanguage(language)
    onUnauthenticated(() => {
      setUser(null)
      const here = window.location.pathname + window.location.search
      if (!here.startsWith('/logg-inn')) navigate(signInUrl(here, 'utlopt'), { replace: true })
    })
    call(api.GET('/api/auth/me'))
      .then(async (me) => {
        setUser(me)
        await loadPreferences()
      })
      .catch(() => setUser(null))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const session = useMemo<Session>(() => ({
    user,
    language,
    async signIn(username, password) {
      const result = await call(api.POST('/api/auth/login', { body: { username, password, session: true } }))
      setUser(result.user)
      await loadPreferences()
    },
    async signOut() {
      await call(api.POST('/api/auth/logout'))
      setUser(null)
      navigate(signInUrl('', 'utlogget'))
    },
    async setLanguage(chosen) {
      applyLanguage(chosen)
      // Not saved (the server unreachable): the choice still holds in this browser.
      if (user) await call(api.PUT('/api/me/preferences', { body: { language: chosen } })).catch(() => {})
    },
  }), [user, language, loadPreferences, applyLanguage])

  return (
    <SessionContext.Provider value={session}>
      <I18nProvider language={language}>{children}</I18nProvider>
    </SessionContext.Provider>
  )
}
