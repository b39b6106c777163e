// GET /api/tasklist: the queues (mine, my groups', unassigned), their counts, filters, sorting
// and paging, over real open user tasks of the embedded engine.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json, testApp, type TestApp } from '../helpers/app.js'
import { chain, definitionOf, endEvent, startEvent, userTask } from '../engine/helpers.js'

let t: TestApp
let kari: string
let ola: string
let admin: string

const withTask = (processId: string, taskId: string, name: string) => definitionOf(
  processId,
  startEvent(),
  userTask(taskId, '<zeebe:assignmentDefinition assignee="=owner" candidateGroups="=groups"/><zeebe:taskSchedule dueDate="=due"/><zeebe:priorityDefinition priority="=prio"/>')
    .replace(`id="${taskId}"`, `id="${taskId}" name="${name}"`),
  endEvent(),
  chain('start', taskId, 'end'),
)

interface Seed { ref: string; owner: string | null; groups: string[]; due: string | null; prio: number; process?: 'ke' | 'other' }

// now is the test's real clock; due dates in the past are overdue.
const SEEDS: Seed[] = [
  { ref: 'KE-2026-00001', owner: 'kari', groups: ['caseworker'], due: '2020-01-01T09:00:00Z', prio: 50 },
  { ref: 'KE-2026-00002', owner: null, groups: ['caseworker'], due: '2099-01-01T09:00:00Z', prio: 90 },
  { ref: 'KE-2026-00003', owner: null, groups: ['caseworker'], due: null, prio: 10 },
  { ref: 'KE-2026-00004', owner: 'kari', groups: ['caseworker'], due: '2099-06-01T09:00:00Z', prio: 70, process: 'other' },
  { ref: 'KE-2026-00005', owner: null, groups: ['intake-group'], due: '2020-01-01T09:00:00Z', prio: 50 },
  { ref: 'KE-2026-00006', owner: 'siri', groups: ['caseworker'], due: '2099-01-01T09:00:00Z', prio: 50 },
]

test.before(async () => {
  t = await testApp()
  await t.engine.deploy([{ name: 'ke.bpmn', xml: withTask('ke-test', 'assess', 'Vurder saken') }, { name: 'other.bpmn', xml: withTask('other-test', 'check', 'Kontroller') }], 'test')
  for (const seed of SEEDS) {
    await t.engine.startInstance({ processId: seed.process === 'other' ? 'other-test' : 'ke-test', variables: { caseReference: seed.ref, caseId: seed.ref.slice(-1), owner: seed.owner, groups: seed.groups, due: seed.due, prio: seed.prio } }, 'test')
  }
  kari = await t.tokenFor('kari')
  ola = await t.tokenFor('ola')
  admin = await t.tokenFor('admin')
})
test.after(async () => t?.close())

async function list(token: string, query = '') {
  const response = await t.app.inject({ method: 'GET', url: `/api/tasklist${query}`, headers: { authorization: `Bearer ${token}` } })
  assert.is(response.statusCode, 200, response.body)
  return json(response)
}
const refs = (page: { items: { caseReference: string }[] }) => page.items.map((task) => task.caseReference)

test("kari's queues: hers, her groups' (not others' groups), unassigned that she may take; counts for each", async () => {
  const mine = await list(kari, '?queue=mine')
  assert.equal(refs(mine).sort(), ['KE-2026-00001', 'KE-2026-00004'])
  assert.equal(mine.counts, { mine: 2, groups: 5, unassigned: 2 })
  assert.is(mine.total, 2)
  const groups = await list(kari, '?queue=groups')
  assert.equal(refs(groups).sort(), ['KE-2026-00001', 'KE-2026-00002', 'KE-2026-00003', 'KE-2026-00004', 'KE-2026-00006'])
  const unassigned = await list(kari, '?queue=unassigned')
  assert.equal(refs(unassigned).sort(), ['KE-2026-00002', 'KE-2026-00003'], "the intake group's unassigned task is not hers")
})

test('the intake group sees its own task only', async () => {
  const page = await list(ola, '?queue=groups')
  assert.equal(refs(page), ['KE-2026-00005'])
  assert.equal(page.counts, { mine: 0, groups: 1, unassigned: 1 })
})

test('sorted by due date (none last), by priority (highest first), or by age (oldest first)', async () => {
  assert.equal(refs(await list(kari, '?queue=groups&sort=due')), ['KE-2026-00001', 'KE-2026-00002', 'KE-2026-00006', 'KE-2026-00004', 'KE-2026-00003'])
  assert.equal(refs(await list(kari, '?queue=groups&sort=priority')), ['KE-2026-00002', 'KE-2026-00004', 'KE-2026-00001', 'KE-2026-00006', 'KE-2026-00003'])
  assert.equal(refs(await list(kari, '?queue=groups&sort=age')), ['KE-2026-00001', 'KE-2026-00002', 'KE-2026-00003', 'KE-2026-00004', 'KE-2026-00006'])
})

test('filters: process, task, part of a case reference, due by a date, overdue; the counts follow them', async () => {
  assert.equal(refs(await list(kari, '?queue=groups&processId=other-test')), ['KE-2026-00004'])
  assert.equal(refs(await list(kari, '?queue=groups&elementId=check')), ['KE-2026-00004'])
  const byReference = await list(kari, '?queue=groups&caseReference=ke-2026-00002')
  assert.equal(refs(byReference), ['KE-2026-00002'])
  assert.equal(byReference.counts, { mine: 0, groups: 1, unassigned: 1 })
  assert.equal(refs(await list(kari, '?queue=groups&caseReference=%25')), [], 'a % is a character, not a wildcard')
  assert.equal(refs(await list(kari, '?queue=groups&dueBy=2099-01-01&sort=due')), ['KE-2026-00001', 'KE-2026-00002', 'KE-2026-00006'])
  assert.equal(refs(await list(kari, '?queue=groups&overdue=true')), ['KE-2026-00001'])
})

test('kinds lists the processes and tasks kari can see, with names, for the filter choices', async () => {
  const page = await list(kari)
  assert.equal(page.kinds, [
    { processId: 'ke-test', elementId: 'assess', name: 'Vurder saken', count: 4 },
    { processId: 'other-test', elementId: 'check', name: 'Kontroller', count: 1 },
  ])
})

test('paged on the server: limit and offset, total of the whole queue', async () => {
  const first = await list(kari, '?queue=groups&sort=age&limit=2')
  const second = await list(kari, '?queue=groups&sort=age&limit=2&offset=2')
  assert.equal(refs(first), ['KE-2026-00001', 'KE-2026-00002'])
  assert.equal(refs(second), ['KE-2026-00003', 'KE-2026-00004'])
  assert.is(first.total, 5)
})

test('an admin oversees every open task', async () => {
  const page = await list(admin, '?queue=unassigned')
  assert.is(page.total, 3)
})

test('bad parameters are a 400 naming the parameter', async () => {
  for (const [query, field] of [['?queue=everything', 'queue'], ['?sort=name', 'sort'], ['?dueBy=tomorrow', 'dueBy'], ['?limit=100000', 'limit'], ['?colour=red', 'colour']]) {
    const response = await t.app.inject({ method: 'GET', url: `/api/tasklist${query}`, headers: { authorization: `Bearer ${kari}` } })
    assert.is(response.statusCode, 400, query)
    assert.match(response.body, field!, query)
  }
})

test('process owners and auditors do not work tasks: 403', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/tasklist', headers: { authorization: `Bearer ${await t.tokenFor('per')}` } })
  assert.is(response.statusCode, 403)
})

test.run()
