// BPMN errors (Zeebe: error events): thrown by job workers and error end events, caught by error
// boundary events (by code, and catch-all) and error event sub-processes; uncaught: an incident.
import { bpmn, boundary, chain, end, errorEnd, eventSub, flow, process, service, start, startOn, sub } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const checked = (catchCode: string | null, errors: string[]) => bpmn({ errors }, process('p',
  start(), service('check'), end(), boundary('rejected', 'check', { error: catchCode }), end('endRejected'),
  chain('start', 'check', 'end'), flow('rejected', 'endRejected')))

export const scenarios: Scenario[] = [
  {
    name: 'an error boundary event catches a worker\'s BPMN error by its code',
    bpmn: checked('REJECTED', ['REJECTED']),
    script: [{ throwError: 'check', code: 'REJECTED', message: 'not eligible' }],
    trail: ['start', 'rejected', 'endRejected'], status: 'completed',
  },
  {
    name: 'a catch-all error boundary event catches any code',
    bpmn: checked(null, []),
    script: [{ throwError: 'check', code: 'WHATEVER' }],
    trail: ['start', 'rejected', 'endRejected'], status: 'completed',
  },
  {
    name: 'an error nothing catches is an incident and the instance stays',
    bpmn: checked('REJECTED', ['REJECTED']),
    script: [{ throwError: 'check', code: 'OTHER' }],
    trail: ['start'], status: 'active', incidents: [{ elementId: 'check', type: 'UNHANDLED_ERROR_EVENT' }],
  },
  {
    name: 'a boundary with the error\'s code wins over a catch-all on the same task',
    bpmn: bpmn({ errors: ['X'] }, process('p', start(), service('check'), end(),
      boundary('any', 'check', { error: null }), end('endAny'), boundary('exact', 'check', { error: 'X' }), end('endExact'),
      chain('start', 'check', 'end'), flow('any', 'endAny'), flow('exact', 'endExact'))),
    script: [{ throwError: 'check', code: 'X' }],
    trail: ['start', 'exact', 'endExact'], status: 'completed',
  },
  {
    name: 'the innermost catching boundary wins: a task\'s boundary before its sub-process\'s',
    bpmn: bpmn({ errors: ['E'] }, process('p', start(),
      sub('outer', [start('s1'), service('check'), end('e1'), boundary('inner', 'check', { error: 'E' }), end('eInner'), chain('s1', 'check', 'e1'), flow('inner', 'eInner')]),
      boundary('outerCatch', 'outer', { error: 'E' }), end('eOuter'), end(),
      chain('start', 'outer', 'end'), flow('outerCatch', 'eOuter'))),
    script: [{ throwError: 'check', code: 'E' }],
    trail: ['start', 's1', 'inner', 'eInner', 'outer', 'end'], status: 'completed',
  },
  {
    name: 'an error end event in a sub-process is caught by the sub-process\'s boundary',
    bpmn: bpmn({ errors: ['INCOMPLETE'] }, process('p', start(),
      sub('verify', [start('s1'), service('look'), errorEnd('fail', 'INCOMPLETE'), chain('s1', 'look', 'fail')]),
      boundary('incomplete', 'verify', { error: 'INCOMPLETE' }), service('askMore'), end(), end('endOk'),
      chain('start', 'verify', 'endOk'), chain('incomplete', 'askMore', 'end'))),
    script: [{ completeJob: 'look' }, { completeJob: 'askMore' }],
    trail: ['start', 's1', 'look', 'incomplete', 'askMore', 'end'], status: 'completed',
  },
  {
    name: 'an error event sub-process catches an error thrown in its scope',
    bpmn: bpmn({ errors: ['BROKEN'] }, process('p', start(), service('work'), end(), chain('start', 'work', 'end'),
      eventSub('onError', [startOn('caught', { error: 'BROKEN' }), service('repair'), end('repaired'), chain('caught', 'repair', 'repaired')]))),
    script: [{ throwError: 'work', code: 'BROKEN' }, { completeJob: 'repair' }],
    trail: ['start', 'caught', 'repair', 'repaired', 'onError'], status: 'completed',
  },
  {
    name: 'an uncaught error end event is an incident',
    bpmn: bpmn({ errors: ['NOPE'] }, process('p', start(), errorEnd('fail', 'NOPE'), chain('start', 'fail'))),
    script: [],
    trail: ['start'], status: 'active', incidents: [{ elementId: 'fail', type: 'UNHANDLED_ERROR_EVENT' }],
  },
  {
    name: 'a job that fails with no retries left is an incident; resolving it makes a new job',
    bpmn: bpmn({}, process('p', start(), service('work'), end(), chain('start', 'work', 'end'))),
    script: [
      { failJob: 'work', retries: 0, message: 'service down' },
      { expect: { incidents: [{ elementId: 'work', type: 'JOB_NO_RETRIES' }] } },
      { resolveIncidents: true }, { completeJob: 'work', variables: { done: true } },
    ],
    trail: ['start', 'work', 'end'], status: 'completed', variables: { done: true }, incidents: [],
  },
  {
    name: 'a job that fails with retries left is handed out again, with no incident',
    bpmn: bpmn({}, process('p', start(), service('work'), end(), chain('start', 'work', 'end'))),
    script: [{ failJob: 'work', retries: 2, message: 'flaky' }, { expect: { incidents: [] } }, { completeJob: 'work' }],
    trail: ['start', 'work', 'end'], status: 'completed',
  },
]
