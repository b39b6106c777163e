// The runtime's contract with the store: pure, deterministic, plain JSON in and out.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { execute } from '../../src/engine/runtime/index.js'
import type { InstanceState } from '../../src/engine/types.js'
import { NOW, chain, deploy, definition, endEvent, flow, gateway, scriptTask, serviceTask, startEvent } from './helpers.js'
import { deepFreeze } from '../../src/engine/model/freeze.js'

const xml = definition(startEvent(), serviceTask('a'), serviceTask('b'), endEvent(), chain('start', 'a', 'b', 'end'))

test('the state passed in is never modified', async () => {
  const model = await deploy(xml)
  const started = execute(model, null, { type: 'start', variables: { x: 1 } }, { now: NOW })
  const frozen = deepFreeze(structuredClone(started.state))
  const next = execute(model, frozen, { type: 'completeJob', elementInstanceId: 2, variables: { y: 2 } }, { now: NOW })
  assert.equal(frozen.variables, { x: 1 })
  assert.equal(next.state.variables, { x: 1, y: 2 })
})

test('the same command on the same state gives the same result', async () => {
  const model = await deploy(xml)
  const one = execute(model, null, { type: 'start', variables: { x: 1 } }, { now: NOW })
  const two = execute(model, null, { type: 'start', variables: { x: 1 } }, { now: NOW })
  assert.equal(one, two)
})

test('the state survives a JSON round trip (it is stored as JSONB) and carries on from it', async () => {
  const model = await deploy(xml)
  const started = execute(model, null, { type: 'start', businessKey: 'case-17' }, { now: NOW })
  const stored: InstanceState = JSON.parse(JSON.stringify(started.state))
  assert.equal(stored, started.state)
  assert.is(stored.businessKey, 'case-17')
  const next = execute(model, stored, { type: 'completeJob', elementInstanceId: 2 }, { now: NOW })
  assert.equal(next.state.elements.map((element) => element.elementId), ['b'])
})

test('the business key is kept and recorded when the instance starts', async () => {
  const model = await deploy(xml)
  const { events } = execute(model, null, { type: 'start', businessKey: 'case-17', variables: { a: 1 } }, { now: NOW })
  assert.equal(events[0], { type: 'instanceStarted', processId: 'p', businessKey: 'case-17', variables: { a: 1 } })
})

test('commands that do not fit the state are refused with a code', async () => {
  const model = await deploy(xml)
  const started = execute(model, null, { type: 'start' }, { now: NOW })
  const code = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      assert.instance(error, CommandRejectedError)
      return (error as CommandRejectedError).code
    }
    return 'accepted'
  }
  assert.is(code(() => execute(model, started.state, { type: 'start' }, { now: NOW })), 'INSTANCE_ALREADY_STARTED')
  assert.is(code(() => execute(model, null, { type: 'cancel' }, { now: NOW })), 'INSTANCE_NOT_STARTED')
  assert.is(code(() => execute(model, started.state, { type: 'completeUserTask', elementInstanceId: 2 }, { now: NOW })), 'NOT_A_USER_TASK')
  assert.is(code(() => execute(model, started.state, { type: 'completeJob', elementInstanceId: 7 }, { now: NOW })), 'ELEMENT_INSTANCE_NOT_FOUND')
})

test('a loop with no wait state is stopped rather than run forever', async () => {
  const looping = await deploy(
    definition(startEvent(), scriptTask('spin', '=1', 'x'), gateway('exclusive', 'again'), chain('start', 'spin', 'again'), flow('again', 'spin', '=true')),
  )
  const started = execute(looping, null, { type: 'start' }, { now: NOW, limits: { maxSteps: 50, maxMultiInstance: 10 } })
  // The token stops at an incident after 50 steps (start, then spin and again 25 times each): the 51st is not activated.
  assert.is(started.state.status, 'active')
  assert.equal(started.state.incidents.map((incident) => [incident.type, incident.elementId]), [['STEP_LIMIT_EXCEEDED', 'again']])
  assert.is(started.events.filter((event) => event.type === 'elementActivated').length, 51)
  // Resolving it goes on from there, counting afresh: another 50 steps, another incident.
  const resolved = execute(looping, started.state, { type: 'resolveIncident', incidentId: started.state.incidents[0]!.id }, { now: NOW, limits: { maxSteps: 50, maxMultiInstance: 10 } })
  assert.is(resolved.state.incidents.length, 1)
  assert.is(resolved.events.filter((event) => event.type === 'elementActivated').length, 51)
})

test('the state of a waiting start -> task -> end instance stays small', async () => {
  const model = await deploy(xml)
  const { state } = execute(model, null, { type: 'start', variables: { amount: 100 } }, { now: NOW })
  assert.equal(state, {
    processId: 'p',
    status: 'active',
    businessKey: null,
    next: 3,
    variables: { amount: 100 },
    elements: [{ id: 2, elementId: 'a', scope: 0, status: 'waiting' }],
    joins: [],
    incidents: [],
    subscriptions: [],
    parent: null,
  })
})

test.run()
