// A terminate end event ends every other token in the instance, which then completes.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, gateway, scriptTask, serviceTask, startEvent, terminateEndEvent, userTask } from './helpers.js'

test('ends the other branches, cancelling their job and user task, and completes the instance', async () => {
  const xml = definition(
    startEvent(),
    gateway('parallel', 'fork'),
    serviceTask('letter'),
    userTask('review'),
    serviceTask('withdraw'),
    terminateEndEvent('stop'),
    chain('start', 'fork', 'letter'),
    chain('fork', 'review'),
    chain('fork', 'withdraw', 'stop'),
  )
  const instance = await Instance.start(xml)
  const letter = instance.id('letter')
  const review = instance.id('review')
  const result = instance.completeJob('withdraw')
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.elements, [])
  assert.equal(result.effects, [
    { type: 'cancelJob', elementInstanceId: letter },
    { type: 'cancelUserTask', elementInstanceId: review },
    { type: 'instanceCompleted' },
  ])
  assert.equal(instance.eventsOf('elementTerminated').map((event) => event.elementId), ['letter', 'review'])
})

test('tokens still on their way in the same step never arrive', async () => {
  const xml = definition(
    startEvent(),
    gateway('parallel', 'fork'),
    terminateEndEvent('stop'),
    scriptTask('late', '=1', 'x'),
    chain('start', 'fork', 'stop'),
    chain('fork', 'late'),
  )
  const instance = await Instance.start(xml)
  assert.is(instance.current.status, 'completed')
  assert.not.ok(instance.eventsOf('elementActivated').some((event) => event.elementId === 'late'))
  assert.equal(instance.current.variables, {})
})

test('waiting join tokens and open incidents go too', async () => {
  const xml = definition(
    startEvent(),
    gateway('parallel', 'fork'),
    serviceTask('a'),
    serviceTask('broken', '=missing'),
    serviceTask('b'),
    gateway('parallel', 'join'),
    terminateEndEvent('stop'),
    chain('start', 'fork', 'a', 'join'),
    chain('fork', 'broken', 'join'),
    chain('fork', 'b', 'stop'),
  )
  const instance = await Instance.start(xml)
  instance.completeJob('a')
  assert.is(instance.current.joins.length, 1)
  const incidentId = instance.current.incidents[0]!.id
  const result = instance.completeJob('b')
  assert.equal(instance.current.joins, [])
  assert.equal(instance.current.incidents, [])
  assert.ok(result.effects.some((effect) => effect.type === 'resolveIncident' && effect.incidentId === incidentId))
  assert.is(instance.current.status, 'completed')
})

test.run()
