// The form of a user task: the deployed form it links (its latest version), or a generated one
// when it links none. A linked form that is not deployed (possible only when BPMN was deployed
// past the API) is a conflict: the task cannot be completed until the form is deployed, since
// completing it unchecked would skip the form's rules.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { UserTaskRow } from '../engine/store/user-tasks.js'
import { getInstance } from '../engine/store/instances.js'
import { SamflytError, notFound } from '../errors.js'
import { generateForm } from './generate.js'
import { latestForm } from './store.js'
import type { FormSchema } from './types.js'
import type { Variables } from '../engine/types.js'
import { prefillData } from './prefill.js'

export interface TaskForm {
  source: 'deployed' | 'generated'
  formId: string
  /** The deployed version; null for a generated form. */
  version: number | null
  schema: FormSchema
  /** What the form opens with: for a prefilled form, the task's variables its fields bind (prefill.ts). */
  data: Variables
}

export async function formForTask(sql: Sql, engine: Engine, task: UserTaskRow): Promise<TaskForm> {
  if (task.formId) {
    const row = await latestForm(sql, task.formId)
    if (!row) {
      throw new SamflytError('SAMFLYT_CONFLICT', `User task ${task.key} links form ${task.formId}, which is not deployed; deploy it, then complete the task`)
    }
    const schema = JSON.parse(row.source) as FormSchema
    return { source: 'deployed', formId: row.formId, version: row.version, schema, data: prefillData(schema, task.variables) }
  }
  const instance = await getInstance(sql, task.instanceKey)
  if (!instance) throw notFound('Process instance', task.instanceKey)
  const model = await engine.model(instance.definitionKey)
  const element = model.elements[task.elementId]
  const schema = generateForm(
    { processId: task.processId, elementId: task.elementId, name: task.name, outputs: element?.outputs ?? [] },
    task.variables,
  )
  return { source: 'generated', formId: schema.id, version: null, schema, data: {} }
}
