// Service, business-rule and send tasks wait for a job; a plain task passes through.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { Instance, chain, definition, endEvent, serviceTask, startEvent, task } from './helpers.js'

const headers = '<zeebe:taskHeaders><zeebe:header key="template" value="receipt" /></zeebe:taskHeaders>'
const simple = definition(startEvent(), serviceTask('charge', 'payment', headers), endEvent(), chain('start', 'charge', 'end'))

test('start -> service task: the token waits and a job is created with what the worker needs', async () => {
  const instance = await Instance.start(simple, { amount: 120 })
  assert.equal(instance.waitingAt, ['charge'])
  assert.is(instance.current.status, 'active')
  assert.equal(instance.effects, [
    { type: 'createJob', elementInstanceId: instance.id('charge'), elementId: 'charge', jobType: 'payment', retries: 3, customHeaders: { template: 'receipt' }, variables: { amount: 120 } },
  ])
})

test('completing the job moves on, sets its variables in the process scope and completes the instance', async () => {
  const instance = await Instance.start(simple, { amount: 120 })
  const result = instance.completeJob('charge', { paid: true })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables, { amount: 120, paid: true })
  assert.equal(instance.current.elements, [])
  assert.equal(result.effects, [{ type: 'instanceCompleted' }])
  assert.equal(result.events.map((event) => event.type), [
    'jobCompleted', 'variablesSet', 'elementCompleted', 'flowTaken', 'elementActivated', 'elementCompleted', 'instanceCompleted',
  ])
})

test('the history tells the path: activated, completed, flows taken, in order', async () => {
  const instance = await Instance.start(simple)
  instance.completeJob('charge')
  assert.equal(instance.completed, ['start', 'charge', 'end'])
  assert.equal(instance.takenFlows, ['start-charge', 'charge-end'])
  assert.equal(instance.eventsOf('elementActivated').map((event) => [event.elementId, event.elementKind, event.elementInstanceId]), [
    ['start', 'startEvent', 1],
    ['charge', 'serviceTask', 2],
    ['end', 'endEvent', 3],
  ])
})

test('job type and retries may be FEEL, evaluated when the token arrives', async () => {
  const xml = definition(startEvent(), serviceTask('check', '="check-" + kind', '', '=attempts * 2'), chain('start', 'check'))
  const instance = await Instance.start(xml, { kind: 'credit', attempts: 4 })
  const [job] = instance.effectsOf('createJob')
  assert.is(job?.jobType, 'check-credit')
  assert.is(job?.retries, 8)
})

test('business-rule and send tasks create jobs too (the rules layer works rules:<id>)', async () => {
  const xml = definition(
    startEvent(),
    '<bpmn:businessRuleTask id="decide"><bpmn:extensionElements><zeebe:taskDefinition type="rules:complexity"/></bpmn:extensionElements></bpmn:businessRuleTask>',
    '<bpmn:sendTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="send-letter"/></bpmn:extensionElements></bpmn:sendTask>',
    endEvent(),
    chain('start', 'decide', 'notify', 'end'),
  )
  const instance = await Instance.start(xml)
  instance.completeJob('decide', { complex: true })
  instance.completeJob('notify')
  assert.equal(instance.effectsOf('createJob').map((job) => job.jobType), ['rules:complexity', 'send-letter'])
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables, { complex: true })
})

test('a plain task passes the token straight through', async () => {
  const instance = await Instance.start(definition(startEvent(), task('note'), endEvent(), chain('start', 'note', 'end')))
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.completed, ['start', 'note', 'end'])
})

test('a task without outgoing flows is an implicit end', async () => {
  const instance = await Instance.start(definition(startEvent(), serviceTask('last'), chain('start', 'last')))
  instance.completeJob('last')
  assert.is(instance.current.status, 'completed')
})

test('a job completed twice is refused the second time, changing nothing', async () => {
  const instance = await Instance.start(definition(startEvent(), serviceTask('a'), serviceTask('b'), chain('start', 'a', 'b')))
  const first = instance.id('a')
  instance.completeJob('a')
  const before = JSON.stringify(instance.state)
  try {
    instance.run({ type: 'completeJob', elementInstanceId: first, variables: {} })
    assert.unreachable('should have been refused')
  } catch (error) {
    assert.instance(error, CommandRejectedError)
    assert.is((error as CommandRejectedError).code, 'ELEMENT_INSTANCE_NOT_FOUND')
  }
  assert.is(JSON.stringify(instance.state), before)
})

test('a failed attempt with retries left is recorded and changes nothing else', async () => {
  const instance = await Instance.start(simple)
  const result = instance.run({ type: 'failJob', elementInstanceId: instance.id('charge'), retries: 2, errorMessage: 'bank timeout' })
  assert.equal(result.effects, [])
  assert.equal(result.events, [{ type: 'jobFailed', elementInstanceId: instance.id('charge'), elementId: 'charge', retries: 2, errorMessage: 'bank timeout' }])
  assert.equal(instance.current.incidents, [])
  instance.completeJob('charge')
  assert.is(instance.current.status, 'completed')
})

test.run()
