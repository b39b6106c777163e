// Timers (Zeebe: timer events): intermediate catch, boundary (interrupting, non-interrupting with
// cycles), timer start events, FEEL expressions, restarts, and overdue cycles firing once.
import { bpmn, boundary, catchEvent, chain, end, flow, process, service, start, startOn, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const waitFor = (timer: Parameters<typeof catchEvent>[1]) => bpmn({}, process('p', start(), catchEvent('wait', timer), end(), chain('start', 'wait', 'end')))
const taskWithBoundary = (trigger: Parameters<typeof boundary>[2], interrupting = true) => bpmn({}, process('p',
  start(), user('task'), end(), boundary('timeout', 'task', trigger, { interrupting }), end('end2'),
  chain('start', 'task', 'end'), flow('timeout', 'end2')))

export const scenarios: Scenario[] = [
  {
    name: 'an intermediate timer waits for its duration, not a minute less',
    bpmn: waitFor({ timer: { duration: 'PT1H' } }),
    script: [{ advance: 'PT59M' }, { expect: { waitingAt: ['wait'], trail: ['start'] } }, { advance: 'PT1M' }],
    trail: ['start', 'wait', 'end'], status: 'completed',
  },
  {
    name: 'an intermediate timer with a date fires at that date',
    bpmn: waitFor({ timer: { date: '2025-01-06T10:00:00Z' } }),
    script: [{ advance: 'PT1H' }, { expect: { status: 'active' } }, { advance: 'PT1H' }],
    trail: ['start', 'wait', 'end'], status: 'completed',
  },
  {
    name: 'a timer duration given as FEEL is evaluated when the timer opens',
    bpmn: waitFor({ timer: { duration: '=duration(delay)' } }),
    input: { delay: 'PT5M' },
    script: [{ advance: 'PT4M' }, { expect: { status: 'active' } }, { advance: 'PT1M' }],
    trail: ['start', 'wait', 'end'], status: 'completed',
  },
  {
    name: 'an interrupting boundary timer terminates the task and takes its own path',
    bpmn: taskWithBoundary({ timer: { duration: 'PT1H' } }),
    script: [{ advance: 'PT1H' }],
    trail: ['start', 'timeout', 'end2'], status: 'completed',
  },
  {
    name: 'a boundary timer whose task completed first never fires',
    bpmn: taskWithBoundary({ timer: { duration: 'PT1H' } }),
    script: [{ advance: 'PT30M' }, { completeUserTask: 'task' }, { advance: 'PT2H' }],
    trail: ['start', 'task', 'end'], status: 'completed',
  },
  {
    name: 'a non-interrupting boundary cycle fires each repetition and no more, and the task stays',
    bpmn: taskWithBoundary({ timer: { cycle: 'R2/PT10M' } }, false),
    script: [
      { advance: 'PT10M' }, { advance: 'PT10M' }, { advance: 'PT10M' },
      { expect: { trail: ['start', 'timeout', 'end2', 'timeout', 'end2'], waitingAt: ['task'] } },
      { completeUserTask: 'task' },
    ],
    trail: ['start', 'timeout', 'end2', 'timeout', 'end2', 'task', 'end'], status: 'completed',
  },
  {
    name: 'an overdue cycle fires once, not once per missed period, then keeps its rhythm',
    bpmn: taskWithBoundary({ timer: { cycle: 'R/PT1H' } }, false),
    script: [
      { advance: 'PT5H' },
      { expect: { trail: ['start', 'timeout', 'end2'] } },
      { advance: 'PT1H' },
      { expect: { trail: ['start', 'timeout', 'end2', 'timeout', 'end2'] } },
      { completeUserTask: 'task' },
      { advance: 'PT3H' },
    ],
    trail: ['start', 'timeout', 'end2', 'timeout', 'end2', 'task', 'end'], status: 'completed',
  },
  {
    name: 'a non-interrupting boundary timer (duration) fires once while the task goes on',
    bpmn: bpmn({}, process('p', start(), service('work'), end(), boundary('note', 'work', { timer: { duration: 'PT30M' } }, { interrupting: false }), service('remind'), end('end2'),
      chain('start', 'work', 'end'), chain('note', 'remind', 'end2'))),
    script: [{ advance: 'PT30M' }, { completeJob: 'remind' }, { advance: 'PT2H' }, { completeJob: 'work' }],
    trail: ['start', 'note', 'remind', 'end2', 'work', 'end'], status: 'completed',
  },
  {
    name: 'a timer fires after the engine restarts',
    bpmn: waitFor({ timer: { duration: 'PT1H' } }),
    script: [{ advance: 'PT10M' }, { restart: true }, { advance: 'PT50M' }],
    trail: ['start', 'wait', 'end'], status: 'completed',
  },
  {
    name: 'a due timer that was not fired before a restart fires when the engine comes back',
    bpmn: taskWithBoundary({ timer: { duration: 'PT1H' } }),
    script: [{ restart: true }, { advance: 'PT3H' }],
    trail: ['start', 'timeout', 'end2'], status: 'completed',
  },
  {
    name: 'a timer start event with a date starts one instance at that date',
    bpmn: bpmn({}, process('p', startOn('tick', { timer: { date: '2025-01-06T09:00:00Z' } }), end(), chain('tick', 'end'))),
    noStart: true,
    script: [{ advance: 'PT59M' }, { expect: { instances: { p: [] } } }, { advance: 'PT1M' }, { advance: 'P2D' }],
    instances: { p: [{ trail: ['tick', 'end'], status: 'completed' }] },
  },
  {
    name: 'a timer start cycle starts an instance each period',
    bpmn: bpmn({}, process('p', startOn('tick', { timer: { cycle: 'R/PT1H' } }), end(), chain('tick', 'end'))),
    noStart: true,
    script: [{ advance: 'PT1H' }, { advance: 'PT1H' }, { advance: 'PT1H' }],
    instances: { p: [{ trail: ['tick', 'end'] }, { trail: ['tick', 'end'] }, { trail: ['tick', 'end'] }] },
  },
  {
    name: 'a counted timer start cycle (R2) starts two instances, then stops',
    bpmn: bpmn({}, process('p', startOn('tick', { timer: { cycle: 'R2/PT1H' } }), end(), chain('tick', 'end'))),
    noStart: true,
    script: [{ advance: 'PT1H' }, { advance: 'PT1H' }, { advance: 'PT1H' }, { advance: 'PT1H' }],
    instances: { p: [{ trail: ['tick', 'end'] }, { trail: ['tick', 'end'] }] },
  },
  {
    name: 'deploying a new version replaces the old version\'s timer start event',
    bpmn: bpmn({}, process('p', startOn('tick', { timer: { date: '2025-01-06T09:00:00Z' } }), end(), chain('tick', 'end'))),
    noStart: true,
    script: [
      { deploy: bpmn({}, process('p', startOn('tock', { timer: { date: '2025-01-06T10:00:00Z' } }), end('done'), chain('tock', 'done'))) },
      { advance: 'PT1H' }, { expect: { instances: { p: [] } } }, { advance: 'PT1H' },
    ],
    instances: { p: [{ trail: ['tock', 'done'], status: 'completed' }] },
  },
  {
    name: 'a timer expression that does not evaluate to a duration is an incident on the timer, resolved by fixing the variable',
    bpmn: waitFor({ timer: { duration: '=duration(delay)' } }),
    input: { delay: 'soon' },
    script: [
      { expect: { incidents: [{ elementId: 'wait', type: 'EXTRACT_VALUE_ERROR' }], status: 'active' } },
      { setVariables: { delay: 'PT1M' } }, { resolveIncidents: true }, { advance: 'PT1M' },
    ],
    trail: ['start', 'wait', 'end'], status: 'completed', incidents: [],
  },
]
