// Input mappings make local variables; output mappings decide what leaves the element.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, ioMapping, serviceTask, startEvent } from './helpers.js'

const mapped = (inputs: Record<string, string>, outputs: Record<string, string> = {}) =>
  definition(startEvent(), serviceTask('work', 'work', ioMapping(inputs, outputs)), endEvent(), chain('start', 'work', 'end'))

test('inputs create local variables that the worker sees, and later inputs can use earlier ones', async () => {
  const instance = await Instance.start(mapped({ name: '=person.first', greeting: '="Hello " + name', channel: 'letter' }), { person: { first: 'Kari' } })
  const [job] = instance.effectsOf('createJob')
  assert.equal(job?.variables, { person: { first: 'Kari' }, name: 'Kari', greeting: 'Hello Kari', channel: 'letter' })
  assert.equal(instance.current.elements[0]?.variables, { name: 'Kari', greeting: 'Hello Kari', channel: 'letter' })
})

test('local variables vanish with the element; they never reach the process scope', async () => {
  const instance = await Instance.start(mapped({ name: '=person.first' }), { person: { first: 'Kari' } })
  instance.completeJob('work')
  assert.equal(instance.current.variables, { person: { first: 'Kari' } })
})

test('without output mappings, result variables propagate to the process scope', async () => {
  const instance = await Instance.start(mapped({}), { amount: 1 })
  instance.completeJob('work', { amount: 2, receipt: 'r-1' })
  assert.equal(instance.current.variables, { amount: 2, receipt: 'r-1' })
})

test('a result variable with the name of a local input stays local, as in Zeebe', async () => {
  const instance = await Instance.start(mapped({ amount: '=amount * 100' }), { amount: 1 })
  instance.completeJob('work', { amount: 999, other: true })
  assert.equal(instance.current.variables, { amount: 1, other: true })
})

test('with output mappings, only the mapped values leave the element', async () => {
  const instance = await Instance.start(mapped({}, { receiptId: '=receipt.id', paidAt: '=now()' }), {})
  instance.completeJob('work', { receipt: { id: 'r-7', raw: 'xyz' } })
  assert.equal(instance.current.variables, { receiptId: 'r-7', paidAt: '2024-05-01T10:00:00Z' })
})

test('an output to a nested target keeps the rest of the context', async () => {
  const instance = await Instance.start(mapped({}, { 'case.status': '=status' }), { case: { id: 'c-1', status: 'new' } })
  instance.completeJob('work', { status: 'registered' })
  assert.equal(instance.current.variables, { case: { id: 'c-1', status: 'registered' } })
})

test('outputs can read inputs and the result together', async () => {
  const instance = await Instance.start(mapped({ base: '=10' }, { total: '=base + extra' }), {})
  instance.completeJob('work', { extra: 5 })
  assert.equal(instance.current.variables, { total: 15 })
})

test('a failing input mapping raises an incident naming the element and the mapping, and creates no job', async () => {
  const instance = await Instance.start(mapped({ check: '=function(x) x' }), {})
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.match(incident?.message ?? '', /Failed to activate service task 'work': the input mapping to 'check' failed/)
  assert.equal(instance.effectsOf('createJob'), [])
})

test('a failing output mapping holds the result; resolving retries the mapping without a new job', async () => {
  const instance = await Instance.start(mapped({}, { range: '=[1..limit]' }), {})
  instance.completeJob('work', { limit: 3 })
  const [incident] = instance.current.incidents
  assert.match(incident?.message ?? '', /Failed to complete service task 'work': the output mapping to 'range' failed: expression '\[1..limit\]' gave a range/)
  assert.equal(instance.current.elements[0]?.variables, { limit: 3 })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.is(instance.current.incidents.length, 1, 'still a range: a new incident')
  assert.is(instance.effectsOf('createJob').length, 1)
})

test.run()
