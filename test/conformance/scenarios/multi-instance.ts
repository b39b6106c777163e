// Multi-instance (Zeebe: multi-instance): parallel and sequential, input and output collections,
// completion conditions, on tasks, sub-processes and call activities.
import { bpmn, call, chain, end, io, process, script, service, start, sub, user } from '../bpmn.js'
import type { Scenario } from '../scenario.js'

const mi = (activity: string) => bpmn({}, process('p', start(), activity, end(), chain('start', 'work', 'end')))

export const scenarios: Scenario[] = [
  {
    name: 'a parallel multi-instance task creates a job per item and collects the outputs in item order',
    bpmn: mi(service('work', 'work', { mi: { inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=result' } })),
    input: { items: [1, 2, 3] },
    script: [{ completeJob: 'work', variables: { result: 'a' }, nth: 2 }, { completeJob: 'work', variables: { result: 'b' } }, { completeJob: 'work', variables: { result: 'c' } }],
    trail: ['start', 'work', 'work', 'work', 'work', 'end'], status: 'completed', variables: { results: ['b', 'c', 'a'] },
  },
  {
    name: 'a sequential multi-instance task runs one item after the other',
    bpmn: mi(service('work', 'work', { mi: { sequential: true, inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=item * 10' } })),
    input: { items: [1, 2] },
    script: [{ completeJob: 'work' }, { completeJob: 'work' }],
    trail: ['start', 'work', 'work', 'work', 'end'], status: 'completed', variables: { results: [10, 20] },
  },
  {
    name: 'a completion condition ends the body early and terminates the rest',
    bpmn: mi(service('work', 'work', { mi: { inputCollection: '=items', completionCondition: '=numberOfCompletedInstances >= 2' } })),
    input: { items: ['a', 'b', 'c'] },
    script: [{ completeJob: 'work' }, { completeJob: 'work' }],
    trail: ['start', 'work', 'work', 'work', 'end'], status: 'completed',
  },
  {
    name: 'an empty input collection completes the body at once with an empty output',
    bpmn: mi(service('work', 'work', { mi: { inputCollection: '=items', outputCollection: 'results', outputElement: '=1' } })),
    input: { items: [] },
    script: [],
    trail: ['start', 'work', 'end'], status: 'completed', variables: { results: [] },
  },
  {
    name: 'a multi-instance script task runs each item in the engine',
    bpmn: mi(script('work', '=item * 2', 'doubled', { mi: { inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=doubled' } })),
    input: { items: [1, 2, 3] },
    script: [],
    trail: ['start', 'work', 'work', 'work', 'work', 'end'], status: 'completed', variables: { results: [2, 4, 6] },
  },
  {
    name: 'loopCounter counts the inner instances from 1',
    bpmn: mi(script('work', '=loopCounter', 'n', { mi: { sequential: true, inputCollection: '=items', outputCollection: 'counters', outputElement: '=n' } })),
    input: { items: ['x', 'y', 'z'] },
    script: [],
    status: 'completed', variables: { counters: [1, 2, 3] },
  },
  {
    name: 'an input collection that is not a list is an incident on the activity',
    bpmn: mi(service('work', 'work', { mi: { inputCollection: '=items' } })),
    input: { items: 'not a list' },
    script: [],
    status: 'active', incidents: [{ elementId: 'work', type: 'EXTRACT_VALUE_ERROR' }],
  },
  {
    name: 'a parallel multi-instance sub-process gives each item its own scope',
    bpmn: bpmn({}, process('p', start(),
      sub('work', [start('s1'), user('check'), end('e1'), chain('s1', 'check', 'e1')], { mi: { inputCollection: '=people', inputElement: 'person', outputCollection: 'checked', outputElement: '=person' } }),
      end(), chain('start', 'work', 'end'))),
    input: { people: ['kari', 'ola'] },
    script: [{ completeUserTask: 'check' }, { completeUserTask: 'check' }],
    status: 'completed', variables: { checked: ['kari', 'ola'] }, finalVariables: { people: ['kari', 'ola'], checked: ['kari', 'ola'] },
  },
  {
    // Only the item goes to the child: with every parent variable it would also get a copy of the
    // output collection, and give that stale copy back over the body's (as Zeebe does too).
    name: 'a multi-instance call activity starts a child per item',
    bpmn: [bpmn({}, process('p', start(), call('work', 'child', { propagateAllParentVariables: false, io: io({ item: '=item' }), mi: { inputCollection: '=items', inputElement: 'item', outputCollection: 'out', outputElement: '=answer' } }), end(), chain('start', 'work', 'end'))),
      bpmn({}, process('child', start('cstart'), service('answer'), end('cend'), chain('cstart', 'answer', 'cend')))],
    input: { items: [1, 2] },
    script: [{ expect: { instances: { child: [{ variables: { item: 1 } }, { variables: { item: 2 } }] } } }, { completeJob: 'answer', variables: { answer: 'one' } }, { completeJob: 'answer', variables: { answer: 'two' } }],
    trail: ['start', 'work', 'work', 'work', 'end'], status: 'completed', variables: { out: ['one', 'two'] },
  },
]
