// Deploy-time rules for the elements of part 2 (timers, messages, errors,
// boundary events, event-based gateways, sub-processes, call activities,
// multi-instance), each asserting the element named in the problem.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { DeploymentError } from '../../src/engine/errors.js'
import { parseDefinition } from '../../src/engine/model/index.js'
import {
  boundaryEvent, callActivity, catchEvent, chain, definition, endEvent, errorRef, eventBasedGateway, eventSubProcess, message, messageRef,
  serviceTask, startEvent, startEventOf, subProcess, task, timer,
} from './helpers.js'

async function problemAbout(xml: string, elementId: string): Promise<string> {
  const error = await parseDefinition(xml).then(() => null, (caught: unknown) => caught)
  assert.instance(error, DeploymentError, 'expected the definition to be refused')
  const found = (error as DeploymentError).problems.filter((problem) => problem.elementId === elementId)
  assert.is(found.length, 1, `expected one problem about ${elementId}, got ${JSON.stringify((error as DeploymentError).problems)}`)
  return found[0]!.message
}

test('the elements of part 2 deploy, nested inside sub-processes in one flat map', async () => {
  const [model] = await parseDefinition(definition(
    message('M', 'm', '=key'), startEvent(),
    subProcess('sub', [startEvent('s'), catchEvent('wait', messageRef('M')), chain('s', 'wait')]),
    boundaryEvent('late', 'sub', timer('duration', 'PT1H')), task('after'), chain('start', 'sub'), chain('late', 'after'),
  ))
  assert.is(model?.elements['wait']?.parentId, 'sub')
  assert.equal(model?.elements['sub']?.kind === 'subProcess' && model.elements['sub'].boundaryEvents, ['late'])
})

test('a message catch event needs a correlation key', async () => {
  const xml = definition(message('M', 'm'), startEvent(), catchEvent('wait', messageRef('M')), chain('start', 'wait'))
  assert.match(await problemAbout(xml, 'wait'), /has no correlation key: add <zeebe:subscription correlationKey/)
})

test('a message event needs a message with a name', async () => {
  const xml = definition(startEvent(), catchEvent('wait', '<bpmn:messageEventDefinition/>'), chain('start', 'wait'))
  assert.match(await problemAbout(xml, 'wait'), /refers to no message with a name/)
})

test('an intermediate timer cannot be a cycle, and a timer start cannot be a duration', async () => {
  assert.match(await problemAbout(definition(startEvent(), catchEvent('wait', timer('cycle', 'R/PT1H')), chain('start', 'wait')), 'wait'), /Zeebe allows only timeDuration or timeDate/)
  assert.match(await problemAbout(definition(startEventOf('tick', timer('duration', 'PT1H')), endEvent(), chain('tick', 'end')), 'tick'), /allows only timeDate or timeCycle/)
})

test('a FEEL timer start is evaluated at deploy, without variables', async () => {
  const xml = definition(startEventOf('tick', timer('cycle', '=interval')), endEvent(), chain('tick', 'end'))
  assert.match(await problemAbout(xml, 'tick'), /evaluated at deploy time, without variables, and failed/)
})

test('two message start events on the same message are refused', async () => {
  const xml = definition(message('M', 'go'), startEventOf('a', messageRef('M')), startEventOf('b', messageRef('M')), endEvent(), chain('a', 'end'), chain('b', 'end'))
  assert.match(await problemAbout(xml, 'b'), /both start on the message 'go'/)
})

test('boundary events: error ones always interrupt, interrupting timers have no cycle, and each needs an outgoing flow', async () => {
  const base = [startEvent(), serviceTask('work'), task('after'), chain('start', 'work')]
  assert.match(await problemAbout(definition(...base, boundaryEvent('b', 'work', errorRef(), false), chain('b', 'after')), 'b'), /error boundary event always interrupts/)
  assert.match(await problemAbout(definition(...base, boundaryEvent('b', 'work', timer('cycle', 'R/PT1H')), chain('b', 'after')), 'b'), /needs a non-interrupting boundary event/)
  assert.match(await problemAbout(definition(...base, boundaryEvent('b', 'work', timer('duration', 'PT1H'))), 'b'), /no outgoing sequence flow/)
  assert.match(await problemAbout(definition(...base, boundaryEvent('b', 'after2', timer('duration', 'PT1H')), '<bpmn:parallelGateway id="after2"/>', chain('b', 'after')), 'b'), /not a task, sub-process or call activity/)
})

test('an event-based gateway leads only to timer or message catch events', async () => {
  const xml = definition(startEvent(), eventBasedGateway('gw'), catchEvent('t', timer('duration', 'PT1H')), task('x'), chain('start', 'gw', 't'), chain('gw', 'x'))
  assert.match(await problemAbout(xml, 'gw'), /leads to 'x'; an event-based gateway may only lead to timer or message intermediate catch events/)
})

test('sub-processes: an embedded one starts with a none start event; an event sub-process with a triggered one and no flows', async () => {
  const embedded = definition(startEvent(), subProcess('sub', [startEventOf('s', timer('duration', 'PT1H'))]), chain('start', 'sub'))
  assert.match(await problemAbout(embedded, 's'), /can only start with a none start event/)
  const plain = definition(startEvent(), eventSubProcess('esp', [startEvent('s'), task('x'), chain('s', 'x')]))
  assert.match(await problemAbout(plain, 's'), /starts an event sub-process, so it needs a timer, message or error event definition/)
  const flowing = definition(startEvent(), eventSubProcess('esp', [startEventOf('s', errorRef()), task('x'), chain('s', 'x')]), chain('start', 'esp'))
  assert.match(await problemAbout(flowing, 'esp'), /started by its event, not by a flow/)
})

test('a call activity names the process it calls; multi-instance needs an input collection', async () => {
  const noProcess = definition(startEvent(), '<bpmn:callActivity id="call"/>', chain('start', 'call'))
  assert.match(await problemAbout(noProcess, 'call'), /names no process to call/)
  const noCollection = definition(startEvent(), callActivity('call', 'x', { loop: '<bpmn:multiInstanceLoopCharacteristics/>' }), chain('start', 'call'))
  assert.match(await problemAbout(noCollection, 'call'), /multi-instance but has no input collection/)
})

test('a flow may not cross a sub-process boundary', async () => {
  const xml = definition(startEvent(), subProcess('sub', [startEvent('s'), task('inside'), chain('s', 'inside')]), task('outside'), chain('start', 'sub'), chain('inside', 'outside'))
  assert.match(await problemAbout(xml, 'inside-outside'), /across a sub-process boundary/)
})

test.run()
