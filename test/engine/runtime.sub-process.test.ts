// Embedded sub-processes: their own scope, completion when nothing is left
// inside, terminate end events that end only the sub-process, input and output
// mappings, and boundary events that interrupt them.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, boundaryEvent, chain, definition, endEvent, gateway, ioMapping, serviceTask, startEvent, subProcess, task, terminateEndEvent, timer } from './helpers.js'

test('a sub-process runs its content in its own scope, then takes its outgoing flow', async () => {
  const xml = definition(startEvent(), subProcess('review', [startEvent('s'), serviceTask('check'), endEvent('e'), chain('s', 'check', 'e')]), endEvent(), chain('start', 'review', 'end'))
  const instance = await Instance.start(xml)
  const review = instance.id('review')
  assert.is(instance.current.elements.find((element) => element.elementId === 'check')?.scope, review)
  instance.completeJob('check', { ok: true })
  assert.equal(instance.completed, ['start', 's', 'check', 'e', 'review', 'end'])
  assert.equal(instance.current.variables, { ok: true }, 'results propagate to the process scope unless a scope holds the name')
})

test('input mappings make local variables of the sub-process, seen inside and gone after; output mappings decide what leaves', async () => {
  const xml = definition(
    startEvent(),
    subProcess('review', [startEvent('s'), serviceTask('check'), chain('s', 'check')], { extra: ioMapping({ draft: '=amount * 2' }, { approved: '=draft > 100' }) }),
    endEvent(), chain('start', 'review', 'end'),
  )
  const instance = await Instance.start(xml, { amount: 70 })
  assert.equal(instance.effectsOf('createJob')[0]?.variables, { amount: 70, draft: 140 })
  instance.completeJob('check', { draft: 20 })
  assert.equal(instance.current.variables, { amount: 70, approved: false }, 'the job wrote the local draft; only the mapped output left')
})

test('a terminate end event inside a sub-process ends only the sub-process, which then completes', async () => {
  const xml = definition(
    startEvent(), gateway('parallel', 'fork'),
    subProcess('review', [startEvent('s'), gateway('parallel', 'inner'), serviceTask('slow'), terminateEndEvent('stop'), chain('s', 'inner', 'slow'), chain('inner', 'stop')]),
    serviceTask('outside'), endEvent(), chain('start', 'fork', 'review', 'end'), chain('fork', 'outside'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.effectsOf('cancelJob').map((effect) => effect.elementInstanceId), [instance.eventsOf('elementActivated').find((event) => event.elementId === 'slow')!.elementInstanceId])
  assert.ok(instance.completed.includes('review'))
  assert.equal(instance.waitingAt, ['outside'], 'the token outside the sub-process is untouched')
  assert.is(instance.current.status, 'active')
  instance.completeJob('outside')
  assert.is(instance.current.status, 'completed')
})

test('an interrupting boundary timer on a sub-process terminates everything inside it', async () => {
  const xml = definition(
    startEvent(),
    subProcess('review', [startEvent('s'), serviceTask('check'), chain('s', 'check')]),
    boundaryEvent('late', 'review', timer('duration', 'P14D')), task('escalate'), endEvent(),
    chain('start', 'review', 'end'), chain('late', 'escalate'),
  )
  const instance = await Instance.start(xml)
  const check = instance.id('check')
  instance.fireTimer('late')
  assert.equal(instance.effectsOf('cancelJob'), [{ type: 'cancelJob', elementInstanceId: check }])
  assert.equal(instance.eventsOf('elementTerminated').map((event) => event.elementId), ['check', 'review'])
  assert.is(instance.current.status, 'completed')
})

test('nested sub-processes complete from the inside out', async () => {
  const xml = definition(
    startEvent(),
    subProcess('outer', [startEvent('s1'), subProcess('inner', [startEvent('s2'), task('work'), chain('s2', 'work')]), chain('s1', 'inner')]),
    endEvent(), chain('start', 'outer', 'end'),
  )
  const instance = await Instance.start(xml)
  assert.equal(instance.completed, ['start', 's1', 's2', 'work', 'inner', 'outer', 'end'])
})

test.run()
