// A script task evaluates FEEL into its result variable and moves on at once.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, ioMapping, scriptTask, serviceTask, startEvent } from './helpers.js'

test('evaluates the expression into the result variable and completes', async () => {
  const xml = definition(startEvent(), scriptTask('total', '=sum(items.price)', 'total'), serviceTask('bill'), chain('start', 'total', 'bill'))
  const instance = await Instance.start(xml, { items: [{ price: 10 }, { price: 5 }] })
  assert.is(instance.current.variables['total'], 15)
  assert.equal(instance.waitingAt, ['bill'])
  assert.equal(instance.effectsOf('createJob')[0]?.variables, { items: [{ price: 10 }, { price: 5 }], total: 15 })
})

test('now() is the engine clock given to the command', async () => {
  const xml = definition(startEvent(), scriptTask('deadline', '=now() + duration("P14D")', 'deadline'), endEvent(), chain('start', 'deadline', 'end'))
  const instance = await Instance.start(xml)
  assert.is(instance.current.variables['deadline'], '2024-05-15T10:00:00Z')
})

test('with output mappings, the result variable stays local and only the mapping leaves', async () => {
  const xml = definition(startEvent(), scriptTask('calc', '={gross: net * 1.25}', 'result', ioMapping({}, { gross: '=result.gross' })), endEvent(), chain('start', 'calc', 'end'))
  const instance = await Instance.start(xml, { net: 100 })
  assert.equal(instance.current.variables, { net: 100, gross: 125 })
})

test('a result that cannot be stored raises an incident naming the element and the expression', async () => {
  const xml = definition(startEvent(), scriptTask('bad', '=[1..n]', 'r'), endEvent(), chain('start', 'bad', 'end'))
  const instance = await Instance.start(xml, { n: 3 })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.is(incident?.elementId, 'bad')
  assert.match(incident?.message ?? '', /Failed to evaluate the script of script task 'bad': expression '\[1..n\]' gave a range/)
})

test('a script task with a job type is worked by a job instead', async () => {
  const xml = definition(
    startEvent(),
    '<bpmn:scriptTask id="ext"><bpmn:extensionElements><zeebe:taskDefinition type="groovy"/></bpmn:extensionElements></bpmn:scriptTask>',
    endEvent(),
    chain('start', 'ext', 'end'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.effectsOf('createJob').map((job) => job.jobType), ['groovy'])
  instance.completeJob('ext', { out: 1 })
  assert.is(instance.current.status, 'completed')
})

test.run()
