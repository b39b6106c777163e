// Cancelling an instance ends every token and tells the store what to clean up.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { Instance, chain, definition, gateway, serviceTask, startEvent, userTask } from './helpers.js'

const busy = definition(
  startEvent(),
  gateway('parallel', 'fork'),
  serviceTask('letter'),
  userTask('review'),
  serviceTask('broken', '=missing'),
  chain('start', 'fork', 'letter'),
  chain('fork', 'review'),
  chain('fork', 'broken'),
)

test('cancels open jobs and tasks, resolves incidents and ends the instance as cancelled', async () => {
  const instance = await Instance.start(busy)
  const [letter, review] = [instance.id('letter'), instance.id('review')]
  const incidentId = instance.current.incidents[0]!.id
  const result = instance.run({ type: 'cancel' })
  assert.equal(result.effects, [
    { type: 'cancelJob', elementInstanceId: letter },
    { type: 'cancelUserTask', elementInstanceId: review },
    { type: 'resolveIncident', incidentId },
    { type: 'instanceCancelled' },
  ])
  assert.equal(result.events.map((event) => event.type), ['elementTerminated', 'elementTerminated', 'incidentResolved', 'elementTerminated', 'instanceCancelled'])
  assert.equal(instance.current.status, 'cancelled')
  assert.equal(instance.current.elements, [])
  assert.equal(instance.current.incidents, [])
})

test('an ended instance refuses further commands', async () => {
  const instance = await Instance.start(busy)
  const letter = instance.id('letter')
  instance.run({ type: 'cancel' })
  for (const command of [{ type: 'cancel' } as const, { type: 'completeJob', elementInstanceId: letter } as const]) {
    assert.throws(() => instance.run(command), (error: unknown) => error instanceof CommandRejectedError && error.code === 'INSTANCE_NOT_ACTIVE')
  }
})

test.run()
