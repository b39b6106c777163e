// Technical problems stop one element instance in an incident; resolving it retries that step.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { Instance, chain, definition, endEvent, serviceTask, startEvent } from './helpers.js'

const simple = definition(startEvent(), serviceTask('charge', 'payment'), endEvent(), chain('start', 'charge', 'end'))

function rejected(run: () => unknown, code: string): void {
  assert.throws(run, (error: unknown) => error instanceof CommandRejectedError && error.code === code)
}

test('a job failing with no retries left becomes a JOB_NO_RETRIES incident', async () => {
  const instance = await Instance.start(simple)
  const id = instance.id('charge')
  const result = instance.run({ type: 'failJob', elementInstanceId: id, retries: 0, errorMessage: 'bank unreachable' })
  const [incident] = instance.current.incidents
  assert.equal(incident, {
    id: incident!.id,
    elementInstanceId: id,
    elementId: 'charge',
    type: 'JOB_NO_RETRIES',
    message: "The job of service task 'charge' failed and has no retries left: bank unreachable",
  })
  assert.equal(result.effects, [
    { type: 'raiseIncident', incidentId: incident!.id, elementInstanceId: id, elementId: 'charge', incidentType: 'JOB_NO_RETRIES', message: incident!.message },
  ])
  assert.is(instance.current.status, 'active')
})

test('a job in an incident cannot be completed or failed again', async () => {
  const instance = await Instance.start(simple)
  const id = instance.id('charge')
  instance.run({ type: 'failJob', elementInstanceId: id, retries: 0, errorMessage: 'x' })
  rejected(() => instance.run({ type: 'completeJob', elementInstanceId: id }), 'NOT_WAITING')
  rejected(() => instance.run({ type: 'failJob', elementInstanceId: id, retries: 0, errorMessage: 'y' }), 'NOT_WAITING')
})

test('resolving a JOB_NO_RETRIES incident gives the worker a new job', async () => {
  const instance = await Instance.start(simple, { amount: 3 })
  const id = instance.id('charge')
  instance.run({ type: 'failJob', elementInstanceId: id, retries: 0, errorMessage: 'x' })
  const result = instance.run({ type: 'resolveIncident', incidentId: instance.current.incidents[0]!.id })
  assert.equal(result.effects.map((effect) => effect.type), ['resolveIncident', 'createJob'])
  assert.equal(instance.current.incidents, [])
  instance.completeJob('charge')
  assert.is(instance.current.status, 'completed')
})

test('an uncaught BPMN error becomes an UNHANDLED_ERROR_EVENT incident naming the code', async () => {
  const instance = await Instance.start(simple)
  const id = instance.id('charge')
  instance.run({ type: 'throwError', elementInstanceId: id, errorCode: 'CARD_DECLINED', errorMessage: 'Insufficient funds' })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'UNHANDLED_ERROR_EVENT')
  assert.match(incident?.message ?? '', /error event with the code 'CARD_DECLINED' with message 'Insufficient funds' from service task 'charge', but it was not caught/)
  assert.equal(instance.eventsOf('jobErrorThrown').map((event) => event.errorCode), ['CARD_DECLINED'])
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.is(instance.effectsOf('createJob').length, 2)
})

test('an expression failing on activation: EXTRACT_VALUE_ERROR, fixed by setting the variable and resolving', async () => {
  const xml = definition(startEvent(), serviceTask('route', '=department'), endEvent(), chain('start', 'route', 'end'))
  const instance = await Instance.start(xml)
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.is(incident?.elementId, 'route')
  assert.match(incident?.message ?? '', /Failed to evaluate the job type of service task 'route': Expected the expression '=department' to give a string, but it gave null \(Variable 'department' not found\)/)
  assert.equal(instance.current.elements.map((element) => element.status), ['activating'])
  instance.run({ type: 'setVariables', variables: { department: 'health' } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.equal(instance.effectsOf('createJob').map((job) => job.jobType), ['health'])
})

test('resolving without fixing the cause raises a new incident', async () => {
  const xml = definition(startEvent(), serviceTask('route', '=department'), chain('start', 'route'))
  const instance = await Instance.start(xml)
  const first = instance.current.incidents[0]!.id
  instance.run({ type: 'resolveIncident', incidentId: first })
  assert.is(instance.current.incidents.length, 1)
  assert.is.not(instance.current.incidents[0]!.id, first)
  assert.equal(instance.eventsOf('incidentRaised').length, 2)
  assert.equal(instance.eventsOf('incidentResolved').map((event) => event.incidentId), [first])
})

test('a JOB retries expression that is not a whole number is an incident', async () => {
  const xml = definition(startEvent(), serviceTask('t', 't', '', '=tries'), chain('start', 't'))
  const instance = await Instance.start(xml, { tries: 2.5 })
  assert.match(instance.current.incidents[0]?.message ?? '', /job retries of service task 't': it gave 2.5/)
})

test('an instance with an open incident does not complete', async () => {
  const instance = await Instance.start(definition(startEvent(), serviceTask('route', '=department'), chain('start', 'route')))
  assert.is(instance.current.status, 'active')
})

test('resolving an incident that is not open is refused', async () => {
  const instance = await Instance.start(simple)
  rejected(() => instance.run({ type: 'resolveIncident', incidentId: 99 }), 'INCIDENT_NOT_FOUND')
})

test.run()
