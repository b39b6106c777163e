// An exclusive gateway takes the first true condition in document order, else
// its default flow, else raises an incident; as a merge it lets each token through.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, flow, gateway, scriptTask, serviceTask, startEvent, task } from './helpers.js'

const decision = (defaultFlow?: string) =>
  definition(
    startEvent(),
    gateway('exclusive', 'amount', defaultFlow),
    task('big'),
    task('huge'),
    task('small'),
    endEvent(),
    chain('start', 'amount'),
    flow('amount', 'big', '=amount > 100'),
    flow('amount', 'huge', '=amount > 1000'),
    ...(defaultFlow ? [flow('amount', 'small')] : []),
    chain('big', 'end'),
    chain('huge', 'end'),
    chain('small', 'end'),
  )

test('takes the first flow whose condition is true, in document order', async () => {
  const instance = await Instance.start(decision('amount-small'), { amount: 5000 })
  assert.equal(instance.takenFlows, ['start-amount', 'amount-big', 'big-end'])
  assert.is(instance.current.status, 'completed')
})

test('takes the default flow when no condition is true', async () => {
  const instance = await Instance.start(decision('amount-small'), { amount: 50 })
  assert.ok(instance.takenFlows.includes('amount-small'))
  assert.not.ok(instance.completed.includes('big'))
})

test('a condition on a missing variable is a CONDITION_ERROR incident naming the gateway and the expression, even with a default flow (as in Zeebe)', async () => {
  const instance = await Instance.start(decision('amount-small'), {})
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CONDITION_ERROR')
  assert.is(incident?.elementId, 'amount')
  assert.match(incident?.message ?? '', /'=amount > 100' of sequence flow 'amount-big' leaving exclusive gateway 'amount'/)
  assert.match(incident?.message ?? '', /but it was null \(Variable 'amount' not found\)/)
  assert.not.ok(instance.takenFlows.includes('amount-small'))
})

test('a condition that gives a string or a number is a CONDITION_ERROR incident too', async () => {
  for (const amount of ['lots', 7]) {
    const xml = decision('amount-small').replace('=amount &gt; 100', '=amount')
    const instance = await Instance.start(xml, { amount })
    assert.match(instance.current.incidents[0]?.message ?? '', /'=amount' to be a boolean, but it was the (string "lots"|number 7)/)
  }
})

test('no true condition and no default flow raises a CONDITION_ERROR incident on the gateway', async () => {
  const instance = await Instance.start(decision(), { amount: 50 })
  assert.is(instance.current.status, 'active')
  assert.equal(instance.waitingAt, ['amount'])
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CONDITION_ERROR')
  assert.is(incident?.elementId, 'amount')
  assert.match(incident?.message ?? '', /Expected at least one condition to evaluate to true at exclusive gateway 'amount', or to have a default flow/)
  assert.equal(instance.effectsOf('raiseIncident').map((effect) => effect.incidentId), [incident?.id])
})

test('resolving the incident re-evaluates the conditions with the current variables', async () => {
  const instance = await Instance.start(decision(), { amount: 50 })
  instance.run({ type: 'setVariables', variables: { amount: 150 } })
  instance.run({ type: 'resolveIncident', incidentId: instance.current.incidents[0]!.id })
  assert.equal(instance.current.incidents, [])
  assert.ok(instance.takenFlows.includes('amount-big'))
  assert.is(instance.current.status, 'completed')
})

test('a condition that gives a non-boolean raises an incident naming the flow and the expression', async () => {
  const xml = definition(
    startEvent(), gateway('exclusive', 'approved', 'approved-no'), task('yes'), task('no'),
    chain('start', 'approved'), flow('approved', 'yes', '=decision'), flow('approved', 'no'),
  )
  const instance = await Instance.start(xml, { decision: 'yes' })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CONDITION_ERROR')
  assert.match(incident?.message ?? '', /condition '=decision' of sequence flow 'approved-yes' leaving exclusive gateway 'approved'/)
  assert.match(incident?.message ?? '', /to be a boolean, but it was the string "yes"/)
})

test('comparing values of different types is null in FEEL, so not true', async () => {
  const instance = await Instance.start(decision('amount-small'), { amount: 'a lot' })
  assert.ok(instance.takenFlows.includes('amount-small'))
})

test('loops back through a gateway until a condition ends the loop', async () => {
  const xml = definition(
    startEvent(),
    scriptTask('count', '=if counter = null then 1 else counter + 1', 'counter'),
    gateway('exclusive', 'again', 'again-done'),
    endEvent('done'),
    chain('start', 'count', 'again'),
    flow('again', 'count', '=counter < 3'),
    flow('again', 'done'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.current.variables, { counter: 3 })
  assert.equal(instance.completed.filter((id) => id === 'count').length, 3)
  assert.is(instance.current.status, 'completed')
})

test('as a merge, it lets every token through on its own', async () => {
  const xml = definition(
    startEvent(),
    gateway('parallel', 'fork'),
    gateway('exclusive', 'merge'),
    serviceTask('after'),
    chain('start', 'fork'),
    flow('fork', 'merge', undefined, 'left'),
    flow('fork', 'merge', undefined, 'right'),
    chain('merge', 'after'),
  )
  const instance = await Instance.start(xml)
  assert.is(instance.effectsOf('createJob').length, 2)
  assert.equal(instance.waitingAt, ['after', 'after'])
})

test('a gateway without outgoing flows is an implicit end', async () => {
  const instance = await Instance.start(definition(startEvent(), gateway('exclusive', 'stop'), chain('start', 'stop')))
  assert.is(instance.current.status, 'completed')
})

test.run()
