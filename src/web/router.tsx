// A small router over the History API: paths like /oppgaver/:key, links that do not reload the
// page, and navigate(). The route table is routes.ts.
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())
window.addEventListener('popstate', notify)

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const currentUrl = () => window.location.pathname + window.location.search

/** The current path and query string; re-renders when they change. */
export function useLocation(): { path: string; search: URLSearchParams; url: string } {
  const url = useSyncExternalStore(subscribe, currentUrl)
  const parsed = new URL(url, window.location.origin)
  return { path: parsed.pathname, search: parsed.searchParams, url }
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.scrollTo(0, 0)
  notify()
}

/** Parameters of `pattern` (e.g. /saker/:id) in `path`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (const [index, part] of want.entries()) {
    const actual = have[index]!
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual)
    else if (part !== actual) return null
  }
  return params
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={follow} {...rest} />
}

/** Go to `to` as soon as rendered (for pages that only forward). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return null
}
