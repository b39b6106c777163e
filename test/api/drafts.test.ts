// Drafts of a task's form: per task and person, only for those who may work the task, gone with
// the task's completion from the tasklist's point of view.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json, testApp, type TestApp } from '../helpers/app.js'
import { chain, definition, endEvent, startEvent, userTask } from '../engine/helpers.js'

let t: TestApp
let taskKey: string
let intakeTaskKey: string
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

test.before(async () => {
  t = await testApp()
  await t.engine.deploy([{ name: 'p.bpmn', xml: definition(startEvent(), userTask('fill', '<zeebe:assignmentDefinition candidateGroups="=groups"/>'), endEvent(), chain('start', 'fill', 'end')) }], 'test')
  await t.engine.startInstance({ processId: 'p', variables: { groups: ['caseworker'] } }, 'test')
  await t.engine.startInstance({ processId: 'p', variables: { groups: ['intake-group'] } }, 'test')
  const tasks = json(await t.app.inject({ url: '/api/user-tasks?state=created', headers: auth(await t.tokenFor('admin')) })).items
  taskKey = tasks.find((task: { candidateGroups: string[] }) => task.candidateGroups.includes('caseworker')).key
  intakeTaskKey = tasks.find((task: { candidateGroups: string[] }) => task.candidateGroups.includes('intake-group')).key
})
test.after(async () => t?.close())

test('a draft is saved and read back by its author, and is no one else\'s', async () => {
  const kari = await t.tokenFor('kari')
  const saved = await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari), payload: { variables: { note: 'halvferdig', count: 3 } } })
  assert.is(saved.statusCode, 200, saved.body)
  const read = await t.app.inject({ url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari) })
  assert.equal(json(read).variables, { note: 'halvferdig', count: 3 })
  assert.is((await t.app.inject({ url: `/api/user-tasks/${taskKey}/draft`, headers: auth(await t.tokenFor('siri')) })).statusCode, 404, "siri has no draft of her own")
  const again = await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari), payload: { variables: { note: 'ferdig' } } })
  assert.equal(json(again).variables, { note: 'ferdig' }, 'the newest draft replaces the old')
})

test("a task meant for another group: no draft to save (404, as if the task did not exist)", async () => {
  const kari = await t.tokenFor('kari')
  const save = await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${intakeTaskKey}/draft`, headers: auth(kari), payload: { variables: { x: 1 } } })
  assert.is(save.statusCode, 404)
  assert.is((await t.app.inject({ method: 'PUT', url: '/api/user-tasks/999999/draft', headers: auth(kari), payload: { variables: {} } })).statusCode, 404)
})

test('a malformed draft is a 400 that says where', async () => {
  const response = await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(await t.tokenFor('kari')), payload: { variables: [1, 2] } })
  assert.is(response.statusCode, 400)
  assert.match(response.body, /variables/)
})

test('thrown away on request, and not offered once the task is completed', async () => {
  const kari = await t.tokenFor('kari')
  assert.is((await t.app.inject({ method: 'DELETE', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari) })).statusCode, 204)
  assert.is((await t.app.inject({ url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari) })).statusCode, 404)
  await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari), payload: { variables: { note: 'x' } } })
  const done = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${taskKey}/complete`, headers: auth(kari), payload: { variables: {} } })
  assert.is(done.statusCode, 200, done.body)
  assert.is((await t.app.inject({ url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari) })).statusCode, 404)
  assert.is((await t.app.inject({ method: 'PUT', url: `/api/user-tasks/${taskKey}/draft`, headers: auth(kari), payload: { variables: { note: 'late' } } })).statusCode, 409)
})

test.run()
