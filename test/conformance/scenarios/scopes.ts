// Event-based gateways, embedded sub-processes (own variable scope, terminate ends only the
// scope) and event sub-processes (interrupting and not; timer, message and error starts).
import { and, bpmn, catchEvent, chain, end, eventGateway, eventSub, flow, io, process, service, start, startOn, sub, terminateEnd, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const gatewayProcess = bpmn({ messages: { answer: '=caseId', reminder: '=caseId' } }, process('p', start(), eventGateway('gw'),
  catchEvent('answered', { message: 'answer' }), end('endAnswered'),
  catchEvent('timedOut', { timer: { duration: 'P1D' } }), end('endTimedOut'),
  catchEvent('reminded', { message: 'reminder' }), end('endReminded'),
  flow('start', 'gw'), chain('gw', 'answered', 'endAnswered'), chain('gw', 'timedOut', 'endTimedOut'), chain('gw', 'reminded', 'endReminded')))

const waitingProcess = (...eventSubProcess: string[]) => bpmn({ messages: { 'cancel request': '=caseId', note: '=caseId' }, errors: ['E'] },
  process('p', start(), user('task'), end(), chain('start', 'task', 'end'), ...eventSubProcess))

export const scenarios: Scenario[] = [
  {
    name: 'an event-based gateway takes the message branch when the message comes first, and its timer never fires',
    bpmn: gatewayProcess, input: { caseId: 'c' },
    script: [{ advance: 'PT12H' }, { publish: 'answer', correlationKey: 'c', variables: { yes: true } }, { advance: 'P2D' }],
    trail: ['start', 'gw', 'answered', 'endAnswered'], status: 'completed', variables: { yes: true },
  },
  {
    name: 'an event-based gateway takes the timer branch when the timer comes first; a later message finds no one',
    bpmn: gatewayProcess, input: { caseId: 'c' },
    script: [{ advance: 'P1D' }, { publish: 'answer', correlationKey: 'c' }],
    trail: ['start', 'gw', 'timedOut', 'endTimedOut'], status: 'completed',
  },
  {
    name: 'an event-based gateway with two message branches takes the first message only',
    bpmn: gatewayProcess, input: { caseId: 'c' },
    script: [{ publish: 'reminder', correlationKey: 'c' }, { publish: 'answer', correlationKey: 'c' }],
    trail: ['start', 'gw', 'reminded', 'endReminded'], status: 'completed',
  },
  {
    name: 'an event-based gateway takes a message buffered before it was reached',
    bpmn: bpmn({ messages: { answer: '=caseId' } }, process('p', start(), service('ask'), eventGateway('gw'),
      catchEvent('answered', { message: 'answer' }), end('endAnswered'), catchEvent('timedOut', { timer: { duration: 'P1D' } }), end('endTimedOut'),
      chain('start', 'ask', 'gw'), chain('gw', 'answered', 'endAnswered'), chain('gw', 'timedOut', 'endTimedOut'))),
    input: { caseId: 'c' },
    script: [{ publish: 'answer', correlationKey: 'c', ttl: 'PT1H' }, { completeJob: 'ask' }],
    trail: ['start', 'ask', 'gw', 'answered', 'endAnswered'], status: 'completed',
  },
  {
    name: 'an embedded sub-process runs from its start event to its end, then the process goes on',
    bpmn: bpmn({}, process('p', start(), sub('review', [start('s1'), service('read'), end('e1'), chain('s1', 'read', 'e1')]), end(), chain('start', 'review', 'end'))),
    script: [{ completeJob: 'read', variables: { verdict: 'ok' } }],
    trail: ['start', 's1', 'read', 'e1', 'review', 'end'], status: 'completed', variables: { verdict: 'ok' },
  },
  {
    name: 'a sub-process\'s input-mapped variable stays local; a job result goes to the process',
    bpmn: bpmn({}, process('p', start(),
      sub('review', [start('s1'), service('read'), end('e1'), chain('s1', 'read', 'e1')], { io: io({ draft: '=amount * 2' }) }), end(), chain('start', 'review', 'end'))),
    input: { amount: 3 },
    script: [{ completeJob: 'read', variables: { result: 1 } }],
    status: 'completed', finalVariables: { amount: 3, result: 1 },
  },
  {
    name: 'nested sub-processes complete inside out',
    bpmn: bpmn({}, process('p', start(),
      sub('outer', [start('s1'), sub('inner', [start('s2'), service('work'), end('e2'), chain('s2', 'work', 'e2')]), end('e1'), chain('s1', 'inner', 'e1')]),
      end(), chain('start', 'outer', 'end'))),
    script: [{ completeJob: 'work' }],
    trail: ['start', 's1', 's2', 'work', 'e2', 'inner', 'e1', 'outer', 'end'], status: 'completed',
  },
  {
    name: 'a terminate end event inside a sub-process ends that scope only; the process goes on',
    bpmn: bpmn({}, process('p', start(),
      sub('review', [start('s1'), and('fork'), terminateEnd('stop'), user('slow'), end('e1'), flow('s1', 'fork'), flow('fork', 'stop'), chain('fork', 'slow', 'e1')]),
      service('after'), end(), chain('start', 'review', 'after', 'end'))),
    script: [{ expect: { waitingAt: ['after'] } }, { completeJob: 'after' }],
    trail: ['start', 's1', 'fork', 'stop', 'review', 'after', 'end'], status: 'completed',
  },
  {
    name: 'an interrupting message event sub-process ends the rest of the process',
    bpmn: waitingProcess(eventSub('cancelling', [startOn('cancelAsked', { message: 'cancel request' }), service('cleanUp'), end('cancelled'), chain('cancelAsked', 'cleanUp', 'cancelled')])),
    input: { caseId: 'c' },
    script: [{ publish: 'cancel request', correlationKey: 'c' }, { expect: { waitingAt: ['cancelling', 'cleanUp'] } }, { completeJob: 'cleanUp' }],
    trail: ['start', 'cancelAsked', 'cleanUp', 'cancelled', 'cancelling'], status: 'completed',
  },
  {
    name: 'a non-interrupting message event sub-process fires for each message while the task waits',
    bpmn: waitingProcess(eventSub('noting', [startOn('noted', { message: 'note' }, { interrupting: false }), end('filed'), chain('noted', 'filed')])),
    input: { caseId: 'c' },
    script: [
      { publish: 'note', correlationKey: 'c', variables: { n: 1 } }, { publish: 'note', correlationKey: 'c', variables: { n: 2 } },
      { expect: { trail: ['start', 'noted', 'filed', 'noting', 'noted', 'filed', 'noting'], waitingAt: ['task'] } },
      { completeUserTask: 'task' },
    ],
    trail: ['start', 'noted', 'filed', 'noting', 'noted', 'filed', 'noting', 'task', 'end'], status: 'completed',
  },
  {
    name: 'a non-interrupting timer event sub-process fires on each repetition of its cycle',
    bpmn: waitingProcess(eventSub('reminding', [startOn('remind', { timer: { cycle: 'R2/PT1H' } }, { interrupting: false }), end('reminded'), chain('remind', 'reminded')])),
    script: [{ advance: 'PT1H' }, { advance: 'PT1H' }, { advance: 'PT1H' }, { completeUserTask: 'task' }],
    trail: ['start', 'remind', 'reminded', 'reminding', 'remind', 'reminded', 'reminding', 'task', 'end'], status: 'completed',
  },
  {
    name: 'an interrupting timer event sub-process terminates the waiting task',
    bpmn: waitingProcess(eventSub('expiring', [startOn('expired', { timer: { duration: 'P28D' } }), end('closed'), chain('expired', 'closed')])),
    script: [{ advance: 'P28D' }],
    trail: ['start', 'expired', 'closed', 'expiring'], status: 'completed',
  },
  {
    name: 'an event sub-process\'s timer is gone once the process completes',
    bpmn: waitingProcess(eventSub('expiring', [startOn('expired', { timer: { duration: 'P28D' } }), end('closed'), chain('expired', 'closed')])),
    script: [{ completeUserTask: 'task' }, { advance: 'P30D' }],
    trail: ['start', 'task', 'end'], status: 'completed',
  },
  {
    name: 'an error event sub-process inside a sub-process catches an error from that sub-process',
    bpmn: bpmn({ errors: ['E'] }, process('p', start(),
      sub('work', [start('s1'), service('try'), end('e1'), chain('s1', 'try', 'e1'),
        eventSub('recover', [startOn('caught', { error: 'E' }), end('recovered'), chain('caught', 'recovered')])]),
      end(), chain('start', 'work', 'end'))),
    script: [{ throwError: 'try', code: 'E' }],
    trail: ['start', 's1', 'caught', 'recovered', 'recover', 'work', 'end'], status: 'completed',
  },
  {
    name: 'message variables are visible inside the event sub-process they start',
    bpmn: waitingProcess(eventSub('noting', [startOn('noted', { message: 'note' }, { interrupting: false }), service('file'), end('filed'), chain('noted', 'file', 'filed')])),
    input: { caseId: 'c' },
    script: [{ publish: 'note', correlationKey: 'c', variables: { text: 'hei' } }, { completeJob: 'file' }],
    trail: ['start', 'noted', 'file', 'filed', 'noting'], variables: { text: 'hei' }, status: 'active',
  },
]
