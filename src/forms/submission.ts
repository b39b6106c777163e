// The check a task completion passes before the engine sees it: the submission against the
// task's form. A submission that breaks it is refused with every field's problem, and nothing
// is written: the task stays open and claimable. A prefilled form (prefill.ts) is checked with
// the submission over what it was prefilled with.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { UserTaskRow } from '../engine/store/user-tasks.js'
import type { Variables } from '../engine/types.js'
import { SamflytError } from '../errors.js'
import { formForTask } from './task-form.js'
import { validateSubmission } from './validate.js'
import { prefillData } from './prefill.js'

export async function checkSubmission(sql: Sql, engine: Engine, task: UserTaskRow, submission: Variables): Promise<void> {
  const form = await formForTask(sql, engine, task)
  const problems = validateSubmission(form.schema, { ...prefillData(form.schema, task.variables), ...submission }, {
    context: task.variables,
    rejectUnknownKeys: form.source === 'deployed',
    now: engine.clock(),
  })
  if (problems.length === 0) return
  const fields = [...new Set(problems.map((p) => p.path))].join(', ')
  throw new SamflytError(
    'SAMFLYT_VALIDATION',
    `The submission does not match form ${form.formId}${form.version ? ` version ${form.version}` : ''}; the task is still open. Fields with problems: ${fields}`,
    problems,
  )
}
