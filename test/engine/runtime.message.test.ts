// Messages: intermediate catch events, receive tasks, message boundary events,
// message start events, and message throw and end events (jobs).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { startSubscriptions } from '../../src/engine/runtime/index.js'
import { Instance, boundaryEvent, catchEvent, chain, definition, deploy, endEvent, message, messageRef, messageThrow, receiveTask, startEvent, startEventOf, task, userTask } from './helpers.js'

const paid = message('Message_paid', 'payment received', '=orderId')

test('a message catch event subscribes by name and correlation key, and takes the message variables', async () => {
  const instance = await Instance.start(definition(paid, startEvent(), catchEvent('wait', messageRef('Message_paid')), endEvent(), chain('start', 'wait', 'end')), { orderId: 'A-17' })
  const [opened] = instance.effectsOf('openMessageSubscription')
  assert.equal(opened, {
    type: 'openMessageSubscription',
    subscriptionId: opened!.subscriptionId,
    elementId: 'wait',
    elementInstanceId: instance.id('wait'),
    messageName: 'payment received',
    correlationKey: 'A-17',
    interrupting: true,
  })
  instance.correlate('wait', { amount: 250 })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables, { orderId: 'A-17', amount: 250 })
  assert.equal(instance.eventsOf('messageCorrelated').map((event) => [event.messageName, event.correlationKey, event.variables]), [['payment received', 'A-17', { amount: 250 }]])
  assert.equal(instance.effectsOf('closeSubscription').map((effect) => effect.subscriptionId), [opened!.subscriptionId])
})

test('a receive task waits for its message like a catch event', async () => {
  const instance = await Instance.start(definition(paid, startEvent(), receiveTask('receive', 'Message_paid'), endEvent(), chain('start', 'receive', 'end')), { orderId: 42 })
  assert.is(instance.effectsOf('openMessageSubscription')[0]?.correlationKey, '42', 'a number key is used as text')
  instance.correlate('receive')
  assert.is(instance.current.status, 'completed')
})

test('a correlation key that evaluates to null is an EXTRACT_VALUE_ERROR incident naming the element and the expression', async () => {
  const instance = await Instance.start(definition(paid, startEvent(), catchEvent('wait', messageRef('Message_paid')), endEvent(), chain('start', 'wait', 'end')))
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.is(incident?.elementId, 'wait')
  assert.match(incident?.message ?? '', /correlation key of intermediate catch event 'wait'/)
  assert.match(incident?.message ?? '', /'=orderId' gave null/)
  assert.equal(instance.effectsOf('openMessageSubscription'), [])
  instance.run({ type: 'setVariables', variables: { orderId: 'B-2' } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.is(instance.subscription('wait').kind, 'message')
})

test('correlating a closed subscription, or with another message name, is rejected and changes nothing', async () => {
  const instance = await Instance.start(definition(paid, startEvent(), catchEvent('wait', messageRef('Message_paid')), userTask('after'), chain('start', 'wait', 'after')), { orderId: 'A' })
  const subscriptionId = instance.subscription('wait').id
  const before = structuredClone(instance.current)
  const rejected = (command: Parameters<Instance['run']>[0]) => {
    try {
      instance.run(command)
    } catch (error) {
      return error instanceof CommandRejectedError ? error.code : String(error)
    }
    return 'accepted'
  }
  assert.is(rejected({ type: 'correlateMessage', subscriptionId, messageName: 'other', variables: {} }), 'SUBSCRIPTION_NOT_FOUND')
  assert.is(rejected({ type: 'correlateMessage', subscriptionId: 999, messageName: 'payment received', variables: {} }), 'SUBSCRIPTION_NOT_FOUND')
  assert.is(rejected({ type: 'triggerTimer', subscriptionId }), 'SUBSCRIPTION_NOT_FOUND')
  assert.equal(instance.current, before)
  instance.correlate('wait')
  assert.is(rejected({ type: 'correlateMessage', subscriptionId, messageName: 'payment received', variables: {} }), 'SUBSCRIPTION_NOT_FOUND')
})

test('an interrupting message boundary event cancels the user task it is attached to', async () => {
  const xml = definition(
    message('Message_withdrawn', 'withdrawn', '=caseId'), startEvent(), userTask('assess'), boundaryEvent('withdrawn', 'assess', messageRef('Message_withdrawn')),
    task('close'), endEvent(), chain('start', 'assess', 'end'), chain('withdrawn', 'close'),
  )
  const instance = await Instance.start(xml, { caseId: 'S-1' })
  const assess = instance.id('assess')
  instance.correlate('withdrawn', { reason: 'moved' })
  assert.equal(instance.effectsOf('cancelUserTask'), [{ type: 'cancelUserTask', elementInstanceId: assess }])
  assert.equal(instance.completed, ['start', 'withdrawn', 'close'])
  assert.is(instance.current.variables['reason'], 'moved')
})

test('a non-interrupting message boundary event can fire again; its subscription stays open', async () => {
  const xml = definition(
    message('Message_note', 'note', '=caseId'), startEvent(), userTask('assess'), boundaryEvent('noted', 'assess', messageRef('Message_note'), false),
    userTask('read-note'), chain('start', 'assess'), chain('noted', 'read-note'),
  )
  const instance = await Instance.start(xml, { caseId: 'S-1' })
  instance.correlate('noted')
  instance.correlate('noted')
  assert.equal(instance.ids('read-note').length, 2)
  assert.equal(instance.ids('assess').length, 1)
  assert.equal(instance.effectsOf('closeSubscription'), [])
  instance.completeUserTask('assess')
  assert.equal(instance.effectsOf('closeSubscription').length, 1, 'completing the task closes the boundary subscription')
})

test('message start events: the store subscribes by name; an instance starts at the one it names, with the message variables', async () => {
  const model = await deploy(definition(
    message('Message_referral', 'referral'), startEvent('manual'), startEventOf('byMessage', messageRef('Message_referral')), task('register'),
    chain('manual', 'register'), chain('byMessage', 'register'),
  ))
  assert.equal(startSubscriptions(model, new Date()), { timers: [], messages: [{ elementId: 'byMessage', messageName: 'referral' }] })
  const instance = new Instance(model)
  instance.run({ type: 'start', startEventId: 'byMessage', variables: { child: 'Ola' } })
  assert.equal(instance.completed, ['byMessage', 'register'])
  assert.equal(instance.current.variables, { child: 'Ola' })
})

test('message throw and message end events are jobs, like send tasks', async () => {
  const xml = definition(startEvent(), messageThrow('intermediateThrowEvent', 'notify', 'send-notice'), messageThrow('endEvent', 'done', 'send-receipt'), chain('start', 'notify', 'done'))
  const instance = await Instance.start(xml)
  instance.completeJob('notify')
  instance.completeJob('done')
  assert.equal(instance.effectsOf('createJob').map((effect) => [effect.elementId, effect.jobType]), [['notify', 'send-notice'], ['done', 'send-receipt']])
  assert.is(instance.current.status, 'completed')
})

test.run()
