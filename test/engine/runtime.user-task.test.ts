// A user task waits for a person; its assignment, schedule, priority and form
// go to the store with the task.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CommandRejectedError } from '../../src/engine/errors.js'
import { Instance, chain, definition, endEvent, startEvent, userTask } from './helpers.js'

const assess = (extra: string) => definition(startEvent(), userTask('assess', extra).replace('id="assess"', 'id="assess" name="Assess the case"'), endEvent(), chain('start', 'assess', 'end'))

const full = assess(
  '<zeebe:formDefinition formId="assessment"/>' +
    '<zeebe:assignmentDefinition assignee="=case.owner" candidateGroups="coordinators, leaders" candidateUsers="=[case.owner, &quot;deputy&quot;]"/>' +
    '<zeebe:taskSchedule dueDate="=now() + duration(&quot;P10D&quot;)" followUpDate="2024-05-05T09:00:00+02:00"/>' +
    '<zeebe:priorityDefinition priority="=if case.urgent then 90 else 40"/>',
)

test('creates a user task with everything evaluated', async () => {
  const instance = await Instance.start(full, { case: { owner: 'kari', urgent: true } })
  assert.equal(instance.waitingAt, ['assess'])
  assert.equal(instance.effectsOf('createUserTask'), [
    {
      type: 'createUserTask',
      elementInstanceId: instance.id('assess'),
      elementId: 'assess',
      name: 'Assess the case',
      assignee: 'kari',
      candidateGroups: ['coordinators', 'leaders'],
      candidateUsers: ['kari', 'deputy'],
      dueDate: '2024-05-11T10:00:00Z',
      followUpDate: '2024-05-05T09:00:00+02:00',
      priority: 90,
      formId: 'assessment',
      formKey: null,
      variables: { case: { owner: 'kari', urgent: true } },
    },
  ])
  assert.is(instance.eventsOf('userTaskCreated')[0]?.assignee, 'kari')
})

test('without assignment or schedule: unassigned, no candidates, no dates, priority 50', async () => {
  const instance = await Instance.start(assess(''))
  const [task] = instance.effectsOf('createUserTask')
  assert.equal([task?.assignee, task?.candidateGroups, task?.candidateUsers, task?.dueDate, task?.priority, task?.formId], [null, [], [], null, 50, null])
})

test('an assignee expression giving null leaves the task unassigned', async () => {
  const xml = assess('<zeebe:assignmentDefinition assignee="=case.owner"/><zeebe:priorityDefinition priority="=if case.urgent then 90 else 40"/>')
  const instance = await Instance.start(xml, { case: { urgent: false } })
  const [task] = instance.effectsOf('createUserTask')
  assert.is(task?.assignee, null)
  assert.is(task?.priority, 40)
})

test('a candidate list holding a null is not a list of names: an incident', async () => {
  const instance = await Instance.start(full, { case: { urgent: false } })
  assert.match(instance.current.incidents[0]?.message ?? '', /candidate users of user task 'assess'.*a list \[null,"deputy"\]/)
})

test('completing the task sets the submitted variables and moves on', async () => {
  const instance = await Instance.start(assess(''), { caseId: 'c-1' })
  const result = instance.completeUserTask('assess', { complex: true, note: 'Needs a coordinator' })
  assert.equal(instance.current.variables, { caseId: 'c-1', complex: true, note: 'Needs a coordinator' })
  assert.is(instance.current.status, 'completed')
  assert.equal(instance.eventsOf('userTaskCompleted').map((event) => event.variables), [{ complex: true, note: 'Needs a coordinator' }])
  assert.equal(result.effects, [{ type: 'instanceCompleted' }])
})

test('an assignee of the wrong type raises an incident; fixing the variable and resolving creates the task', async () => {
  const instance = await Instance.start(full, { case: { owner: 42 } })
  const [incident] = instance.current.incidents
  assert.is(incident?.type, 'EXTRACT_VALUE_ERROR')
  assert.match(incident?.message ?? '', /Failed to evaluate the assignee of user task 'assess': Expected the expression '=case.owner' to give a string, but it gave the number 42/)
  assert.equal(instance.effectsOf('createUserTask'), [])
  instance.run({ type: 'setVariables', variables: { case: { owner: 'ola' } } })
  instance.run({ type: 'resolveIncident', incidentId: incident!.id })
  assert.is(instance.effectsOf('createUserTask')[0]?.assignee, 'ola')
})

test('a due date that is not a date-time raises an incident', async () => {
  const instance = await Instance.start(assess('<zeebe:taskSchedule dueDate="=deadline"/>'), { deadline: 'next week' })
  assert.match(instance.current.incidents[0]?.message ?? '', /due date of user task 'assess'.*to give a date-time, but it gave the string "next week"/)
})

test('a user task is not a job: completeJob is refused', async () => {
  const instance = await Instance.start(assess(''))
  assert.throws(
    () => instance.run({ type: 'completeJob', elementInstanceId: instance.id('assess') }),
    (error: unknown) => error instanceof CommandRejectedError && error.code === 'NOT_A_JOB',
  )
})

test.run()
