import { attribute, extension } from '../moddle.js'
import { readAttributeExpression } from '../extensions.js'
import type { ElementReader } from './reader.js'

// A user task is native to the engine (zeebe:userTask or not): the store creates a
// task in the tasklist. Assignment, schedule and priority may all be FEEL.
export const readUserTask: ElementReader = (source, context) => {
  const assignment = extension(source, 'zeebe:AssignmentDefinition')
  const schedule = extension(source, 'zeebe:TaskSchedule')
  const priority = extension(source, 'zeebe:PriorityDefinition')
  const form = extension(source, 'zeebe:FormDefinition')
  const read = (what: string, element: typeof assignment, name: string) =>
    readAttributeExpression(source, what, attribute(element, name), context)
  return {
    kind: 'userTask',
    userTask: {
      assignee: read('assignee', assignment, 'assignee'),
      candidateGroups: read('candidate groups', assignment, 'candidateGroups'),
      candidateUsers: read('candidate users', assignment, 'candidateUsers'),
      dueDate: read('due date', schedule, 'dueDate'),
      followUpDate: read('follow-up date', schedule, 'followUpDate'),
      priority: read('priority', priority, 'priority'),
      formId: attribute(form, 'formId') ?? null,
      formKey: attribute(form, 'formKey') ?? null,
    },
  }
}
