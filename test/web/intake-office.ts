// A KE office for the intake group's and coordinators' browser tests: the real server with the KE
// process and its workers, a clock the test moves (a meeting begins, a deadline passes), and
// cases driven through the API to the step a page test starts from.
import * as assert from 'uvu/assert'
import type { Page } from 'playwright-core'
import { json } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { syntheticIdentityNumber } from '../../src/demo/identity-numbers.js'
import { webServer, type WebServer } from './helpers.js'

export interface Office {
  server: WebServer
  clock: { now: Date; advanceHours(hours: number): void }
  request(user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

export async function openOffice(): Promise<Office> {
  const clock = {
    now: new Date(),
    advanceHours(hours: number) {
      this.now = new Date(this.now.getTime() + hours * 3_600_000)
    },
  }
  const server = await webServer({}, { clock: () => clock.now, cases: true })
  const tokens: Record<string, string> = {}
  return {
    server,
    clock,
    async request(user, method, url, payload) {
      tokens[user] ??= await server.tokenFor(user)
      const response = await server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body ? json(response) : undefined }
    },
    close: () => server.close(),
  }
}

let seed = 100
export const identity = (birthDate: string) => syntheticIdentityNumber(birthDate, ++seed)

/** Needs across two sectors from two providers: complex, so the case goes to the intake group. */
export const COMPLEX_FACTS = {
  services: [
    { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true, coordinated: true },
    { name: 'Arbeidsavklaringspenger', sector: 'nav', provider: 'NAV Sentrum', longTerm: true, coordinated: true },
  ],
}

/** The open user task of a case at `elementId`, once the process has got there. */
export function openTask(office: Office, caseId: string, elementId: string): Promise<string> {
  return eventually(async () => {
    const [task] = await office.server.db.sql<{ key: string }[]>`
      select t.key::text from user_tasks t join cases c on c.instance_key = t.instance_key
      where c.id = ${caseId} and t.element_id = ${elementId} and t.state = 'created'`
    return task?.key
  })
}

export async function completeTask(office: Office, user: string, caseId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
  const key = await openTask(office, caseId, elementId)
  const response = await office.request(user, 'POST', `/api/user-tasks/${key}/complete`, { variables })
  assert.is(response.status, 200, `${elementId}: ${JSON.stringify(response.body)}`)
}

/** Registers an enquiry as kari and completes its registration: a complex one goes onto the next meeting's agenda. */
export async function registeredCase(office: Office, name: string, birthDate: string, facts: Record<string, unknown> = COMPLEX_FACTS, extra: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
  const response = await office.request('kari', 'POST', '/api/cases', {
    channel: 'nav-referral', sender: { name: 'Per Veileder', organisation: 'NAV Sentrum' },
    person: { identityNumber: identity(birthDate), name }, facts, consent: { consentGiven: true, ipDeclined: false }, ...extra,
  })
  assert.is(response.status, 201, JSON.stringify(response.body))
  const registered = response.body.case as { id: string; reference: string }
  await completeTask(office, 'kari', registered.id, 'verify', {
    channel: 'nav-referral', receivedDate: office.clock.now.toISOString().slice(0, 10), personName: name, language: 'nb',
    description: 'Trenger tjenester fra flere sektorer som må ses i sammenheng.',
  })
  return registered
}

/** Whether anything on the page reaches past the window's width (nothing may at 1024 px). */
export function overflowsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}

/** The focused element's outline, to check that keyboard focus is visible. */
export function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement
    if (!focused || focused === document.body) return 'none'
    const style = getComputedStyle(focused)
    return style.outlineStyle === 'none' || style.outlineWidth === '0px' ? (style.boxShadow === 'none' ? 'none' : style.boxShadow) : `${style.outlineStyle} ${style.outlineWidth}`
  })
}
