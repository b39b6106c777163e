// A user task waits for a person. Its assignment, schedule and priority are
// evaluated when the token arrives; an absent value, or FEEL giving null,
// leaves that field unset rather than raising an incident.
import { evaluateOptional } from '../../feel.js'
import type { FeelOutcome } from '../../feel.js'
import type { UserTask, UserTaskFields } from '../../types.js'
import { describe } from '../describe.js'
import type { ElementBehaviour } from './behaviour.js'

const DEFAULT_PRIORITY = 50

export const userTask: ElementBehaviour<UserTask> = {
  activate(run, instance, element) {
    const variables = run.variablesFor(instance)
    const definition = element.userTask
    const fail = (what: string, outcome: FeelOutcome<unknown>) =>
      run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the ${what} of ${describe(element)}: ${outcome.ok ? '' : outcome.error}`)

    const assignee = evaluateOptional(definition.assignee, 'string', variables, run.now)
    if (!assignee.ok) return fail('assignee', assignee)
    const candidateGroups = evaluateOptional(definition.candidateGroups, 'string list', variables, run.now)
    if (!candidateGroups.ok) return fail('candidate groups', candidateGroups)
    const candidateUsers = evaluateOptional(definition.candidateUsers, 'string list', variables, run.now)
    if (!candidateUsers.ok) return fail('candidate users', candidateUsers)
    const dueDate = evaluateOptional(definition.dueDate, 'date-time', variables, run.now)
    if (!dueDate.ok) return fail('due date', dueDate)
    const followUpDate = evaluateOptional(definition.followUpDate, 'date-time', variables, run.now)
    if (!followUpDate.ok) return fail('follow-up date', followUpDate)
    const priority = evaluateOptional(definition.priority, 'number', variables, run.now)
    if (!priority.ok) return fail('priority', priority)
    if (priority.value !== null && (!Number.isInteger(priority.value) || priority.value < 0 || priority.value > 100)) {
      return fail('priority', { ok: false, error: `it gave ${priority.value}, not a whole number from 0 to 100` })
    }

    const fields: UserTaskFields = {
      name: element.name,
      assignee: assignee.value,
      candidateGroups: candidateGroups.value ?? [],
      candidateUsers: candidateUsers.value ?? [],
      dueDate: dueDate.value,
      followUpDate: followUpDate.value,
      priority: priority.value ?? DEFAULT_PRIORITY,
      formId: definition.formId,
      formKey: definition.formKey,
    }
    instance.status = 'waiting'
    const ref = { elementInstanceId: instance.id, elementId: element.id }
    run.effects.push({ type: 'createUserTask', ...ref, ...fields, variables: { ...variables } })
    run.events.push({ type: 'userTaskCreated', ...ref, ...fields })
  },
  terminate(run, instance) {
    if (instance.status === 'waiting') run.effects.push({ type: 'cancelUserTask', elementInstanceId: instance.id })
  },
}
