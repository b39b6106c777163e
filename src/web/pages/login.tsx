// /logg-inn: username and password (and the municipality's own sign-in when OpenID Connect is
// configured), then back to the page the person came from (?neste=).
import { useState, type FormEvent } from 'react'
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { ApiError, api, call } from '../api/client.js'
import { useApi } from '../components/use-api.js'
import { useI18n } from '../i18n/index.js'
import { Redirect, navigate, useLocation } from '../router.js'
import { useSession } from '../session.js'
import { LanguageChoice } from '../components/layout.js'
import { describeError } from '../components/error-message.js'
import { PageTitle } from '../components/page-title.js'

/** Only a path of our own, so a crafted link cannot send a person elsewhere after sign-in. */
export function nextPath(search: URLSearchParams): string {
  const next = search.get('neste')
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/logg-inn') ? next : '/'
}

export default function LoginPage() {
  const { t } = useI18n()
  const session = useSession()
  const { search } = useLocation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const next = nextPath(search)
  const reason = search.get('grunn')
  const provider = useApi(() => call(api.GET('/api/auth/oidc')), [])

  if (session.user) return <Redirect to={next} />

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!username.trim() || !password) return setProblem(t('login.required'))
    setBusy(true)
    setProblem(null)
    try {
      await session.signIn(username.trim(), password)
      navigate(next, { replace: true })
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 401 ? t('login.wrong') : describeError(error, t))
      setBusy(false)
    }
  }

  return (
    <main id="innhold" className="sf-login">
      <div className="sf-login-language"><LanguageChoice /></div>
      <PageTitle>{t('login.title')}</PageTitle>
      <Paragraph>{t('login.intro')}</Paragraph>
      {reason === 'utlopt' && <Alert data-color="warning">{t('login.expired')}</Alert>}
      {reason === 'utlogget' && <Alert data-color="info">{t('login.signedOut')}</Alert>}
      {reason === 'oidc-feil' && <Alert data-color="danger">{t('login.oidcFailed')}</Alert>}
      {provider.data?.enabled && (
        <>
          <Button asChild variant="primary">
            <a href={`/api/auth/oidc/start?${new URLSearchParams({ neste: next })}`}>{t('login.oidc', { provider: provider.data.name ?? t('login.oidcDefault') })}</a>
          </Button>
          <Paragraph>{t('login.or')}</Paragraph>
        </>
      )}
      <form onSubmit={submit} noValidate className="sf-stack">
        <Textfield label={t('login.username')} name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required />
        <Textfield label={t('login.password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        {problem && (
          <Alert data-color="danger" role="alert">
            <Heading level={2} data-size="2xs">{problem}</Heading>
          </Alert>
        )}
        <Button type="submit" loading={busy} aria-disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</Button>
      </form>
    </main>
  )
}
