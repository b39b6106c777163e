// Every page of the web app: its path, who may use it, its title and, for the pages offered in
// the main menu, its menu label. Pages load on demand (one bundle each). The server answers the
// same paths with index.html (src/api/routes/web.ts: WEB_PATHS).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { MessageKey } from './i18n/index.js'
import type { Role } from './session.js'

export interface PageProps {
  params: Record<string, string>
}

export interface PageRoute {
  path: string
  /** Who may use the page; the menu offers it only to them, and anyone else is told it is not for them. */
  roles: readonly Role[]
  title: MessageKey
  /** Shown in the main menu with this label (pages with parameters are reached by links). */
  nav?: MessageKey
  page: LazyExoticComponent<ComponentType<PageProps>>
}

const TASK_WORKERS = ['caseworker', 'intake-group', 'coordinator', 'admin'] as const
const CASE_READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
const CASE_WRITERS = ['caseworker', 'admin'] as const
/** The case pages: caseworkers (their unit's cases), coordinators (their own) and admins. */
const CASE_WORKERS = ['caseworker', 'coordinator', 'admin'] as const
const MEETING_READERS = ['caseworker', 'intake-group', 'auditor', 'admin'] as const
const COORDINATOR_READERS = ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'] as const
const HISTORY_READERS = ['caseworker', 'auditor', 'admin'] as const
const PROCESS_OWNERS = ['process-owner', 'admin'] as const

export const ROUTES: PageRoute[] = [
  { path: '/oppgaver', roles: TASK_WORKERS, title: 'page.tasks.title', nav: 'nav.tasks', page: lazy(() => import('./pages/tasks.js')) },
  { path: '/oppgaver/:key', roles: TASK_WORKERS, title: 'page.task.title', page: lazy(() => import('./pages/task.js')) },
  { path: '/saker', roles: CASE_WORKERS, title: 'page.cases.title', nav: 'nav.cases', page: lazy(() => import('./pages/cases/cases.js')) },
  { path: '/saker/ny', roles: CASE_WRITERS, title: 'page.newCase.title', nav: 'nav.newCase', page: lazy(() => import('./pages/cases/new-case.js')) },
  { path: '/saker/:id', roles: CASE_WORKERS, title: 'page.case.title', page: lazy(() => import('./pages/cases/case.js')) },
  { path: '/saker/:id/historikk', roles: HISTORY_READERS, title: 'page.caseHistory.title', page: lazy(() => import('./pages/case-history.js')) },
  { path: '/mottaksgruppe', roles: MEETING_READERS, title: 'page.intakeGroup.title', nav: 'nav.intakeGroup', page: lazy(() => import('./pages/intake/meetings.js')) },
  { path: '/mottaksgruppe/:meetingId', roles: MEETING_READERS, title: 'page.meeting.title', page: lazy(() => import('./pages/intake/meeting.js')) },
  { path: '/koordinatorer', roles: COORDINATOR_READERS, title: 'page.coordinators.title', nav: 'nav.coordinators', page: lazy(() => import('./pages/coordinators/coordinators.js')) },
  { path: '/prosesser', roles: PROCESS_OWNERS, title: 'page.processes.title', nav: 'nav.processes', page: lazy(() => import('./pages/processes.js')) },
]

/** The route for a path (static segments win over parameters: /saker/ny before /saker/:id). */
export function findRoute(path: string, match: (pattern: string, path: string) => Record<string, string> | null) {
  for (const route of ROUTES) {
    const params = match(route.path, path)
    if (params) return { route, params }
  }
  return null
}

export const mayUse = (route: PageRoute, roles: readonly Role[]) => route.roles.some((role) => roles.includes(role))
