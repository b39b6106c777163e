// Variables set from outside, and the propagation rule: the closest scope that has the name, else the process.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { Instance, chain, definition, ioMapping, serviceTask, startEvent } from './helpers.js'

const withLocal = definition(startEvent(), serviceTask('work', 'work', ioMapping({ limit: '=10' })), chain('start', 'work'))

test('setVariables without an element instance writes the process scope and records it', async () => {
  const instance = await Instance.start(withLocal, { a: 1 })
  const result = instance.run({ type: 'setVariables', variables: { a: 2, b: 'x' } })
  assert.equal(instance.current.variables, { a: 2, b: 'x' })
  assert.equal(result.events, [{ type: 'variablesSet', scope: 0, variables: { a: 2, b: 'x' } }])
})

test('from an element instance, a name it has locally is set there; other names go to the process', async () => {
  const instance = await Instance.start(withLocal)
  const id = instance.id('work')
  const result = instance.run({ type: 'setVariables', elementInstanceId: id, variables: { limit: 20, note: 'n' } })
  assert.equal(instance.current.elements[0]?.variables, { limit: 20 })
  assert.equal(instance.current.variables, { note: 'n' })
  assert.equal(result.events, [
    { type: 'variablesSet', scope: id, variables: { limit: 20 } },
    { type: 'variablesSet', scope: 0, variables: { note: 'n' } },
  ])
})

test('local: true keeps every name on the element instance', async () => {
  const instance = await Instance.start(withLocal)
  instance.run({ type: 'setVariables', elementInstanceId: instance.id('work'), local: true, variables: { note: 'n' } })
  assert.equal(instance.current.elements[0]?.variables, { limit: 10, note: 'n' })
  assert.equal(instance.current.variables, {})
})

test('setting a variable to the value it has records nothing', async () => {
  const instance = await Instance.start(withLocal, { a: { b: [1] } })
  const result = instance.run({ type: 'setVariables', variables: { a: { b: [1] } } })
  assert.equal(result.events, [])
})

test('an unknown element instance is refused', async () => {
  const instance = await Instance.start(withLocal)
  assert.throws(
    () => instance.run({ type: 'setVariables', elementInstanceId: 42, variables: {} }),
    (error: unknown) => error instanceof CommandRejectedError && error.code === 'ELEMENT_INSTANCE_NOT_FOUND',
  )
})

test.run()
