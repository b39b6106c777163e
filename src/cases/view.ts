// What a reader sees of a case: the case, the person (identity number masked unless the reader's
// role needs it), guardians, consent, the open tasks, the rules' decisions with their reasons,
// the caseworker's decision, the coordinator, the intake group's outcome, and what was sent.
// Who may read which case is decided in case-access.ts, so every route applies the same rule.
import type { Sql } from '../db/connect.js'
import type { Principal } from '../auth/roles.js'
import { SamflytError, notFound } from '../errors.js'
import { maskIdentityNumber } from './identity.js'
import { getCase, type CaseRow } from './cases.js'
import { getPerson, listGuardians } from './people.js'
import { getConsent } from './consents.js'
import { getCoordinator } from './coordinators.js'
import { checkCaseAccess } from './case-access.js'
import { agendaItemsOfCase } from './meetings.js'
import { listNotifications } from './notifications.js'
import { recordCaseReads } from './access-log.js'
import { discussedAnonymously } from './meeting-held.js'

/** Roles that see the full identity number: whoever registers and writes to the person. */
const FULL_IDENTITY = ['caseworker', 'admin'] as const

export const seesFullIdentity = (principal: Principal) => principal.roles.some((r) => (FULL_IDENTITY as readonly string[]).includes(r))

/** Who may read which case is decided in one place (case-access.ts); re-exported for the routes that import it from here. */
export { checkCaseAccess }

export interface CaseView {
  id: string
  reference: string
  status: string
  [key: string]: unknown
}

/**
 * `masked`: show identity numbers masked even to a reader who may see them in full (the web app
 * does, and reveals a number only with a stated reason: revealIdentity).
 */
export async function readCase(sql: Sql, id: string, principal: Principal, purpose: string, options: { masked?: boolean } = {}): Promise<CaseView> {
  const row = await getCase(sql, id)
  if (!row) throw notFound('Case', id)
  await checkCaseAccess(sql, principal, row)
  const full = seesFullIdentity(principal) && !options.masked
  await recordCaseReads(sql, [row.id], { principal, purpose, fullIdentity: full })

  const person = (await getPerson(sql, row.personId))!
  // A case the intake group discusses anonymously: its members see no one's identity.
  const anonymous = !knowsWhoInAnonymousCases(principal) && (await discussedAnonymously(sql, row.id))
  if (anonymous) {
    const shown = present(row)
    // The same shape as a full view, with nothing that could tell who the person is: no name,
    // no guardians, no sender's name, no free text; only the needs the group is asked about.
    return {
      ...shown,
      sender: { ...shown.sender, name: null },
      anonymous: true,
      person: null,
      guardians: [],
      consent: null,
      facts: row.facts.services ? { services: row.facts.services.map((s) => ({ sector: s.sector, longTerm: s.longTerm, coordinated: s.coordinated })) } : {},
      summary: null,
      tasks: [],
      ruleDecisions: [],
      decision: null,
      coordinator: null,
      intakeGroup: (await agendaItemsOfCase(sql, row.id)).map((item) => ({ ...item })),
      notifications: [],
      linkedCases: [],
    }
  }
  const guardians = await listGuardians(sql, row.personId)
  const consent = await getConsent(sql, row.id)
  const coordinator = row.coordinatorId ? await getCoordinator(sql, row.coordinatorId) : undefined
  const tasks = row.instanceKey
    ? await sql`
        select key::text, element_id as "elementId", name, assignee, candidate_groups as "candidateGroups", due_date as "dueDate",
               priority, form_id as "formId", created_at as "createdAt"
        from user_tasks where instance_key = ${row.instanceKey} and state = 'created' order by key`
    : []
  const decisions = row.instanceKey
    ? await sql`
        select id::text, rule_set_id as "ruleSetId", version, element_id as "elementId", events, reasons, evaluated_at as "evaluatedAt"
        from decisions where process_instance_key = ${row.instanceKey} order by id`
    : []
  const linked = await sql<{ id: string; reference: string; status: string }[]>`
    select id::text, reference, status from cases where linked_case_id = ${row.id} or id = ${row.linkedCaseId} order by id`
  return {
    ...present(row),
    person: {
      name: person.name,
      identityNumber: full ? person.identityNumber : maskIdentityNumber(person.identityNumber),
      identityKind: person.identityKind,
      birthDate: person.birthDate,
      language: person.language,
      address: full ? person.address : null,
      postalCode: full ? person.postalCode : null,
      city: full ? person.city : null,
    },
    guardians: guardians.map((g) => ({ ...g, identityNumber: g.identityNumber ? (full ? g.identityNumber : maskIdentityNumber(g.identityNumber)) : null })),
    consent: consent ?? null,
    facts: row.facts,
    summary: row.summary,
    tasks: [...tasks],
    ruleDecisions: [...decisions],
    decision: row.decision ? { outcome: row.decision, rights: row.rights, reason: row.decisionReason, decidedAt: row.decidedAt, decidedBy: row.decidedBy } : null,
    coordinator: coordinator ? { id: coordinator.id, name: coordinator.name, unit: coordinator.unit, appointedAt: row.coordinatorAppointedAt } : null,
    intakeGroup: (await agendaItemsOfCase(sql, row.id)).map((item) => ({ ...item })),
    notifications: (await listNotifications(sql, row.id)).map((n) => ({ ...n })),
    linkedCases: [...linked],
  }
}

/** Who may see whom a case is about when the intake group discusses it anonymously: the KE's own caseworkers, admins and auditors. */
export function knowsWhoInAnonymousCases(principal: Principal): boolean {
  return principal.roles.some((r) => r === 'caseworker' || r === 'admin' || r === 'auditor')
}

/** The fields of a case that every list and view shows (no identity number, no health data). */
export function present(row: CaseRow) {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    sender: { role: row.senderRole, name: row.senderName, organisation: row.senderOrganisation },
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    interimReplyDue: row.interimReplyDue,
    status: row.status,
    route: row.route,
    unit: row.unit,
    language: row.language,
    instanceKey: row.instanceKey,
    linkedCaseId: row.linkedCaseId,
    ipPartClosed: row.ipPartClosed,
    interimReplySentAt: row.interimReplySentAt,
    escalatedAt: row.escalatedAt,
    withdrawnReason: row.withdrawnReason,
    closedAt: row.closedAt,
    sharing: { basis: row.sharingBasis, note: row.sharingNote },
    createdAt: row.createdAt,
  }
}

/**
 * The full identity numbers of a case's person and guardians, for a reader who may see them and
 * says why; the read and the reason go into the access log.
 */
export async function revealIdentity(sql: Sql, id: string, principal: Principal, reason: string) {
  const row = await getCase(sql, id)
  if (!row) throw notFound('Case', id)
  await checkCaseAccess(sql, principal, row)
  if (!seesFullIdentity(principal)) throw forbidden('Only caseworkers and admins see full identity numbers')
  const person = (await getPerson(sql, row.personId))!
  const guardians = await listGuardians(sql, row.personId)
  await recordCaseReads(sql, [row.id], { principal, purpose: `Identity number shown: ${reason}`, fullIdentity: true })
  return {
    identityNumber: person.identityNumber,
    guardians: guardians.filter((g) => g.identityNumber).map((g) => ({ id: g.id, identityNumber: g.identityNumber! })),
  }
}

export function forbidden(message: string): SamflytError {
  return new SamflytError('SAMFLYT_FORBIDDEN', message)
}
