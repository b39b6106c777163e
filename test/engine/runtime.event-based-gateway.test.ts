// An event-based gateway waits for the first of its branches' events; the
// winner takes the token, the other subscriptions close.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, catchEvent, chain, definition, endEvent, eventBasedGateway, message, messageRef, startEvent, task, timer } from './helpers.js'

const xml = definition(
  message('Message_answer', 'answer', '=caseId'), startEvent(), eventBasedGateway('wait'),
  catchEvent('answered', messageRef('Message_answer')), catchEvent('timeout', timer('duration', 'P14D')),
  task('register'), task('remind'), endEvent(),
  chain('start', 'wait'), chain('wait', 'answered', 'register', 'end'), chain('wait', 'timeout', 'remind'),
)

test('the gateway opens one subscription per branch, all owned by the gateway', async () => {
  const instance = await Instance.start(xml, { caseId: 'K-3' })
  assert.equal(instance.waitingAt, ['wait'])
  assert.equal(instance.current.subscriptions.map((subscription) => [subscription.kind, subscription.elementId, subscription.elementInstanceId]), [
    ['message', 'answered', instance.id('wait')],
    ['timer', 'timeout', instance.id('wait')],
  ])
})

test('the message comes first: its branch is taken and the timer closes', async () => {
  const instance = await Instance.start(xml, { caseId: 'K-3' })
  const timerId = instance.subscription('timeout').id
  instance.correlate('answered', { answer: 'yes' })
  assert.ok(instance.effectsOf('closeSubscription').some((effect) => effect.subscriptionId === timerId))
  assert.equal(instance.takenFlows, ['start-wait', 'wait-answered', 'answered-register', 'register-end'])
  assert.equal(instance.current.variables, { caseId: 'K-3', answer: 'yes' })
  assert.is(instance.current.status, 'completed')
})

test('the timer comes first: its branch is taken and the message subscription closes', async () => {
  const instance = await Instance.start(xml, { caseId: 'K-3' })
  const messageId = instance.subscription('answered').id
  instance.fireTimer('timeout')
  assert.ok(instance.effectsOf('closeSubscription').some((effect) => effect.subscriptionId === messageId))
  assert.equal(instance.completed, ['start', 'wait', 'timeout', 'remind'])
  assert.equal(instance.current.subscriptions, [])
})

test.run()
