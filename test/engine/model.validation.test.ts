// Every rule that refuses a definition, each asserting the element named in the problem.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { DeploymentError } from '../../src/engine/errors.js'
import type { DeploymentProblem } from '../../src/engine/errors.js'
import { parseDefinition } from '../../src/engine/model/index.js'
import { chain, definition, endEvent, flow, gateway, ioMapping, serviceTask, startEvent, task } from './helpers.js'

async function problems(xml: string): Promise<DeploymentProblem[]> {
  try {
    await parseDefinition(xml)
  } catch (error) {
    assert.instance(error, DeploymentError)
    return [...(error as DeploymentError).problems]
  }
  throw new assert.Assertion({ message: 'expected the definition to be refused', operator: 'throws', actual: 'deployed', expects: 'DeploymentError' })
}

/** The one problem about `elementId`; fails when there is none or several. */
async function problemAbout(xml: string, elementId: string | null): Promise<string> {
  const found = (await problems(xml)).filter((problem) => problem.elementId === elementId)
  assert.is(found.length, 1, `expected one problem about ${elementId}, got ${JSON.stringify(found)}`)
  return (found[0] as DeploymentProblem).message
}

test('XML that does not parse is refused with its line and column', async () => {
  const xml = '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="p">\n</bpmn:definitions>'
  const message = await problemAbout(xml, null)
  assert.match(message, /line 4, column \d+/)
  assert.match(message, /closing tag mismatch/)
})

test('a file that is not BPMN is refused', async () => {
  assert.match(await problemAbout('<html></html>', null), /could not be read as BPMN/)
})

test('an unknown BPMN element in the XML is refused with its line', async () => {
  const xml = definition(startEvent(), '<bpmn:fancyTask id="x"/>', endEvent(), chain('start', 'end'))
  assert.match(await problemAbout(xml, null), /line 8, column \d+: unknown type <bpmn:FancyTask>/)
})

test('a definition without an executable process is refused', async () => {
  const xml = definition(startEvent(), endEvent(), chain('start', 'end')).replace('isExecutable="true"', 'isExecutable="false"')
  assert.match(await problemAbout(xml, null), /no executable process \(found 'p', none with isExecutable="true"\)/)
})

test('a sequence flow whose target points nowhere is refused, naming the flow and the id', async () => {
  const xml = definition(startEvent(), flow('start', 'Task_9', undefined, 'Flow_1'))
  assert.match(await problemAbout(xml, 'Flow_1'), /Sequence flow 'Flow_1' has 'Task_9' as its target \(targetRef\), but this process has no element with that id/)
})

test('a sequence flow without a sourceRef is refused', async () => {
  const xml = definition(startEvent(), endEvent(), '<bpmn:sequenceFlow id="Flow_2" targetRef="end"/>', chain('start', 'end'))
  assert.match(await problemAbout(xml, 'Flow_2'), /has no source \(sourceRef is missing\)/)
})

test('a condition that is not valid FEEL is refused with the expression and the error', async () => {
  const xml = definition(
    startEvent(), gateway('exclusive', 'gw', 'gw-b'), task('a'), task('b'), chain('start', 'gw'),
    flow('gw', 'a', '=amount > (100'), flow('gw', 'b'),
  )
  const message = await problemAbout(xml, 'gw-a')
  assert.match(message, /'=amount > \(100'/)
  assert.match(message, /not valid FEEL \(it ends too early or is incomplete at character 14\)/)
})

test('a condition without the leading = is refused', async () => {
  const xml = definition(startEvent(), gateway('exclusive', 'gw', 'gw-b'), task('a'), task('b'), chain('start', 'gw'), flow('gw', 'a', 'amount > 100'), flow('gw', 'b'))
  assert.match(await problemAbout(xml, 'gw-a'), /not a FEEL expression: Zeebe conditions start with '='/)
})

test('a condition on a flow that does not leave an exclusive or inclusive gateway is refused', async () => {
  const xml = definition(startEvent(), task('a'), endEvent(), chain('start', 'a'), flow('a', 'end', '=true'))
  assert.match(await problemAbout(xml, 'a-end'), /conditions are only supported on flows leaving an exclusive or inclusive gateway/)
})

test('a flow out of a branching exclusive gateway needs a condition or to be the default', async () => {
  const xml = definition(startEvent(), gateway('exclusive', 'gw'), task('a'), task('b'), chain('start', 'gw'), flow('gw', 'a', '=x'), flow('gw', 'b'))
  assert.match(await problemAbout(xml, 'gw-b'), /needs a condition or must be the gateway's default flow/)
})

test('a default flow that does not leave its gateway is refused', async () => {
  const xml = definition(startEvent(), gateway('exclusive', 'gw', 'start-gw'), task('a'), chain('start', 'gw', 'a'))
  assert.match(await problemAbout(xml, 'gw'), /The default flow 'start-gw' of exclusive gateway 'gw' does not leave that gateway/)
})

test('a default flow on anything but an exclusive or inclusive gateway is refused', async () => {
  const xml = definition(startEvent(), '<bpmn:task id="a" default="a-end"/>', endEvent(), chain('start', 'a', 'end'))
  assert.match(await problemAbout(xml, 'a'), /has a default flow, but default flows are only supported on exclusive and inclusive gateways/)
})

test('a default flow that names no flow is refused, naming the gateway', async () => {
  const xml = definition(startEvent(), gateway('exclusive', 'gw', 'Flow_gone'), task('a'), chain('start', 'gw', 'a'))
  assert.match(await problemAbout(xml, 'gw'), /The default of 'gw' refers to 'Flow_gone', but there is no element with that id/)
})

for (const kind of ['serviceTask', 'businessRuleTask', 'sendTask']) {
  test(`a ${kind} without a job type is refused`, async () => {
    const xml = definition(startEvent(), `<bpmn:${kind} id="work" name="Do it"/>`, chain('start', 'work'))
    assert.match(await problemAbout(xml, 'work'), /has no job type: add <zeebe:taskDefinition type="..."\/>/)
  })
}

test('a business-rule task calling a DMN decision is refused, pointing to rule sets', async () => {
  const xml = definition(
    startEvent(),
    '<bpmn:businessRuleTask id="decide"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r"/></bpmn:extensionElements></bpmn:businessRuleTask>',
    chain('start', 'decide'),
  )
  assert.match(await problemAbout(xml, 'decide'), /rules:<rule set id>/)
})

test('a job type that is not valid FEEL is refused', async () => {
  const xml = definition(startEvent(), serviceTask('work', '=kind +'), chain('start', 'work'))
  assert.match(await problemAbout(xml, 'work'), /The job type of service task 'work' is not valid FEEL: '=kind \+'/)
})

test('static job retries must be a whole number', async () => {
  const xml = definition(startEvent(), serviceTask('work', 'w', '', 'many'), chain('start', 'work'))
  assert.match(await problemAbout(xml, 'work'), /job retries .* must be a whole number/)
})

test('an input mapping that is not valid FEEL, or has no target, is refused', async () => {
  const xml = definition(startEvent(), serviceTask('work', 'w', ioMapping({ total: '=sum(' })), chain('start', 'work'))
  assert.match(await problemAbout(xml, 'work'), /input mapping to 'total' of service task 'work' is not valid FEEL/)
  const noTarget = definition(startEvent(), serviceTask('work', 'w', '<zeebe:ioMapping><zeebe:output source="=x"/></zeebe:ioMapping>'), chain('start', 'work'))
  assert.match(await problemAbout(noTarget, 'work'), /An output mapping of service task 'work' has no target/)
})

test('a script task needs a FEEL expression and a result variable', async () => {
  const xml = definition(startEvent(), '<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="1 + 1"/></bpmn:extensionElements></bpmn:scriptTask>', chain('start', 'calc'))
  const found = (await problems(xml)).filter((problem) => problem.elementId === 'calc')
  assert.is(found.length, 2)
  assert.match(found[0]?.message ?? '', /starting with '='/)
  assert.match(found[1]?.message ?? '', /no result variable/)
})

const unsupported: Array<[string, string, RegExp]> = [
  ['signal catch event', '<bpmn:intermediateCatchEvent id="x"><bpmn:signalEventDefinition/></bpmn:intermediateCatchEvent>', /Intermediate catch event 'x' is a signal intermediate catch event: not supported yet/],
  ['escalation throw event', '<bpmn:intermediateThrowEvent id="x"><bpmn:escalationEventDefinition/></bpmn:intermediateThrowEvent>', /Intermediate throw event 'x' is an escalation throw event: not supported yet/],
  ['link catch event', '<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition/></bpmn:intermediateCatchEvent>', /is a link intermediate catch event: not supported yet/],
  ['compensation boundary event', '<bpmn:boundaryEvent id="x" attachedToRef="t"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent><bpmn:task id="t"/>', /Boundary event 'x' is a compensate boundary event: not supported yet/],
  ['signal start event', '<bpmn:startEvent id="x"><bpmn:signalEventDefinition/></bpmn:startEvent>', /Start event 'x' is a signal start event: not supported yet/],
  ['escalation end event', '<bpmn:endEvent id="x"><bpmn:escalationEventDefinition/></bpmn:endEvent>', /End event 'x' is an escalation end event: not supported yet/],
  ['manual task', '<bpmn:manualTask id="x"/>', /Manual task 'x': not supported yet/],
  ['ad-hoc sub-process', '<bpmn:adHocSubProcess id="x"/>', /Ad-hoc sub-process 'x': not supported yet/],
  ['transaction', '<bpmn:transaction id="x"/>', /Transaction 'x': not supported yet/],
  ['complex gateway', '<bpmn:complexGateway id="x"/>', /Complex gateway 'x': not supported yet/],
  ['standard loop', '<bpmn:task id="x"><bpmn:standardLoopCharacteristics/></bpmn:task>', /Task 'x' is a standard loop/],
]
for (const [what, xml, message] of unsupported) {
  test(`a ${what} is refused as not supported yet`, async () => {
    assert.match(await problemAbout(definition(startEvent(), endEvent(), chain('start', 'end'), xml), 'x'), message)
  })
}

test('a process without a start event is refused, naming the process', async () => {
  assert.match(await problemAbout(definition(task('a'), endEvent(), chain('a', 'end')), 'p'), /Process 'p' has no start event/)
})

test('a second none start event is refused', async () => {
  const xml = definition(startEvent('s1'), startEvent('s2'), endEvent(), chain('s1', 'end'), chain('s2', 'end'))
  assert.match(await problemAbout(xml, 's2'), /has 2 none start events \('s1', 's2'\); at most one is allowed/)
})

test('a start event with incoming flows and an end event with outgoing flows are refused', async () => {
  const xml = definition(startEvent(), task('a'), endEvent(), chain('start', 'a', 'end', 'a', 'start'))
  const found = await problems(xml)
  assert.equal(found.map((problem) => problem.elementId).sort(), ['end', 'start'])
})

test('every problem is reported, not just the first', async () => {
  const xml = definition(startEvent(), '<bpmn:serviceTask id="t1"/>', '<bpmn:subProcess id="sub"/>', flow('t1', 'gone', undefined, 'f9'), chain('start', 't1'))
  assert.equal((await problems(xml)).map((problem) => problem.elementId).sort(), ['f9', 'sub', 't1'])
})

test('a task or gateway with no outgoing flow is an implicit end, and deploys', async () => {
  const [model] = await parseDefinition(definition(startEvent(), gateway('parallel', 'fork'), task('a'), serviceTask('b'), chain('start', 'fork', 'a'), flow('fork', 'b')))
  assert.equal(model?.elements['a']?.outgoing, [])
})

test.run()
