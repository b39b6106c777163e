// The shell: who is signed in decides between the sign-in page and the page the path names, which
// is shown only to the roles it is for (others are told so in words).
import { Suspense } from 'react'
import { Spinner } from '@digdir/designsystemet-react'
import { useI18n } from './i18n/index.js'
import { Redirect, matchPath, useLocation } from './router.js'
import { ROUTES, findRoute, mayUse } from './routes.js'
import { signInUrl, useSession } from './session.js'
import { Layout } from './components/layout.js'
import LoginPage from './pages/login.js'
import { ForbiddenPage, NoPagesPage, NotFoundPage } from './pages/not-available.js'

export function Loading() {
  const { t } = useI18n()
  return <Spinner aria-label={t('app.loading')} data-size="lg" />
}

export function App() {
  const { user } = useSession()
  const { path, url } = useLocation()
  if (user === undefined) return <Loading />
  if (path === '/logg-inn') return <LoginPage />
  if (user === null) return <Redirect to={signInUrl(url)} />
  if (path === '/') {
    const home = ROUTES.find((route) => route.nav && mayUse(route, user.roles))
    return home ? <Redirect to={home.path} /> : <Layout><NoPagesPage /></Layout>
  }
  const found = findRoute(path, matchPath)
  if (!found) return <Layout><NotFoundPage path={path} /></Layout>
  const { route, params } = found
  if (!mayUse(route, user.roles)) return <Layout><ForbiddenPage route={route} params={params} /></Layout>
  const Page = route.page
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Page key={url.split('?')[0]} params={params} />
      </Suspense>
    </Layout>
  )
}
