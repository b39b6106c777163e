// Call activities: start a child instance through the store (startChild), wait
// for completeChild, and pass variables as Zeebe does.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, boundaryEvent, callActivity, chain, definition, endEvent, ioMapping, startEvent, task, timer } from './helpers.js'

test('a call activity asks the store to start the called process with every visible variable, then takes back the child\'s variables', async () => {
  const instance = await Instance.start(definition(startEvent(), callActivity('assess', 'assessment'), endEvent(), chain('start', 'assess', 'end')), { caseId: 'K-1' })
  const assess = instance.id('assess')
  assert.equal(instance.effectsOf('startChild'), [{ type: 'startChild', elementInstanceId: assess, elementId: 'assess', processId: 'assessment', variables: { caseId: 'K-1' }, businessKey: null }])
  instance.run({ type: 'completeChild', elementInstanceId: assess, variables: { caseId: 'K-1', score: 7 } })
  assert.equal(instance.current.variables, { caseId: 'K-1', score: 7 })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.eventsOf('childCompleted').map((event) => event.variables), [{ caseId: 'K-1', score: 7 }])
})

test('propagateAllParentVariables="false" sends only the input mappings', async () => {
  const xml = definition(startEvent(), callActivity('assess', 'assessment', { propagateAllParentVariables: false, extra: ioMapping({ who: '=person.name' }) }), chain('start', 'assess'))
  const instance = await Instance.start(xml, { person: { name: 'Kari', idNumber: 'x' }, caseId: 'K-1' })
  assert.equal(instance.effectsOf('startChild')[0]?.variables, { who: 'Kari' })
})

test('propagateAllChildVariables="false" brings nothing back; output mappings bring back only what they map', async () => {
  const quiet = await Instance.start(definition(startEvent(), callActivity('assess', 'assessment', { propagateAllChildVariables: false }), chain('start', 'assess')), { a: 1 })
  quiet.run({ type: 'completeChild', elementInstanceId: quiet.id('assess'), variables: { a: 1, secret: 's' } })
  assert.equal(quiet.current.variables, { a: 1 })
  const mapped = await Instance.start(definition(startEvent(), callActivity('assess', 'assessment', { extra: ioMapping({}, { score: '=result.score' }) }), chain('start', 'assess')))
  mapped.run({ type: 'completeChild', elementInstanceId: mapped.id('assess'), variables: { result: { score: 3 }, other: true } })
  assert.equal(mapped.current.variables, { score: 3 })
})

test('a FEEL process id that evaluates to null is an EXTRACT_VALUE_ERROR incident naming the element and the expression', async () => {
  const instance = await Instance.start(definition(startEvent(), callActivity('assess', '=kind + "-assessment"'), chain('start', 'assess')))
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.is(incident?.elementId, 'assess')
  assert.match(incident?.message ?? '', /called process id of call activity 'assess'/)
  assert.match(incident?.message ?? '', /'=kind \+ "-assessment"'/)
  assert.equal(instance.effectsOf('startChild'), [])
  instance.run({ type: 'setVariables', variables: { kind: 'child' } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.is(instance.effectsOf('startChild')[0]?.processId, 'child-assessment')
})

test('a called process that is not deployed is a CALLED_ELEMENT_ERROR incident; resolving it tries again', async () => {
  const xml = definition(startEvent(), callActivity('assess', 'assessment'), boundaryEvent('late', 'assess', timer('duration', 'P1D')), task('t'), chain('start', 'assess'), chain('late', 't'))
  const instance = await Instance.start(xml)
  const assess = instance.id('assess')
  instance.run({ type: 'childNotStarted', elementInstanceId: assess, message: "no process 'assessment' is deployed" })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CALLED_ELEMENT_ERROR')
  assert.match(incident?.message ?? '', /call activity 'assess': no process 'assessment' is deployed/)
  assert.equal(instance.current.subscriptions, [], 'its boundary timer closed until it is activated again')
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.equal(instance.effectsOf('startChild').length, 2)
  assert.is(instance.current.subscriptions.length, 1)
})

test('cancelling the parent, or an interrupting boundary event, cancels the child', async () => {
  const xml = definition(startEvent(), callActivity('assess', 'assessment'), boundaryEvent('late', 'assess', timer('duration', 'P1D')), task('t'), endEvent(), chain('start', 'assess', 'end'), chain('late', 't'))
  const cancelled = await Instance.start(xml)
  const id = cancelled.id('assess')
  cancelled.run({ type: 'cancel' })
  assert.equal(cancelled.effectsOf('cancelChild'), [{ type: 'cancelChild', elementInstanceId: id }])
  assert.equal(cancelled.effectsOf('closeSubscription').length, 1)
  const interrupted = await Instance.start(xml)
  interrupted.fireTimer('late')
  assert.equal(interrupted.effectsOf('cancelChild').length, 1)
  assert.is(interrupted.current.status, 'completed')
})

test('completeChild on anything but a waiting call activity is rejected', async () => {
  const instance = await Instance.start(definition(startEvent(), callActivity('assess', 'assessment'), chain('start', 'assess')))
  assert.throws(() => instance.run({ type: 'completeChild', elementInstanceId: 999, variables: {} }), /not active/)
  instance.run({ type: 'completeChild', elementInstanceId: instance.id('assess'), variables: {} })
  assert.throws(() => instance.run({ type: 'completeChild', elementInstanceId: 2, variables: {} }), /completed/)
})

test.run()
