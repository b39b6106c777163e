// Event sub-processes: started by a timer, a message or an error while their
// scope (the process, or a sub-process) is active; interrupting ones end the
// rest of the scope, non-interrupting ones run beside it, as often as they fire.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Instance, chain, definition, endEvent, error, errorRef, eventSubProcess, message, messageRef, serviceTask, startEvent, startEventOf, subProcess, task, timer, userTask } from './helpers.js'

const NOW = new Date('2024-05-01T10:00:00Z')
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

test('an interrupting message event sub-process ends the running work and runs instead; the instance completes after it', async () => {
  const xml = definition(
    message('Message_cancel', 'cancel case', '=caseId'), startEvent(), userTask('assess'), endEvent(), chain('start', 'assess', 'end'),
    eventSubProcess('cancelled', [startEventOf('cancelStart', messageRef('Message_cancel')), serviceTask('archive'), endEvent('cancelEnd'), chain('cancelStart', 'archive', 'cancelEnd')]),
  )
  const instance = await Instance.start(xml, { caseId: 'K-9' })
  const subscription = instance.subscription('cancelStart')
  assert.is(subscription.elementInstanceId, 0, 'a process-level event sub-process belongs to the process')
  const assess = instance.id('assess')
  instance.correlate('cancelStart', { reason: 'withdrawn' })
  assert.equal(instance.effectsOf('cancelUserTask'), [{ type: 'cancelUserTask', elementInstanceId: assess }])
  assert.equal(instance.waitingAt, ['archive', 'cancelled'])
  assert.is(instance.current.variables['reason'], 'withdrawn')
  instance.completeJob('archive')
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.completed.slice(-3), ['archive', 'cancelEnd', 'cancelled'])
})

test('a non-interrupting timer event sub-process fires on every repetition while the main work continues', async () => {
  const xml = definition(
    startEvent(), userTask('assess'), endEvent(), chain('start', 'assess', 'end'),
    eventSubProcess('reminders', [startEventOf('every', timer('cycle', 'R/P1D'), false), serviceTask('remind'), endEvent('reminded'), chain('every', 'remind', 'reminded')]),
  )
  const instance = await Instance.start(xml, {}, NOW)
  instance.fireTimer('every')
  instance.fireTimer('every')
  assert.equal(instance.ids('remind').length, 2)
  assert.equal(instance.ids('assess').length, 1)
  assert.is((instance.subscription('every') as { dueAt: string }).dueAt, at(3 * 24 * 60).toISOString())
  for (const id of instance.ids('remind')) instance.run({ type: 'completeJob', elementInstanceId: id })
  instance.completeUserTask('assess')
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.subscriptions, [], 'the end of the instance closes its event sub-process timer')
  assert.ok(instance.effectsOf('closeSubscription').length >= 1)
})

test('an error event sub-process catches an error thrown by a job anywhere in its scope', async () => {
  const xml = definition(
    error('Error_fail', 'FAIL'), startEvent(), serviceTask('work'), endEvent(), chain('start', 'work', 'end'),
    eventSubProcess('onError', [startEventOf('caught', errorRef('Error_fail')), task('handle'), endEvent('handled'), chain('caught', 'handle', 'handled')]),
  )
  const instance = await Instance.start(xml)
  instance.run({ type: 'throwError', elementInstanceId: instance.id('work'), errorCode: 'FAIL' })
  assert.equal(instance.eventsOf('errorCaught').map((event) => event.catchElementId), ['caught'])
  assert.is(instance.current.status, 'completed')
  assert.ok(instance.completed.includes('onError'))
})

test('an event sub-process inside a sub-process listens only while the sub-process runs', async () => {
  const xml = definition(
    message('Message_nudge', 'nudge', '=caseId'), startEvent(),
    subProcess('review', [
      startEvent('s'), userTask('check'), chain('s', 'check'),
      eventSubProcess('nudged', [startEventOf('nudge', messageRef('Message_nudge'), false), task('note'), chain('nudge', 'note')]),
    ]),
    endEvent(), chain('start', 'review', 'end'),
  )
  const instance = await Instance.start(xml, { caseId: 'K-1' })
  assert.is(instance.subscription('nudge').elementInstanceId, instance.id('review'))
  instance.correlate('nudge')
  assert.ok(instance.completed.includes('nudged'))
  assert.equal(instance.waitingAt, ['check', 'review'])
  instance.completeUserTask('check')
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.current.subscriptions, [])
})

test('a process-level event sub-process whose correlation key fails is an incident on the start event; resolving retries', async () => {
  const xml = definition(
    message('Message_cancel', 'cancel case', '=caseId'), startEvent(), userTask('assess'), chain('start', 'assess'),
    eventSubProcess('cancelled', [startEventOf('cancelStart', messageRef('Message_cancel')), task('archive'), chain('cancelStart', 'archive')]),
  )
  const instance = await Instance.start(xml)
  const [incident] = instance.current.incidents
  assert.is(incident?.elementId, 'start')
  assert.match(incident?.message ?? '', /correlation key of start event 'cancelStart'/)
  instance.run({ type: 'setVariables', variables: { caseId: 'K-2' } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.equal(instance.waitingAt, ['assess'])
  assert.is(instance.subscription('cancelStart').kind, 'message')
})

test.run()
