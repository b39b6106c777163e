// BPMN errors: thrown by a job worker, an error end event, or a child instance
// (through its call activity); caught by error boundary events (by code or
// catch-all) and error event sub-processes; uncaught, an incident, or handed to
// the parent instance.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, boundaryEvent, callActivity, chain, definition, deploy, endEvent, error, errorEndEvent, errorRef, serviceTask, startEvent, subProcess, task } from './helpers.js'

const rejectedError = error('Error_rejected', 'REJECTED')

function throwFrom(instance: Instance, elementId: string, errorCode: string, errorMessage?: string) {
  return instance.run({ type: 'throwError', elementInstanceId: instance.id(elementId), errorCode, ...(errorMessage ? { errorMessage } : {}) })
}

test('a worker\'s BPMN error is caught by the error boundary event with its code: the job is cancelled, the boundary path taken', async () => {
  const xml = definition(
    rejectedError, startEvent(), serviceTask('check'), boundaryEvent('rejected', 'check', errorRef('Error_rejected')), task('inform'), endEvent(),
    chain('start', 'check', 'end'), chain('rejected', 'inform'),
  )
  const instance = await Instance.start(xml)
  const check = instance.id('check')
  throwFrom(instance, 'check', 'REJECTED', 'not eligible')
  assert.equal(instance.effectsOf('cancelJob'), [{ type: 'cancelJob', elementInstanceId: check }])
  assert.equal(instance.eventsOf('errorCaught').map((event) => [event.errorCode, event.elementId, event.catchElementId]), [['REJECTED', 'check', 'rejected']])
  assert.equal(instance.completed, ['start', 'rejected', 'inform'])
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.incidents, [])
})

test('an error boundary with the exact code wins over a catch-all; the catch-all takes any other code', async () => {
  const xml = definition(
    rejectedError, startEvent(), serviceTask('check'), boundaryEvent('any', 'check', errorRef()), boundaryEvent('rejected', 'check', errorRef('Error_rejected')),
    task('fallback'), task('inform'), chain('start', 'check'), chain('any', 'fallback'), chain('rejected', 'inform'),
  )
  const exact = await Instance.start(xml)
  throwFrom(exact, 'check', 'REJECTED')
  assert.ok(exact.completed.includes('inform'))
  const other = await Instance.start(xml)
  throwFrom(other, 'check', 'TIMEOUT')
  assert.ok(other.completed.includes('fallback'))
})

test('an error code nothing catches is an UNHANDLED_ERROR_EVENT incident on the element that threw', async () => {
  const xml = definition(rejectedError, startEvent(), serviceTask('check'), boundaryEvent('rejected', 'check', errorRef('Error_rejected')), task('inform'), chain('start', 'check'), chain('rejected', 'inform'))
  const instance = await Instance.start(xml)
  throwFrom(instance, 'check', 'OTHER')
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'UNHANDLED_ERROR_EVENT')
  assert.is(incident?.elementId, 'check')
  assert.match(incident?.message ?? '', /code 'OTHER'/)
})

test('an error end event inside a sub-process is caught by a boundary event on the sub-process, which ends with everything in it', async () => {
  const xml = definition(
    rejectedError, startEvent(),
    subProcess('review', [startEvent('s'), '<bpmn:parallelGateway id="fork"/>', serviceTask('slow'), errorEndEvent('fail', 'Error_rejected'), chain('s', 'fork', 'slow'), chain('fork', 'fail')]),
    boundaryEvent('caught', 'review', errorRef('Error_rejected')), task('handle'), endEvent(),
    chain('start', 'review', 'end'), chain('caught', 'handle'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.eventsOf('errorThrown').map((event) => [event.elementId, event.errorCode]), [['fail', 'REJECTED']])
  assert.equal(instance.effectsOf('cancelJob').length, 1, 'the job of the parallel branch is cancelled')
  assert.equal(instance.eventsOf('elementTerminated').map((event) => event.elementId).sort(), ['fail', 'review', 'slow'])
  assert.equal(instance.completed.slice(-2), ['caught', 'handle'])
  assert.is(instance.current.status, 'completed')
})

test('an uncaught error end event is an incident on it', async () => {
  const instance = await Instance.start(definition(rejectedError, startEvent(), errorEndEvent('fail', 'Error_rejected'), chain('start', 'fail')))
  assert.is(instance.current.incidents[0]?.type, 'UNHANDLED_ERROR_EVENT')
  assert.is(instance.current.incidents[0]?.elementId, 'fail')
})

test('in a child instance an uncaught error goes to the parent (propagateError), not to an incident', async () => {
  const instance = new Instance(await deploy(definition(rejectedError, startEvent(), errorEndEvent('fail', 'Error_rejected'), chain('start', 'fail'))))
  instance.run({ type: 'start', parent: { instanceKey: 'parent-1', elementInstanceId: 7 } })
  assert.equal(instance.effectsOf('propagateError'), [{ type: 'propagateError', errorCode: 'REJECTED', errorMessage: '', elementId: 'fail' }])
  assert.equal(instance.current.incidents, [])
  assert.equal(instance.eventsOf('errorPropagated').map((event) => event.errorCode), ['REJECTED'])
})

test('an error from the child, thrown at the call activity, is caught by its boundary event and the child is cancelled', async () => {
  const xml = definition(
    rejectedError, startEvent(), callActivity('assess', 'assessment'), boundaryEvent('rejected', 'assess', errorRef('Error_rejected')), task('inform'),
    chain('start', 'assess'), chain('rejected', 'inform'),
  )
  const instance = await Instance.start(xml)
  const assess = instance.id('assess')
  throwFrom(instance, 'assess', 'REJECTED')
  assert.equal(instance.effectsOf('cancelChild'), [{ type: 'cancelChild', elementInstanceId: assess }])
  assert.ok(instance.completed.includes('inform'))
})

test('an error from the child that the parent cannot catch either: an incident on the call activity, or further up', async () => {
  const xml = definition(startEvent(), callActivity('assess', 'assessment'), chain('start', 'assess'))
  const root = await Instance.start(xml)
  throwFrom(root, 'assess', 'REJECTED')
  assert.is(root.current.incidents[0]?.type, 'UNHANDLED_ERROR_EVENT')
  assert.is(root.current.incidents[0]?.elementId, 'assess')
  const middle = new Instance(await deploy(xml))
  middle.run({ type: 'start', parent: { instanceKey: 'root', elementInstanceId: 3 } })
  throwFrom(middle, 'assess', 'REJECTED')
  assert.equal(middle.effectsOf('propagateError').map((effect) => effect.errorCode), ['REJECTED'])
})

test.run()
