// The coordinator register kept by the KE: caseworkers and admins add and change coordinators,
// others may not; a training date is not in the future and belongs to a completed training; a
// username is one coordinator's. A refused change writes nothing.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'

let t: TestApp
const auth: Record<string, { authorization: string }> = {}
let anne: string

const clockToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date())
const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const ANNE = { name: 'Anne Kristiansen', unit: 'Hjemmetjenesten', profession: 'Sykepleier', username: 'anne', trainingCompleted: true, trainedOn: '2022-03-03', childCoordinatorQualified: false, capacity: 8 }

test.before(async () => {
  t = await testApp()
  for (const user of ['kari', 'ola', 'ingrid', 'admin']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
})
test.after(async () => {
  await t.close()
})

const post = (user: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/coordinators', headers: auth[user], payload })
const patch = (user: string, id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/coordinators/${id}`, headers: auth[user], payload })

test('a caseworker adds a coordinator and changes the training; the intake group and coordinators may not', async () => {
  const created = await post('kari', ANNE)
  assert.is(created.statusCode, 201, created.body)
  anne = json(created).id
  const changed = await patch('kari', anne, { capacity: 6, childCoordinatorQualified: true })
  assert.is(changed.statusCode, 200, changed.body)
  assert.is(json(changed).capacity, 6)
  assert.is(json(changed).childCoordinatorQualified, true)
  assert.is(json(changed).trainedOn, '2022-03-03', 'what was not sent stays')
  for (const user of ['ola', 'ingrid']) {
    assert.is((await patch(user, anne, { capacity: 1 })).statusCode, 403, user)
    assert.is((await post(user, { ...ANNE, username: null, name: 'Noen Andre' })).statusCode, 403, user)
  }
})

test('a training date in the future is refused at /trainedOn, and nothing is written', async () => {
  const future = dayAfter(clockToday(), 2)
  const response = await patch('kari', anne, { trainedOn: future, capacity: 2 })
  assert.is(response.statusCode, 400, response.body)
  const body = json(response)
  assert.is(body.code, 'SAMFLYT_VALIDATION')
  assert.equal(body.details.map((d: any) => `${d.path} ${d.code}`), ['/trainedOn future'])
  const now = json(await t.app.inject({ url: `/api/coordinators/${anne}`, headers: auth.kari }))
  assert.is(now.trainedOn, '2022-03-03')
  assert.is(now.capacity, 6)
  assert.is((await patch('kari', anne, { trainedOn: clockToday() })).statusCode, 200, 'today is not the future')
})

test('a training date belongs to a completed training, judged on the coordinator as changed', async () => {
  const uncompleted = await patch('kari', anne, { trainingCompleted: false })
  assert.is(uncompleted.statusCode, 400, 'the stored date would stand without a completed training')
  assert.equal(json(uncompleted).details.map((d: any) => `${d.path} ${d.code}`), ['/trainedOn notCompleted'])
  const cleared = await patch('kari', anne, { trainingCompleted: false, trainedOn: null })
  assert.is(cleared.statusCode, 200, cleared.body)
  assert.is(json(cleared).trainingCompleted, false)
  const created = await post('kari', { ...ANNE, name: 'Jonas Dahl', username: 'jonas', trainingCompleted: false, trainedOn: '2024-01-01' })
  assert.is(created.statusCode, 400)
})

test('a username another coordinator has is 409 at /username, not a failure of the server', async () => {
  const taken = await post('admin', { ...ANNE, name: 'Anne Annen' })
  assert.is(taken.statusCode, 409, taken.body)
  assert.equal(json(taken).details.map((d: any) => `${d.path} ${d.code}`), ['/username taken'])
  const other = json(await post('admin', { ...ANNE, name: 'Lars Haugen', username: 'lars' }))
  const clash = await patch('kari', other.id, { username: 'anne' })
  assert.is(clash.statusCode, 409, clash.body)
  assert.is((await patch('kari', anne, { username: 'anne' })).statusCode, 200, 'keeping one\'s own username is no clash')
  assert.is((await patch('kari', '999999', { capacity: 1 })).statusCode, 404)
})

test.run()
