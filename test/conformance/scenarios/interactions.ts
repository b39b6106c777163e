// Elements together: boundaries on multi-instance call activities, messages into child
// processes, timers across restarts inside scopes, joins of timer and message branches.
import { and, bpmn, boundary, call, catchEvent, chain, end, eventGateway, flow, process, service, start, sub, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const childWaiting = bpmn({}, process('child', start('cstart'), user('review'), end('cend'), chain('cstart', 'review', 'cend')))

export const scenarios: Scenario[] = [
  {
    name: 'a boundary timer on a multi-instance call activity cancels every child',
    bpmn: [bpmn({}, process('p', start(), call('reviews', 'child', { mi: { inputCollection: '=reviewers', inputElement: 'reviewer' } }), end(),
      boundary('late', 'reviews', { timer: { duration: 'P7D' } }), end('endLate'), chain('start', 'reviews', 'end'), flow('late', 'endLate'))), childWaiting],
    input: { reviewers: ['a', 'b', 'c'] },
    script: [{ completeUserTask: 'review' }, { advance: 'P7D' }],
    trail: ['start', 'reviews', 'late', 'endLate'], status: 'completed',
    instances: { child: [{ status: 'completed' }, { status: 'cancelled' }, { status: 'cancelled' }] },
  },
  {
    name: 'a non-interrupting boundary timer on a multi-instance call activity leaves the children running',
    bpmn: [bpmn({}, process('p', start(), call('reviews', 'child', { mi: { inputCollection: '=reviewers' } }), end(),
      boundary('nudge', 'reviews', { timer: { duration: 'P3D' } }, { interrupting: false }), service('remind'), end('endNudge'),
      chain('start', 'reviews', 'end'), chain('nudge', 'remind', 'endNudge'))), childWaiting],
    input: { reviewers: ['a', 'b'] },
    script: [{ advance: 'P3D' }, { completeJob: 'remind' }, { completeUserTask: 'review' }, { completeUserTask: 'review' }],
    trail: ['start', 'nudge', 'remind', 'endNudge', 'reviews', 'reviews', 'reviews', 'end'], status: 'completed',
  },
  {
    name: 'a message published before the child process subscribes reaches the child',
    bpmn: [bpmn({}, process('p', start(), service('prepare'), call('call', 'child'), end(), chain('start', 'prepare', 'call', 'end'))),
      bpmn({ messages: { signed: '=caseId' } }, process('child', start('cstart'), catchEvent('waitSigned', { message: 'signed' }), end('cend'), chain('cstart', 'waitSigned', 'cend')))],
    input: { caseId: 'c-5' },
    script: [{ publish: 'signed', correlationKey: 'c-5', ttl: 'P1D', variables: { signedBy: 'guardian' } }, { completeJob: 'prepare' }],
    trail: ['start', 'prepare', 'call', 'end'], status: 'completed', variables: { signedBy: 'guardian' },
  },
  {
    name: 'a timer inside a sub-process fires after a restart',
    bpmn: bpmn({}, process('p', start(), sub('cooling', [start('s1'), catchEvent('wait', { timer: { duration: 'P14D' } }), end('e1'), chain('s1', 'wait', 'e1')]), end(), chain('start', 'cooling', 'end'))),
    script: [{ restart: true }, { advance: 'P14D' }],
    trail: ['start', 's1', 'wait', 'e1', 'cooling', 'end'], status: 'completed',
  },
  {
    name: 'a parallel join waits for both a timer branch and a message branch',
    bpmn: bpmn({ messages: { consent: '=caseId' } }, process('p', start(), and('fork'), catchEvent('wait', { timer: { duration: 'PT1H' } }), catchEvent('consented', { message: 'consent' }), and('join'), end(),
      flow('start', 'fork'), chain('fork', 'wait', 'join'), chain('fork', 'consented', 'join'), flow('join', 'end'))),
    input: { caseId: 'c' },
    script: [{ publish: 'consent', correlationKey: 'c' }, { expect: { status: 'active' } }, { advance: 'PT1H' }],
    trail: ['start', 'fork', 'consented', 'wait', 'join', 'end'], status: 'completed',
  },
  {
    name: 'an interrupting boundary on a sub-process closes the subscriptions inside it',
    bpmn: bpmn({ messages: { answer: '=caseId' } }, process('p', start(),
      sub('asking', [start('s1'), eventGateway('gw'), catchEvent('answered', { message: 'answer' }), end('e1'), catchEvent('later', { timer: { duration: 'P2D' } }), end('e2'),
        flow('s1', 'gw'), chain('gw', 'answered', 'e1'), chain('gw', 'later', 'e2')]),
      boundary('deadline', 'asking', { timer: { duration: 'P1D' } }), end('endDeadline'), end(), chain('start', 'asking', 'end'), flow('deadline', 'endDeadline'))),
    input: { caseId: 'c' },
    script: [{ advance: 'P1D' }, { publish: 'answer', correlationKey: 'c' }, { advance: 'P3D' }],
    // The event-based gateway is still waiting when the boundary fires: terminated, not completed.
    trail: ['start', 's1', 'deadline', 'endDeadline'], status: 'completed',
  },
  {
    name: 'an event-based gateway after a boundary path can still be answered',
    bpmn: bpmn({ messages: { answer: '=caseId' } }, process('p', start(), user('task'), end(),
      boundary('nudge', 'task', { timer: { duration: 'PT1H' } }, { interrupting: false }), eventGateway('gw'),
      catchEvent('answered', { message: 'answer' }), end('e1'), catchEvent('gaveUp', { timer: { duration: 'PT2H' } }), end('e2'),
      chain('start', 'task', 'end'), flow('nudge', 'gw'), chain('gw', 'answered', 'e1'), chain('gw', 'gaveUp', 'e2'))),
    input: { caseId: 'c' },
    script: [{ advance: 'PT1H' }, { publish: 'answer', correlationKey: 'c' }, { completeUserTask: 'task' }],
    trail: ['start', 'nudge', 'gw', 'answered', 'e1', 'task', 'end'], status: 'completed',
  },
]
