// Who does what on the intake group's pages, as the API decides it: the KE's caseworkers are the
// group's secretary (they schedule meetings and set agendas); the group's members record its
// outcome in the task meant for them (admins may step in). The page offers only what the person
// may do; the server decides.
import type { Role } from '../../session.js'

const SECRETARIES: readonly Role[] = ['caseworker', 'admin']
const RECORDERS: readonly Role[] = ['intake-group', 'admin']

export const isSecretary = (roles: readonly Role[]) => roles.some((role) => SECRETARIES.includes(role))
/** A case put on the agenda by hand has no task: its outcome goes into the minutes, which the secretary keeps too. */
const MINUTE_KEEPERS: readonly Role[] = ['caseworker', 'intake-group', 'admin']

export const recordsOutcomes = (roles: readonly Role[]) => roles.some((role) => RECORDERS.includes(role))
export const keepsMinutes = (roles: readonly Role[]) => roles.some((role) => MINUTE_KEEPERS.includes(role))
