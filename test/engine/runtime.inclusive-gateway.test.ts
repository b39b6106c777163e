// An inclusive gateway forks to every true condition and joins only the tokens
// that can still arrive.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, flow, gateway, serviceTask, startEvent } from './helpers.js'

// Which reports does a case need? fork on conditions, each report is a job, join, then decide.
const reports = (defaultFlow?: string) =>
  definition(
    startEvent(),
    gateway('inclusive', 'fork', defaultFlow),
    serviceTask('school'),
    serviceTask('health'),
    serviceTask('police'),
    gateway('inclusive', 'join'),
    serviceTask('decide'),
    endEvent(),
    chain('start', 'fork'),
    flow('fork', 'school', '=needsSchool'),
    flow('fork', 'health', '=needsHealth'),
    flow('fork', 'police', '=needsPolice'),
    chain('school', 'join'),
    chain('health', 'join'),
    chain('police', 'join'),
    chain('join', 'decide', 'end'),
  )

test('forks to every flow whose condition is true', async () => {
  const instance = await Instance.start(reports(), { needsSchool: true, needsHealth: false, needsPolice: true })
  assert.equal(instance.waitingAt, ['police', 'school'])
})

test('the join waits only for the branches that were taken', async () => {
  const instance = await Instance.start(reports(), { needsSchool: true, needsHealth: false, needsPolice: true })
  instance.completeJob('school')
  assert.equal(instance.waitingAt, ['police'])
  assert.equal(instance.current.joins, [{ scope: 0, gatewayId: 'join', arrived: { 'school-join': 1 } }])
  instance.completeJob('police')
  assert.equal(instance.waitingAt, ['decide'])
  assert.equal(instance.current.joins, [])
  assert.is(instance.completed.filter((id) => id === 'join').length, 1)
})

test('with one branch taken, the join fires as soon as it arrives', async () => {
  const instance = await Instance.start(reports(), { needsSchool: false, needsHealth: true, needsPolice: false })
  instance.completeJob('health')
  assert.equal(instance.waitingAt, ['decide'])
})

test('no true condition takes the default flow', async () => {
  const xml = reports('fork-police').replace('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=needsPolice</bpmn:conditionExpression>', '')
  const instance = await Instance.start(xml, { needsSchool: false, needsHealth: false })
  assert.equal(instance.waitingAt, ['police'])
})

test('the default flow is not taken when some condition is true', async () => {
  const xml = reports('fork-police').replace('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=needsPolice</bpmn:conditionExpression>', '')
  const instance = await Instance.start(xml, { needsSchool: true, needsHealth: false })
  assert.equal(instance.waitingAt, ['school'])
})

test('no true condition and no default raises a CONDITION_ERROR incident', async () => {
  const instance = await Instance.start(reports(), { needsSchool: false, needsHealth: false, needsPolice: false })
  assert.equal(instance.current.incidents.map((incident) => [incident.type, incident.elementId]), [['CONDITION_ERROR', 'fork']])
})

test('a condition on a missing variable is a CONDITION_ERROR incident naming the flow and the expression, as in Zeebe', async () => {
  const instance = await Instance.start(reports(), { needsSchool: true, needsPolice: false })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CONDITION_ERROR')
  assert.is(incident?.elementId, 'fork')
  assert.match(incident?.message ?? '', /'=needsHealth' of sequence flow 'fork-health'/)
  assert.match(incident?.message ?? '', /to be a boolean, but it was null/)
  assert.equal(instance.waitingAt, ['fork'], 'no branch was taken')
})

test('the join fires once the other token can no longer reach it', async () => {
  // b may leave through 'skip' instead of reaching the join.
  const xml = definition(
    startEvent(),
    gateway('inclusive', 'fork'),
    serviceTask('a'),
    serviceTask('b'),
    gateway('exclusive', 'route', 'route-join'),
    endEvent('skip'),
    gateway('inclusive', 'join'),
    serviceTask('after'),
    chain('start', 'fork'),
    flow('fork', 'a', '=true'),
    flow('fork', 'b', '=true'),
    chain('a', 'join', 'after'),
    chain('b', 'route'),
    flow('route', 'skip', '=skip'),
    flow('route', 'join'),
  )
  const instance = await Instance.start(xml)
  instance.completeJob('a')
  assert.equal(instance.waitingAt, ['b'], 'b can still reach the join, so it waits')
  instance.completeJob('b', { skip: true })
  assert.equal(instance.waitingAt, ['after'])
  assert.ok(instance.completed.includes('skip'))
})

test('a token stuck in an incident upstream still holds the join', async () => {
  const xml = definition(
    startEvent(),
    gateway('inclusive', 'fork'),
    serviceTask('a'),
    serviceTask('b', '=kind'),
    gateway('inclusive', 'join'),
    serviceTask('after'),
    chain('start', 'fork'),
    flow('fork', 'a', '=true'),
    flow('fork', 'b', '=true'),
    chain('a', 'join', 'after'),
    chain('b', 'join'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.current.incidents.map((incident) => incident.elementId), ['b'])
  instance.completeJob('a')
  assert.equal(instance.waitingAt, ['b'])
  instance.run({ type: 'setVariables', variables: { kind: 'work' } })
  instance.run({ type: 'resolveIncident', incidentId: instance.current.incidents[0]!.id })
  instance.completeJob('b')
  assert.equal(instance.waitingAt, ['after'])
})

test.run()
