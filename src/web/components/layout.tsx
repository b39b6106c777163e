// Every signed-in page: a skip link, the header with the main menu (only the pages this person may
// use), the language choice and sign-out, and the page itself in <main>.
import type { ReactNode } from 'react'
import { Button, SkipLink } from '@digdir/designsystemet-react'
import { useI18n, LANGUAGES } from '../i18n/index.js'
import { Link, useLocation } from '../router.js'
import { ROUTES, mayUse } from '../routes.js'
import { useSession } from '../session.js'

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const session = useSession()
  const { path } = useLocation()
  const user = session.user
  const menu = user ? ROUTES.filter((route) => route.nav && mayUse(route, user.roles)) : []
  return (
    <>
      <SkipLink href="#innhold">{t('app.skipToContent')}</SkipLink>
      <header className="sf-header">
        <div className="sf-topbar">
          <Link href="/" className="sf-brand">{t('app.name')}</Link>
          <div className="sf-user">
            <LanguageChoice />
            {user && (
              <>
                <span className="sf-user-name">{t('nav.signedInAs', { name: user.displayName })}</span>
                <Button variant="secondary" data-size="sm" onClick={() => void session.signOut()}>{t('nav.signOut')}</Button>
              </>
            )}
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="sf-nav">
          <ul>
            {menu.map((route) => (
              <li key={route.path}>
                <Link href={route.path} aria-current={isCurrent(route.path, path) ? 'page' : undefined}>{t(route.nav!)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="innhold" className="sf-main" tabIndex={-1}>{children}</main>
    </>
  )
}

/** A menu entry is current on its own page and on the pages below it (/saker/ny has its own entry). */
function isCurrent(entry: string, path: string): boolean {
  if (path === entry) return true
  if (entry === '/saker') return path.startsWith('/saker/') && path !== '/saker/ny'
  return path.startsWith(`${entry}/`)
}

/** Bokmål or nynorsk, remembered for the person (and for this browser before sign-in). */
export function LanguageChoice() {
  const { t, language } = useI18n()
  const session = useSession()
  return (
    <div role="group" aria-label={t('nav.language')} className="sf-language">
      {LANGUAGES.map((choice) => (
        <Button
          key={choice}
          variant={choice === language ? 'primary' : 'tertiary'}
          data-size="sm"
          aria-pressed={choice === language}
          lang={choice}
          onClick={() => void session.setLanguage(choice)}
        >
          {t(`language.${choice}`)}
        </Button>
      ))}
    </div>
  )
}
