// Driving KE cases end to end through the API: intake, the task list, the case view. The engine
// clock is the test's own, so a month can pass without waiting for one.
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { syntheticIdentityNumber } from '../../src/demo/identity-numbers.js'

export interface Office {
  t: TestApp
  auth: Record<string, { authorization: string }>
  clock: { now: Date; advanceDays(days: number): void }
  close(): Promise<void>
}

export async function openOffice(): Promise<Office> {
  const clock = {
    now: new Date(),
    advanceDays(days: number) {
      this.now = new Date(this.now.getTime() + days * 86_400_000)
    },
  }
  const t = await testApp({}, { clock: () => clock.now, cases: true })
  const auth: Office['auth'] = {}
  // siri is the second caseworker, for the four eyes on the decision letter.
  for (const user of ['kari', 'siri', 'ola', 'ingrid', 'per', 'randi', 'admin']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
  return { t, auth, clock, close: () => t.close() }
}

let seed = 0
export const identity = (birthDate: string) => syntheticIdentityNumber(birthDate, ++seed)

export const SIMPLE_FACTS = {
  services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: false }],
}

/** Long-term needs from two providers in one sector, to be seen together: a right to an IP and a coordinator, not complex. */
export const COORDINATED_FACTS = {
  services: [
    { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: true },
    { name: 'Rehabilitering', sector: 'health-and-care', provider: 'Helse Bergen', longTerm: true, coordinated: true },
  ],
}

export const COMPLEX_FACTS = {
  services: [
    { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: true },
    { name: 'Arbeidsavklaringspenger', sector: 'nav', provider: 'NAV Sentrum', longTerm: true, coordinated: true },
  ],
}

export async function registerCase(office: Office, body: Record<string, unknown>) {
  const response = await office.t.app.inject({ method: 'POST', url: '/api/cases', headers: office.auth.kari, payload: body })
  assert.is(response.statusCode, 201, response.body)
  return json(response) as { case: { id: string; reference: string; status: string }; linkedTo: { id: string } | null }
}

export async function readCase(office: Office, id: string, user = 'kari') {
  const response = await office.t.app.inject({ url: `/api/cases/${id}`, headers: office.auth[user] })
  assert.is(response.statusCode, 200, response.body)
  return json(response)
}

/** Waits until the case has an open task on `elementId`, and returns it. */
export function taskOf(office: Office, caseId: string, elementId: string) {
  return eventually(async () => {
    const [task] = await office.t.db.sql<{ key: string }[]>`
      select t.key::text from user_tasks t join cases c on c.instance_key = t.instance_key
      where c.id = ${caseId} and t.element_id = ${elementId} and t.state = 'created'`
    return task?.key
  })
}

export async function completeTask(office: Office, caseId: string, elementId: string, user: string, variables: Record<string, unknown>) {
  const key = await taskOf(office, caseId, elementId)
  const response = await office.t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/complete`, headers: office.auth[user], payload: { variables } })
  assert.is(response.statusCode, 200, `${elementId}: ${response.body}`)
}

export function statusOf(office: Office, caseId: string, status: string) {
  return eventually(async () => {
    const [row] = await office.t.db.sql<{ status: string }[]>`select status from cases where id = ${caseId}`
    return row?.status === status ? row : undefined
  })
}

export async function instanceEnded(office: Office, caseId: string) {
  return eventually(async () => {
    const [row] = await office.t.db.sql<{ status: string }[]>`
      select i.status from process_instances i join cases c on c.instance_key = i.key where c.id = ${caseId}`
    return row && row.status !== 'active' ? row.status : undefined
  })
}

export const registration = (overrides: Record<string, unknown> = {}) => ({
  channel: 'application',
  receivedDate: new Date().toISOString().slice(0, 10),
  language: 'nb',
  description: 'Søker om koordinerte tjenester etter hjerneslag.',
  ...overrides,
})

export const assessment = (rights: { ip: string; coordinator: string; child?: string }) => ({
  assessment: 'Saksbehandlers vurdering av behovene i saken, med grunnlag i opplysningene.',
  individualPlanRight: rights.ip,
  coordinatorRight: rights.coordinator,
  childCoordinatorRight: rights.child ?? 'not-relevant',
  reasons: 'Begrunnelsen for vedtaket, slik den skal stå i vedtaksbrevet.',
})

/** Consent that covers sharing with the intake group and the agencies (a complex case needs it, or another basis, to go there). */
export const CONSENT_TO_SHARE = { consentGiven: true, ipDeclined: false, scope: ['individual-plan', 'coordinator', 'information-sharing'] }

export const ATTENDEES = 'Ola Hansen, PPT\nKari Nordmann, koordinerende enhet'

/** The intake group's outcome, recorded in the meeting: the clock is moved to an hour after it began. */
export async function recordIntakeOutcome(office: Office, caseId: string, variables: Record<string, unknown>, user = 'ola') {
  const key = await taskOf(office, caseId, 'intakeMeeting')
  const [task] = await office.t.db.sql<{ variables: { meetingAt: string } }[]>`select variables from user_tasks where key = ${key}`
  const begun = new Date(new Date(task!.variables.meetingAt).getTime() + 3_600_000)
  if (office.clock.now < begun) office.clock.now = begun
  await completeTask(office, caseId, 'intakeMeeting', user, { meetingAttendees: ATTENDEES, ...variables })
}
