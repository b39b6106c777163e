// Call activities (Zeebe: call activities): the child gets the parent's variables and gives its
// own back, cancelling the parent cancels the child, an error in the child reaches the parent's
// boundary, and a called process that is not deployed is an incident.
import { bpmn, boundary, call, chain, end, errorEnd, flow, io, process, service, start, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const child = (...parts: string[]) => bpmn({ errors: ['DENIED'] }, process('child', ...parts))
const simpleChild = child(start('cstart'), service('double'), end('cend'), chain('cstart', 'double', 'cend'))
const parent = (options: Parameters<typeof call>[2] = {}, ...more: string[]) =>
  bpmn({ errors: ['DENIED'] }, process('p', start(), call('call', 'child', options), end(), chain('start', 'call', 'end'), ...more))

export const scenarios: Scenario[] = [
  {
    name: 'a call activity starts the child with the parent\'s variables and takes its variables back',
    bpmn: [parent(), simpleChild], input: { x: 1 },
    script: [{ expect: { instances: { child: [{ status: 'active', variables: { x: 1 } }] } } }, { completeJob: 'double', variables: { y: 2 } }],
    trail: ['start', 'call', 'end'], status: 'completed', finalVariables: { x: 1, y: 2 },
    instances: { child: [{ trail: ['cstart', 'double', 'cend'], status: 'completed' }] },
  },
  {
    name: 'with propagateAllParentVariables off, the child gets only the input mappings',
    bpmn: [parent({ propagateAllParentVariables: false, io: io({ a: '=x + 1' }) }), simpleChild], input: { x: 1, secret: 'no' },
    script: [{ expect: { instances: { child: [{ variables: { a: 2, secret: undefined as never } }] } } }, { completeJob: 'double' }],
    status: 'completed',
  },
  {
    name: 'with propagateAllChildVariables off, only the output mappings come back',
    bpmn: [parent({ propagateAllChildVariables: false, io: io({}, { total: '=y * 10' }) }), simpleChild], input: { x: 1 },
    script: [{ completeJob: 'double', variables: { y: 2, noise: true } }],
    status: 'completed', finalVariables: { x: 1, total: 20 },
  },
  {
    name: 'a child with no wait state completes at once and the parent goes on',
    bpmn: [parent(), child(start('cstart'), end('cend'), chain('cstart', 'cend'))],
    script: [],
    trail: ['start', 'call', 'end'], status: 'completed', instances: { child: [{ trail: ['cstart', 'cend'], status: 'completed' }] },
  },
  {
    name: 'cancelling the parent cancels the child',
    bpmn: [parent(), simpleChild],
    script: [{ cancel: true }],
    status: 'cancelled', instances: { child: [{ status: 'cancelled' }] },
  },
  {
    name: 'cancelling the root cancels the whole call tree',
    bpmn: [parent(), bpmn({}, process('child', start('cstart'), call('deeper', 'grandchild'), end('cend'), chain('cstart', 'deeper', 'cend'))),
      bpmn({}, process('grandchild', start('gstart'), user('wait'), end('gend'), chain('gstart', 'wait', 'gend')))],
    script: [{ expect: { instances: { grandchild: [{ status: 'active' }] } } }, { cancel: true }],
    status: 'cancelled', instances: { child: [{ status: 'cancelled' }], grandchild: [{ status: 'cancelled' }] },
  },
  {
    name: 'an error thrown by a worker in the child is caught by the boundary on the parent\'s call activity',
    bpmn: [parent({}, boundary('denied', 'call', { error: 'DENIED' }), end('endDenied'), flow('denied', 'endDenied')), simpleChild],
    script: [{ throwError: 'double', code: 'DENIED' }],
    trail: ['start', 'denied', 'endDenied'], status: 'completed', instances: { child: [{ status: 'cancelled' }] },
  },
  {
    name: 'an error end event in the child is caught in the parent',
    bpmn: [parent({}, boundary('denied', 'call', { error: 'DENIED' }), end('endDenied'), flow('denied', 'endDenied')),
      child(start('cstart'), errorEnd('deny', 'DENIED'), chain('cstart', 'deny'))],
    script: [],
    trail: ['start', 'denied', 'endDenied'], status: 'completed', instances: { child: [{ status: 'cancelled' }] },
  },
  {
    name: 'an error the child does not catch and the parent does not either is an incident on the call activity',
    bpmn: [parent(), simpleChild],
    script: [{ throwError: 'double', code: 'DENIED' }],
    status: 'active', incidents: [{ elementId: 'call', type: 'UNHANDLED_ERROR_EVENT' }],
  },
  {
    name: 'a called process that is not deployed is an incident on the call activity; deploying it and resolving runs it',
    bpmn: parent(),
    script: [
      { expect: { incidents: [{ elementId: 'call', type: 'CALLED_ELEMENT_ERROR' }] } },
      { deploy: simpleChild }, { resolveIncidents: true }, { completeJob: 'double' },
    ],
    trail: ['start', 'call', 'end'], status: 'completed', incidents: [],
  },
  {
    name: 'an interrupting boundary timer on a call activity cancels the child',
    bpmn: [parent({}, boundary('late', 'call', { timer: { duration: 'PT1H' } }), end('endLate'), flow('late', 'endLate')), simpleChild],
    script: [{ advance: 'PT1H' }],
    trail: ['start', 'late', 'endLate'], status: 'completed', instances: { child: [{ status: 'cancelled' }] },
  },
  {
    name: 'the child runs the latest deployed version of the called process',
    bpmn: [parent(), simpleChild],
    script: [
      { deploy: child(start('cstart'), service('triple'), end('cend'), chain('cstart', 'triple', 'cend')) },
      { start: 'p' }, { completeJob: 'double' }, { completeJob: 'triple' },
    ],
    instances: { child: [{ trail: ['cstart', 'double', 'cend'] }, { trail: ['cstart', 'triple', 'cend'] }] },
  },
]
