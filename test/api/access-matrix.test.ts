// The access matrix: every route in the OpenAPI document, as every role, against a case of the
// reader's own unit, a case of another unit, and something of no case. For each cell: never a
// 5xx; a role the route does not declare gets 403; no answer holds a person's name unless the
// reader may read that person's case (the rule written out below, by hand, not taken from the
// code under test); every answer that does show it is in the case's access log; a reader who
// may not read the case gets 404 (process owners: the instance or task without its variables).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Role } from '../../src/auth/roles.js'
import { openAccessOffice, readsOf, type AccessOffice, type Target } from './access-fixture.js'

let office: AccessOffice
test.before(async () => {
  office = await openAccessOffice()
})
test.after(async () => {
  await office.close()
})

/** The demo user of each role (all of the KE unit). */
const USERS: Record<Role, string> = { caseworker: 'kari', 'intake-group': 'ola', coordinator: 'ingrid', 'process-owner': 'per', auditor: 'randi', admin: 'admin' }
type Relation = 'own' | 'other' | 'none'
const RELATIONS: Relation[] = ['own', 'other', 'none']

/**
 * Who may read the two seeded cases, by role. The KE case (own) is on the intake group's meeting
 * agenda and appointed to ingrid; the other unit's case is on no agenda and has no coordinator.
 */
const MAY_READ: Record<'own' | 'other', Role[]> = {
  own: ['caseworker', 'intake-group', 'coordinator', 'auditor', 'admin'],
  other: ['auditor', 'admin'],
}

interface Operation { method: string; path: string; roles: Role[] | 'public'; query: string[]; body: boolean }

function operations(doc: any): Operation[] {
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const declared = /^Roles: (.*)\.$/m.exec(op.description ?? '')?.[1]
      const roles = declared === undefined ? 'public' : declared === 'any signed-in user' ? Object.keys(USERS) as Role[] : declared.split(', ') as Role[]
      const query = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name)
      ops.push({ method: method.toUpperCase(), path, roles, query, body: op.requestBody !== undefined })
    }
  }
  // Reads first, then writes; last the writes that end a case or its process, and setting an
  // agenda (an admin putting the other unit's case on it would make it the intake group's).
  const rank = (op: Operation) => (op.path.endsWith('/agenda') ? 4 : /withdraw|cancel/.test(op.path) ? 3 : op.method === 'GET' ? 1 : 2)
  return ops.sort((a, b) => rank(a) - rank(b))
}

const NO_CASE = { caseId: '999999', letterId: '6f1c2a52-9e0b-4c43-8d0e-3c9b8c1f0a77', identityNumber: '00000000000' }

function targetOf(relation: Relation): Pick<Target, 'caseId' | 'instanceKey' | 'taskKey' | 'letterId' | 'identityNumber'> {
  if (relation === 'none') return { ...NO_CASE, instanceKey: office.plain.instanceKey, taskKey: office.plain.taskKey }
  return office[relation]
}

/** The URL of a route for a target; a route this test does not know fails it, so a new route gets a row. */
function urlOf(op: Operation, relation: Relation, definitionKey: string): { url: string; caseBound: boolean } {
  const t = targetOf(relation)
  const fill: [RegExp, string, boolean][] = [
    [/^\/api\/process-instances\/\{key\}/, t.instanceKey, true],
    [/^\/api\/user-tasks\/\{key\}/, t.taskKey, true],
    [/^\/api\/incidents\/\{key\}/, '999999999', false],
    [/^\/api\/process-definitions\/\{key\}/, definitionKey, false],
    [/^\/api\/cases\/\{id\}/, t.caseId, true],
    [/^\/api\/letters\/\{id\}/, t.letterId, true],
    [/^\/api\/meetings\/\{id\}/, office.meetingId, false],
    [/^\/api\/coordinators\/\{id\}/, office.coordinatorId, false],
    [/^\/api\/rule-sets\/\{id\}/, 'complexity', false],
    [/^\/api\/forms\/\{id\}/, 'ke-registration', false],
  ]
  let url = op.path
  let caseBound = false
  if (url.includes('{')) {
    const match = fill.find(([pattern]) => pattern.test(url))
    if (!match) throw new Error(`The access matrix does not know how to fill ${op.method} ${op.path}: add it`)
    url = url.replace(/\{(key|id)\}/, match[1])
    caseBound = match[2]
    if (url.includes('{caseId}')) {
      url = url.replace('{caseId}', t.caseId)
      caseBound = true
    }
  }
  const query = new URLSearchParams()
  if (op.query.includes('instanceKey')) query.set('instanceKey', t.instanceKey)
  if (op.query.includes('processInstanceKey')) query.set('processInstanceKey', t.instanceKey)
  // The audit reads (timeline, path, dossier) require a stated purpose; the dossier a format.
  if (op.query.includes('purpose')) query.set('purpose', 'Tilgangskontroll')
  if (op.query.includes('format')) query.set('format', 'json')
  return { url: query.size ? `${url}?${query}` : url, caseBound: caseBound || op.path.endsWith('/agenda') }
}

function bodyOf(op: Operation, relation: Relation): unknown {
  const t = targetOf(relation)
  const bodies: Record<string, unknown> = {
    'POST /api/process-instances': { bpmnProcessId: 'ke-sak', variables: { caseId: t.caseId } },
    'POST /api/process-instances/{key}/variables': { variables: { probe: 1 } },
    'POST /api/user-tasks/{key}/complete': { variables: {} },
    'POST /api/messages': { name: 'ke-withdrawn', correlationKey: t.caseId },
    'POST /api/cases/search': { identityNumber: t.identityNumber },
    'POST /api/cases/{id}/withdraw': { reason: 'Personen trekker søknaden.' },
    'POST /api/cases/{id}/identity': { reason: 'Oppslag i Folkeregisteret' },
    'PUT /api/user-tasks/{key}/draft': { variables: { note: 'Utkast' } },
    'PUT /api/meetings/{id}/agenda/{caseId}/outcome': { responsibleUnit: 'PPT', recommendation: 'PPT tar ansvaret.' },
    'POST /api/meetings/{id}/agenda': { caseId: t.caseId },
    'PATCH /api/meetings/{id}': { note: 'Flyttet til møterom 3.' },
    'POST /api/rule-sets/{id}/evaluate': { facts: {} },
  }
  const key = `${op.method} ${op.path}`
  return key in bodies ? bodies[key] : op.body ? {} : undefined
}

/** Process owners oversee the processes: a case's instance or task is shown to them without its data. */
const withheldFor = (op: Operation, role: Role) => role === 'process-owner' && op.method === 'GET' && /^\/api\/(process-instances|user-tasks)\//.test(op.path)
/** A user task is shown only to those it is meant for: the seeded tasks are for caseworkers (and those who oversee). */
const taskNotMeant = (op: Operation, role: Role) => op.path.startsWith('/api/user-tasks/') && (role === 'intake-group' || role === 'coordinator')

test('every route x every role x (own unit / other unit / no relation): status, names only where the case may be read, and every showing recorded', async () => {
  const doc = office.t.app.swagger() as any
  const ops = operations(doc)
  const [definition] = await office.t.db.sql<{ key: string }[]>`select key::text from process_definitions where process_id = 'ke-sak' order by version desc limit 1`
  const people = { own: office.own, other: office.other }
  const failures: string[] = []
  let cells = 0
  for (const op of ops) {
    for (const role of Object.keys(USERS) as Role[]) {
      for (const relation of RELATIONS) {
        cells++
        const user = USERS[role]
        const { url, caseBound } = urlOf(op, relation, definition!.key)
        const before = { own: await readsOf(office, office.own.caseId, user), other: await readsOf(office, office.other.caseId, user) }
        const payload = bodyOf(op, relation)
        const response = await office.t.app.inject({ method: op.method as never, url, headers: office.auth[user], ...(payload === undefined ? {} : { payload: payload as object }) })
        const cell = `${op.method} ${url} as ${role} (${relation}) -> ${response.statusCode}`
        const status = response.statusCode
        if (status >= 500) failures.push(`${cell}: a 5xx: ${response.body.slice(0, 300)}`)
        const allowedByRoute = op.roles === 'public' || op.roles.includes(role)
        if (!allowedByRoute && status !== 403) failures.push(`${cell}: the route is not for ${role}, expected 403`)
        for (const which of ['own', 'other'] as const) {
          const shown = response.body.includes(people[which].name)
          if (shown && !MAY_READ[which].includes(role)) failures.push(`${cell}: holds ${which}'s name, which ${role} may not read`)
          if (shown && (await readsOf(office, people[which].caseId, user)) === before[which]) failures.push(`${cell}: shows ${which}'s case without recording the read`)
        }
        if (!allowedByRoute || !caseBound || relation === 'none') continue
        const mayRead = MAY_READ[relation].includes(role)
        if (!mayRead) {
          const expected = withheldFor(op, role) ? 200 : role === 'process-owner' ? 403 : 404
          if (status !== expected) failures.push(`${cell}: ${role} may not read the ${relation} case, expected ${expected}`)
          if (withheldFor(op, role) && /"variables":\{[^}]/.test(response.body)) failures.push(`${cell}: variables shown to a process owner`)
        } else if (op.method === 'GET') {
          const expected = taskNotMeant(op, role) ? 404 : 200
          if (status !== expected) failures.push(`${cell}: ${role} may read the ${relation} case, expected ${expected}`)
        }
      }
    }
  }
  console.log(`access matrix: ${ops.length} routes x ${Object.keys(USERS).length} roles x ${RELATIONS.length} relations = ${cells} cells`)
  assert.is(cells, ops.length * 18)
  assert.ok(ops.length >= 50, `the OpenAPI document lists ${ops.length} operations`)
  assert.equal(failures, [])
})

test.run()
