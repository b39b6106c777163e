// Messages (Zeebe: message events, message correlation): catch events, receive tasks, boundary
// events, start events, buffering with a time to live, and correlation at most once per process.
import { bpmn, boundary, catchEvent, chain, end, flow, messageEnd, process, receive, service, start, startOn, throwMessage, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const PAID = { paid: '=orderId' }
const waitPaid = (id = 'p') => process(id, start(), catchEvent('paid', { message: 'paid' }), end(), chain('start', 'paid', 'end'))
const prepareThenWait = bpmn({ messages: PAID }, process('p', start(), service('prepare'), catchEvent('paid', { message: 'paid' }), end(), chain('start', 'prepare', 'paid', 'end')))

export const scenarios: Scenario[] = [
  {
    name: 'a message catch event correlates by name and key, and the message variables reach the process',
    bpmn: bpmn({ messages: PAID }, waitPaid()),
    input: { orderId: 'o-1' },
    script: [{ publish: 'paid', correlationKey: 'o-1', variables: { amount: 10 } }],
    trail: ['start', 'paid', 'end'], status: 'completed', finalVariables: { orderId: 'o-1', amount: 10 },
  },
  {
    name: 'a message with another correlation key or another name does not correlate',
    bpmn: bpmn({ messages: { ...PAID, refunded: '=orderId' } }, waitPaid()),
    input: { orderId: 'o-1' },
    script: [{ publish: 'paid', correlationKey: 'o-2' }, { publish: 'refunded', correlationKey: 'o-1' }],
    trail: ['start'], waitingAt: ['paid'], status: 'active',
  },
  {
    name: 'a message published before its subscription opens is correlated when it opens, within its time to live',
    bpmn: prepareThenWait,
    input: { orderId: 'o-1' },
    script: [{ publish: 'paid', correlationKey: 'o-1', ttl: 'PT1H', variables: { amount: 5 } }, { advance: 'PT30M' }, { completeJob: 'prepare' }],
    trail: ['start', 'prepare', 'paid', 'end'], status: 'completed', variables: { amount: 5 },
  },
  {
    name: 'a buffered message whose time to live ran out is not correlated',
    bpmn: prepareThenWait,
    input: { orderId: 'o-1' },
    script: [{ publish: 'paid', correlationKey: 'o-1', ttl: 'PT1M' }, { advance: 'PT2M' }, { completeJob: 'prepare' }],
    trail: ['start', 'prepare'], waitingAt: ['paid'], status: 'active',
  },
  {
    name: 'a message without a time to live is not buffered',
    bpmn: prepareThenWait,
    input: { orderId: 'o-1' },
    script: [{ publish: 'paid', correlationKey: 'o-1' }, { completeJob: 'prepare' }],
    trail: ['start', 'prepare'], waitingAt: ['paid'],
  },
  {
    name: 'a receive task waits for its message',
    bpmn: bpmn({ messages: { approved: '=caseId' } }, process('p', start(), receive('approval', 'approved'), end(), chain('start', 'approval', 'end'))),
    input: { caseId: 'c-9' },
    script: [{ expect: { waitingAt: ['approval'] } }, { publish: 'approved', correlationKey: 'c-9', variables: { approvedBy: 'ola' } }],
    trail: ['start', 'approval', 'end'], status: 'completed', variables: { approvedBy: 'ola' },
  },
  {
    name: 'an interrupting boundary message terminates the task',
    bpmn: bpmn({ messages: { withdrawn: '=caseId' } }, process('p', start(), user('assess'), end(), boundary('withdraw', 'assess', { message: 'withdrawn' }), end('closed'),
      chain('start', 'assess', 'end'), flow('withdraw', 'closed'))),
    input: { caseId: 'c-1' },
    script: [{ publish: 'withdrawn', correlationKey: 'c-1', variables: { reason: 'moved' } }],
    trail: ['start', 'withdraw', 'closed'], status: 'completed', variables: { reason: 'moved' },
  },
  {
    name: 'a non-interrupting boundary message takes each message and leaves the task waiting',
    bpmn: bpmn({ messages: { note: '=caseId' } }, process('p', start(), user('assess'), end(), boundary('noted', 'assess', { message: 'note' }, { interrupting: false }), end('filed'),
      chain('start', 'assess', 'end'), flow('noted', 'filed'))),
    input: { caseId: 'c-1' },
    script: [{ publish: 'note', correlationKey: 'c-1' }, { publish: 'note', correlationKey: 'c-1' }, { expect: { waitingAt: ['assess'] } }, { completeUserTask: 'assess' }],
    trail: ['start', 'noted', 'filed', 'noted', 'filed', 'assess', 'end'], status: 'completed',
  },
  {
    name: 'a message start event starts an instance with the message variables',
    bpmn: bpmn({ messages: { 'case opened': null } }, process('p', startOn('opened', { message: 'case opened' }), user('register'), chain('opened', 'register'))),
    noStart: true,
    script: [{ publish: 'case opened', correlationKey: '', variables: { caseId: 7 } }],
    instances: { p: [{ trail: ['opened'], status: 'active', variables: { caseId: 7 } }] },
  },
  {
    name: 'a message start event: while an instance started with a key is active, the same key starts no other',
    bpmn: bpmn({ messages: { 'case opened': null } }, process('p', startOn('opened', { message: 'case opened' }), user('register'), chain('opened', 'register'))),
    noStart: true,
    script: [
      { publish: 'case opened', correlationKey: 'k1' }, { publish: 'case opened', correlationKey: 'k1' }, { publish: 'case opened', correlationKey: 'k2' },
    ],
    instances: { p: [{ status: 'active' }, { status: 'active' }] },
  },
  {
    name: 'a buffered start message waits for the active instance with its key to end, then starts the next',
    bpmn: bpmn({ messages: { 'case opened': null } }, process('p', startOn('opened', { message: 'case opened' }), user('register'), end(), chain('opened', 'register', 'end'))),
    noStart: true,
    script: [
      { publish: 'case opened', correlationKey: 'k1', variables: { n: 1 } },
      { publish: 'case opened', correlationKey: 'k1', ttl: 'PT1H', variables: { n: 2 } },
      { expect: { instances: { p: [{ status: 'active' }] } } },
      { completeUserTask: 'register' },
    ],
    instances: { p: [{ status: 'completed', variables: { n: 1 } }, { status: 'active', variables: { n: 2 } }] },
  },
  {
    name: 'a message correlates to one instance of a process, not every waiting one',
    bpmn: bpmn({ messages: PAID }, waitPaid()),
    input: { orderId: 'o-1' },
    script: [{ start: 'p', variables: { orderId: 'o-1' } }, { publish: 'paid', correlationKey: 'o-1' }],
    instances: { p: [{ status: 'completed' }, { status: 'active' }] },
  },
  {
    name: 'a message correlates to one instance in each of several processes',
    bpmn: [bpmn({ messages: PAID }, waitPaid('p')), bpmn({ messages: PAID }, waitPaid('q'))],
    input: { orderId: 'o-1' },
    script: [{ start: 'q', variables: { orderId: 'o-1' } }, { publish: 'paid', correlationKey: 'o-1' }],
    instances: { p: [{ status: 'completed' }], q: [{ status: 'completed' }] },
  },
  {
    name: 'a buffered message goes to only one of the process\'s instances that subscribe later',
    bpmn: prepareThenWait,
    input: { orderId: 'o-1' },
    script: [
      { start: 'p', variables: { orderId: 'o-1' } },
      { publish: 'paid', correlationKey: 'o-1', ttl: 'PT1H' },
      { completeJob: 'prepare' }, { completeJob: 'prepare' },
    ],
    instances: { p: [{ status: 'completed' }, { status: 'active' }] },
  },
  {
    name: 'a correlation key that evaluates to null is an incident; fixing the variable and resolving opens the subscription',
    bpmn: bpmn({ messages: PAID }, waitPaid()),
    script: [
      { expect: { incidents: [{ elementId: 'paid', type: 'EXTRACT_VALUE_ERROR' }] } },
      { setVariables: { orderId: 'o-3' } }, { resolveIncidents: true }, { publish: 'paid', correlationKey: 'o-3' },
    ],
    trail: ['start', 'paid', 'end'], status: 'completed',
  },
  {
    name: 'a message throw event and a message end event are jobs for a worker',
    bpmn: bpmn({}, process('p', start(), throwMessage('notify', 'send-notice'), messageEnd('done', 'send-receipt'), chain('start', 'notify', 'done'))),
    script: [{ completeJob: 'notify', variables: { noticeSent: true } }, { expect: { status: 'active' } }, { completeJob: 'done' }],
    trail: ['start', 'notify', 'done'], status: 'completed', variables: { noticeSent: true },
  },
  {
    name: 'a numeric correlation key matches its string form',
    bpmn: bpmn({ messages: PAID }, waitPaid()),
    input: { orderId: 42 },
    script: [{ publish: 'paid', correlationKey: '42' }],
    trail: ['start', 'paid', 'end'], status: 'completed',
  },
]
