// A parallel gateway forks to every outgoing flow and joins one token per incoming flow.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, flow, gateway, serviceTask, startEvent } from './helpers.js'

const forkJoin = definition(
  startEvent(),
  gateway('parallel', 'fork'),
  serviceTask('a'),
  serviceTask('b'),
  gateway('parallel', 'join'),
  serviceTask('after'),
  endEvent(),
  chain('start', 'fork', 'a', 'join', 'after', 'end'),
  chain('fork', 'b', 'join'),
)

test('forks to every outgoing flow', async () => {
  const instance = await Instance.start(forkJoin)
  assert.equal(instance.waitingAt, ['a', 'b'])
  assert.equal(instance.effectsOf('createJob').map((job) => job.elementId), ['a', 'b'])
})

test('the join waits for a token on each incoming flow, then fires once', async () => {
  const instance = await Instance.start(forkJoin)
  instance.completeJob('b')
  assert.equal(instance.waitingAt, ['a'])
  assert.equal(instance.current.joins, [{ scope: 0, gatewayId: 'join', arrived: { 'b-join': 1 } }])
  instance.completeJob('a')
  assert.equal(instance.waitingAt, ['after'])
  assert.equal(instance.current.joins, [])
  assert.is(instance.completed.filter((id) => id === 'join').length, 1)
  instance.completeJob('after')
  assert.is(instance.current.status, 'completed')
})

test('both branches\' variables reach the process scope', async () => {
  const instance = await Instance.start(forkJoin)
  instance.completeJob('a', { fromA: 1 })
  instance.completeJob('b', { fromB: 2 })
  assert.equal(instance.current.variables, { fromA: 1, fromB: 2 })
})

// fork -> a, b, c; a and b merge (exclusive) onto one flow into the join; c goes straight in.
const twoOnOneFlow = definition(
  startEvent(),
  gateway('parallel', 'fork'),
  serviceTask('a'),
  serviceTask('b'),
  serviceTask('c'),
  gateway('exclusive', 'merge'),
  gateway('parallel', 'join'),
  serviceTask('after'),
  chain('start', 'fork', 'a', 'merge', 'join', 'after'),
  chain('fork', 'b', 'merge'),
  chain('fork', 'c', 'join'),
)

test('a second token on the same flow does not count as the missing one', async () => {
  const instance = await Instance.start(twoOnOneFlow)
  instance.completeJob('a')
  instance.completeJob('b')
  assert.equal(instance.current.joins, [{ scope: 0, gatewayId: 'join', arrived: { 'merge-join': 2 } }])
  assert.equal(instance.waitingAt, ['c'])
})

test('when the join fires it consumes one token per flow; the extra one waits for the next round', async () => {
  const instance = await Instance.start(twoOnOneFlow)
  instance.completeJob('a')
  instance.completeJob('b')
  instance.completeJob('c')
  assert.equal(instance.waitingAt, ['after'])
  assert.equal(instance.current.joins, [{ scope: 0, gatewayId: 'join', arrived: { 'merge-join': 1 } }])
  instance.completeJob('after')
  // As in Zeebe, a token waiting at a join keeps the instance active.
  assert.is(instance.current.status, 'active')
})

test('forks without a join: the instance completes when the last branch ends', async () => {
  const xml = definition(startEvent(), gateway('parallel', 'fork'), serviceTask('a'), serviceTask('b'), endEvent('endA'), endEvent('endB'), chain('start', 'fork', 'a', 'endA'), chain('fork', 'b', 'endB'))
  const instance = await Instance.start(xml)
  instance.completeJob('a')
  assert.is(instance.current.status, 'active')
  instance.completeJob('b')
  assert.is(instance.current.status, 'completed')
})

test('a gateway with a single incoming flow does not wait', async () => {
  const xml = definition(startEvent(), gateway('parallel', 'fork'), serviceTask('a'), flow('start', 'fork'), flow('fork', 'a'))
  const instance = await Instance.start(xml)
  assert.equal(instance.waitingAt, ['a'])
})

test('a fork and join inside a loop joins afresh on every round', async () => {
  const xml = definition(
    startEvent(),
    gateway('exclusive', 'loop'),
    gateway('parallel', 'fork'),
    serviceTask('a'),
    serviceTask('b'),
    gateway('parallel', 'join'),
    gateway('exclusive', 'again', 'again-end'),
    endEvent(),
    chain('start', 'loop', 'fork', 'a', 'join', 'again'),
    chain('fork', 'b', 'join'),
    flow('again', 'loop', '=round < 2'),
    flow('again', 'end'),
  )
  const instance = await Instance.start(xml)
  instance.completeJob('a')
  instance.completeJob('b', { round: 1 })
  assert.equal(instance.waitingAt, ['a', 'b'], 'second round')
  instance.completeJob('b', { round: 2 })
  instance.completeJob('a')
  assert.is(instance.current.status, 'completed')
  assert.is(instance.completed.filter((id) => id === 'join').length, 2)
})

test.run()
