// Timers: intermediate catch (duration, date), boundary (interrupting, and
// non-interrupting with a cycle), overdue cycles, and timer start events.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError, DeploymentError } from '../../src/engine/errors.js'
import { parseDefinition } from '../../src/engine/model/index.js'
import { nextTimerStart, startSubscriptions } from '../../src/engine/runtime/index.js'
import { Instance, NOW, boundaryEvent, catchEvent, chain, definition, deploy, endEvent, serviceTask, startEvent, startEventOf, task, timer } from './helpers.js'

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

test('an intermediate timer waits for its duration, then the token moves on', async () => {
  const instance = await Instance.start(definition(startEvent(), catchEvent('wait', timer('duration', 'PT10M')), endEvent(), chain('start', 'wait', 'end')))
  assert.equal(instance.waitingAt, ['wait'])
  const [scheduled] = instance.effectsOf('scheduleTimer')
  assert.equal(scheduled, { type: 'scheduleTimer', subscriptionId: scheduled!.subscriptionId, elementId: 'wait', elementInstanceId: instance.id('wait'), dueAt: at(10).toISOString() })
  instance.fireTimer('wait')
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.subscriptions, [])
  assert.equal(instance.effectsOf('closeSubscription').map((effect) => effect.subscriptionId), [scheduled!.subscriptionId])
  assert.equal(
    instance.events.filter((event) => event.type.startsWith('timer') || event.type === 'subscriptionClosed').map((event) => event.type),
    ['timerScheduled', 'timerFired', 'subscriptionClosed'],
  )
})

test('a timer date can be FEEL, read from a variable when the timer opens', async () => {
  const instance = await Instance.start(definition(startEvent(), catchEvent('wait', timer('date', '=deadline')), chain('start', 'wait')), { deadline: '2024-06-01T08:00:00+02:00' })
  assert.is(instance.subscription('wait').kind, 'timer')
  assert.is((instance.subscription('wait') as { dueAt: string }).dueAt, '2024-06-01T06:00:00.000Z')
})

test('a FEEL duration from now() + a variable is computed with the engine clock', async () => {
  const instance = await Instance.start(definition(startEvent(), catchEvent('wait', timer('duration', '=wait')), chain('start', 'wait')), { wait: 'P1D' })
  assert.is((instance.subscription('wait') as { dueAt: string }).dueAt, '2024-05-02T10:00:00.000Z')
})

test('a FEEL timer that gives no duration is an EXTRACT_VALUE_ERROR incident naming the element and the expression; resolving retries it', async () => {
  const instance = await Instance.start(definition(startEvent(), catchEvent('wait', timer('duration', '=reminder')), endEvent(), chain('start', 'wait', 'end')))
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.is(incident?.elementId, 'wait')
  assert.match(incident?.message ?? '', /intermediate catch event 'wait'/)
  assert.match(incident?.message ?? '', /'=reminder'/)
  assert.equal(instance.effectsOf('scheduleTimer'), [])
  instance.run({ type: 'setVariables', variables: { reminder: 'banana' } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.match(instance.current.incidents[0]?.message ?? '', /'banana' is not an ISO 8601 duration/)
  instance.run({ type: 'setVariables', variables: { reminder: 'PT1H' } })
  instance.run({ type: 'resolveIncident', incidentId: instance.current.incidents[0]!.id })
  assert.equal(instance.current.incidents, [])
  assert.is((instance.subscription('wait') as { dueAt: string }).dueAt, at(60).toISOString())
})

test('a static timer that does not parse is refused at deploy, naming the element', async () => {
  for (const [type, value, reason] of [
    ['duration', 'ten minutes', /'ten minutes' is not an ISO 8601 duration/],
    ['date', '2024-13-45', /not an ISO 8601 date-time/],
    ['cycle', 'R3/PT', /not a valid ISO 8601 repeating interval/],
    ['cycle', '0 9 * * MON', /Zeebe's cron has six fields/],
    ['cycle', '0 0 25 * * *', /cron expression '0 0 25 \* \* \*' does not parse/],
  ] as const) {
    const attached = type === 'cycle' ? boundaryEvent('wait', 'work', timer(type, value), false) : catchEvent('wait', timer(type, value))
    const xml = definition(startEvent(), serviceTask('work'), attached, task('after'), chain('start', 'work'), chain('wait', 'after'))
    const error = await parseDefinition(xml).then(() => null, (caught: unknown) => caught)
    assert.instance(error, DeploymentError, `${type} '${value}' should be refused`)
    const problem = (error as DeploymentError).problems.find((each) => each.elementId === 'wait')
    assert.match(problem?.message ?? '', reason)
  }
})

test('an interrupting boundary timer cancels the task and takes its own path', async () => {
  const xml = definition(
    startEvent(), serviceTask('work'), boundaryEvent('late', 'work', timer('duration', 'PT1H')), task('escalate'), endEvent(),
    chain('start', 'work', 'end'), chain('late', 'escalate'),
  )
  const instance = await Instance.start(xml)
  const work = instance.id('work')
  assert.equal(instance.effectsOf('scheduleTimer').map((effect) => [effect.elementId, effect.elementInstanceId]), [['late', work]])
  instance.fireTimer('late')
  assert.equal(instance.effectsOf('cancelJob'), [{ type: 'cancelJob', elementInstanceId: work }])
  assert.ok(instance.eventsOf('elementTerminated').some((event) => event.elementId === 'work'))
  assert.equal(instance.completed, ['start', 'late', 'escalate'])
  assert.is(instance.current.status, 'completed')
})

test('a task completed before its boundary timer closes the timer', async () => {
  const xml = definition(startEvent(), serviceTask('work'), boundaryEvent('late', 'work', timer('duration', 'PT1H')), task('escalate'), chain('start', 'work'), chain('late', 'escalate'))
  const instance = await Instance.start(xml)
  const subscriptionId = instance.subscription('late').id
  instance.completeJob('work')
  assert.equal(instance.effectsOf('closeSubscription'), [{ type: 'closeSubscription', subscriptionId }])
  assert.is(instance.current.status, 'completed')
  let rejected: unknown
  try {
    instance.run({ type: 'triggerTimer', subscriptionId })
  } catch (caught) {
    rejected = caught
  }
  assert.instance(rejected, CommandRejectedError)
  assert.is((rejected as CommandRejectedError).code, 'INSTANCE_NOT_ACTIVE')
})

test('a non-interrupting cycle fires R3 times, each time on a new path, while the task keeps waiting', async () => {
  const xml = definition(
    startEvent(), serviceTask('work'), boundaryEvent('remind', 'work', timer('cycle', 'R3/PT10M'), false), serviceTask('reminder'),
    chain('start', 'work'), chain('remind', 'reminder'),
  )
  const instance = await Instance.start(xml)
  const dueTimes = () => instance.effectsOf('scheduleTimer').map((effect) => effect.dueAt)
  instance.fireTimer('remind')
  instance.fireTimer('remind')
  assert.equal(dueTimes(), [at(10), at(20), at(30)].map((date) => date.toISOString()))
  instance.fireTimer('remind')
  assert.equal(instance.current.subscriptions, [], 'the third repetition was the last')
  assert.equal(instance.ids('reminder').length, 3)
  assert.equal(instance.ids('work').length, 1)
  assert.equal(instance.effectsOf('cancelJob'), [])
})

test('an overdue cycle fires once, then schedules the first repetition strictly after now', async () => {
  const xml = definition(startEvent(), serviceTask('work'), boundaryEvent('remind', 'work', timer('cycle', 'R/PT10M'), false), task('reminder'), chain('start', 'work'), chain('remind', 'reminder'))
  const instance = await Instance.start(xml)
  instance.fireTimer('remind', at(55))
  assert.equal(instance.eventsOf('timerFired').length, 1)
  assert.is((instance.subscription('remind') as { dueAt: string }).dueAt, at(60).toISOString())
  instance.fireTimer('remind', at(60))
  assert.is((instance.subscription('remind') as { dueAt: string }).dueAt, at(70).toISOString())
})

test('a cron cycle (six fields, seconds first) schedules the next matching time after now', async () => {
  const xml = definition(startEvent(), serviceTask('work'), boundaryEvent('daily', 'work', timer('cycle', '0 0 9 * * MON-FRI'), false), task('nag'), chain('start', 'work'), chain('daily', 'nag'))
  const instance = await Instance.start(xml) // Wednesday 1 May 2024, 10:00 UTC
  assert.is((instance.subscription('daily') as { dueAt: string }).dueAt, '2024-05-02T09:00:00.000Z')
  instance.fireTimer('daily', new Date('2024-05-03T09:00:05Z'))
  assert.is((instance.subscription('daily') as { dueAt: string }).dueAt, '2024-05-06T09:00:00.000Z')
})

test('timer start events: startSubscriptions gives the first due times, nextTimerStart the following ones', async () => {
  const model = await deploy(definition(
    startEventOf('daily', timer('cycle', 'R2/PT1H')),
    startEventOf('once', timer('date', '2024-05-03T00:00:00Z')),
    startEventOf('weekly', timer('cycle', '@weekly')),
    endEvent(), chain('daily', 'end'), chain('once', 'end'), chain('weekly', 'end'),
  ))
  assert.is(model.startEventId, null)
  assert.equal(startSubscriptions(model, NOW), {
    timers: [
      { elementId: 'daily', dueAt: at(60).toISOString() },
      { elementId: 'once', dueAt: '2024-05-03T00:00:00.000Z' },
      { elementId: 'weekly', dueAt: '2024-05-05T00:00:00.000Z' },
    ],
    messages: [],
  })
  assert.is(nextTimerStart(model, 'once', NOW), null)
  assert.is(nextTimerStart(model, 'daily', at(61), { dueAt: at(60).toISOString(), fired: 1 }), at(120).toISOString())
  assert.is(nextTimerStart(model, 'daily', at(121), { dueAt: at(120).toISOString(), fired: 2 }), null, 'R2 is exhausted after two')
  assert.is(nextTimerStart(model, 'daily', at(250), { dueAt: at(60).toISOString(), fired: 1 }), at(300).toISOString(), 'overdue: first slot after now')
  const instance = new Instance(model)
  instance.run({ type: 'start', startEventId: 'daily' })
  assert.equal(instance.completed, ['daily', 'end'])
})

test('a process with only timer starts cannot be started without naming one', async () => {
  const instance = new Instance(await deploy(definition(startEventOf('tick', timer('cycle', 'R/PT1H')), endEvent(), chain('tick', 'end'))))
  assert.throws(() => instance.run({ type: 'start' }), (error: unknown) => error instanceof CommandRejectedError && error.code === 'START_EVENT_NOT_FOUND')
})

test.run()
