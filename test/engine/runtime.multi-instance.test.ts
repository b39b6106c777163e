// Multi-instance activities: a body with one inner instance per item, parallel
// or sequential, loopCounter and the input element as local variables, Zeebe's
// output collection, the completion condition, and boundary events on the body.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, boundaryEvent, callActivity, chain, definition, endEvent, ioMapping, multiInstance, multiServiceTask, startEvent, subProcess, task, timer } from './helpers.js'

const collect = (extra: Partial<Parameters<typeof multiInstance>[0]> = {}) =>
  multiInstance({ inputCollection: '=reviewers', inputElement: 'reviewer', outputCollection: 'verdicts', outputElement: '=verdict', ...extra })

test('parallel: one job per item, each with loopCounter and its item; the output collection keeps input order', async () => {
  const xml = definition(startEvent(), multiServiceTask('review', collect()), endEvent(), chain('start', 'review', 'end'))
  const instance = await Instance.start(xml, { reviewers: ['ola', 'kari', 'per'] })
  const jobs = instance.effectsOf('createJob')
  assert.equal(jobs.map((job) => [job.variables['loopCounter'], job.variables['reviewer']]), [[1, 'ola'], [2, 'kari'], [3, 'per']])
  // Completed out of order: the collection is still in input order.
  const [first, second, third] = jobs.map((job) => job.elementInstanceId)
  instance.run({ type: 'completeJob', elementInstanceId: third!, variables: { verdict: 'no' } })
  instance.run({ type: 'completeJob', elementInstanceId: first!, variables: { verdict: 'yes' } })
  assert.equal(instance.current.status, 'active')
  instance.run({ type: 'completeJob', elementInstanceId: second!, variables: { verdict: 'maybe' } })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables['verdicts'], ['yes', 'maybe', 'no'])
})

test('sequential: the next inner instance starts when the previous one completes', async () => {
  const xml = definition(startEvent(), multiServiceTask('review', collect({ sequential: true })), endEvent(), chain('start', 'review', 'end'))
  const instance = await Instance.start(xml, { reviewers: ['ola', 'kari'] })
  assert.equal(instance.effectsOf('createJob').map((job) => job.variables['reviewer']), ['ola'])
  const body = instance.current.elements.find((element) => element.body)!
  assert.equal(body.variables, { verdicts: [null, null] }, 'the output collection starts as one null per item')
  instance.completeJob('review', { verdict: 'yes' })
  assert.equal(instance.effectsOf('createJob').map((job) => job.variables['reviewer']), ['ola', 'kari'])
  instance.completeJob('review', { verdict: 'no' })
  assert.equal(instance.current.variables['verdicts'], ['yes', 'no'])
  assert.is(instance.current.status, 'completed')
})

test('an empty input collection completes the body at once', async () => {
  const instance = await Instance.start(definition(startEvent(), multiServiceTask('review', collect()), endEvent(), chain('start', 'review', 'end')), { reviewers: [] })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables['verdicts'], [])
})

test('an input collection that is not a list is an EXTRACT_VALUE_ERROR incident on the activity', async () => {
  const instance = await Instance.start(definition(startEvent(), multiServiceTask('review', collect()), chain('start', 'review')), {})
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.match(incident?.message ?? '', /input collection '=reviewers' of service task 'review'/)
})

test('the completion condition ends the body early, terminating the inner instances still running', async () => {
  const xml = definition(startEvent(), multiServiceTask('review', collect({ completionCondition: '=verdict = "no"' })), endEvent(), chain('start', 'review', 'end'))
  const instance = await Instance.start(xml, { reviewers: ['ola', 'kari', 'per'] })
  const [first] = instance.ids('review').filter((id) => !instance.current.elements.find((element) => element.id === id)?.body)
  instance.run({ type: 'completeJob', elementInstanceId: first!, variables: { verdict: 'no' } })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.effectsOf('cancelJob').length, 2)
  assert.equal(instance.current.variables['verdicts'], ['no', null, null])
})

test('a completion condition that is not a boolean is a CONDITION_ERROR incident naming the element and the expression', async () => {
  const xml = definition(startEvent(), multiServiceTask('review', collect({ completionCondition: '=missing' })), chain('start', 'review'))
  const instance = await Instance.start(xml, { reviewers: ['ola'] })
  instance.completeJob('review', { verdict: 'yes' })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'CONDITION_ERROR')
  assert.match(incident?.message ?? '', /completion condition of service task 'review'/)
  assert.match(incident?.message ?? '', /'=missing'/)
})

test('input and output mappings apply to each inner instance', async () => {
  const xml = definition(startEvent(), multiServiceTask('review', collect(), ioMapping({ name: '=upper case(reviewer)' }, { verdict: '=result' })), chain('start', 'review'))
  const instance = await Instance.start(xml, { reviewers: ['ola'] })
  assert.is(instance.effectsOf('createJob')[0]?.variables['name'], 'OLA')
  instance.completeJob('review', { result: 'fine' })
  assert.equal(instance.current.variables['verdicts'], ['fine'])
})

test('a multi-instance sub-process runs its content once per item, each in its own scope', async () => {
  const xml = definition(
    startEvent(),
    subProcess('each', [startEvent('s'), task('work'), chain('s', 'work')], { loop: multiInstance({ inputCollection: '=[1, 2, 3]', inputElement: 'n', outputCollection: 'squares', outputElement: '=n * n' }) }),
    endEvent(), chain('start', 'each', 'end'),
  )
  const instance = await Instance.start(xml)
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.variables, { squares: [1, 4, 9] })
})

test('a boundary timer on a multi-instance call activity belongs to the body: it cancels every child', async () => {
  const xml = definition(
    startEvent(), callActivity('assess', 'assessment', { loop: multiInstance({ inputCollection: '=children' }) }),
    boundaryEvent('late', 'assess', timer('duration', 'P30D')), task('escalate'), endEvent(),
    chain('start', 'assess', 'end'), chain('late', 'escalate'),
  )
  const instance = await Instance.start(xml, { children: ['a', 'b'] })
  const body = instance.current.elements.find((element) => element.body)!
  assert.is(instance.subscription('late').elementInstanceId, body.id)
  assert.equal(instance.effectsOf('startChild').length, 2)
  instance.fireTimer('late')
  assert.equal(instance.effectsOf('cancelChild').length, 2)
  assert.equal(instance.completed.slice(-2), ['late', 'escalate'])
})

test.run()
