// Forms: the deployed form-js schemas, each task's form (deployed or generated), for the tasklist
// to render. Forms are deployed through POST /api/deployments with the BPMN that links them.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { checkTaskRead } from './engine/task-access.js'
import { recordInstanceReads } from '../../cases/case-access-instances.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { notFound } from '../../errors.js'
import { getUserTask } from '../../engine/store/user-tasks.js'
import { registerFormResources, FORM_ID_PATTERN, formByVersion, formForTask, latestForm, listForms, type FormRow } from '../../forms/index.js'
import { KeyParams } from './engine/schemas.js'

const READERS = ['caseworker', 'intake-group', 'coordinator', 'admin', 'auditor', 'process-owner'] as const

export const DeployedForm = Type.Object({
  key: Type.String(),
  formId: Type.String(),
  version: Type.Integer(),
  resourceName: Type.String(),
  deploymentKey: Type.String(),
  deployedAt: Type.String({ format: 'date-time' }),
})

const FormWithSchema = Type.Object({
  ...DeployedForm.properties,
  schema: Type.Unknown({ description: 'The form-js schema, as deployed' }),
})

const TaskFormBody = Type.Object({
  source: Type.Union([Type.Literal('deployed'), Type.Literal('generated')], { description: 'deployed: the form the task links; generated: made from its output mappings' }),
  formId: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  schema: Type.Unknown({ description: 'A form-js schema to render' }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'What the form opens with (form-js importSchema data): for a prefilled form (property samflyt:prefill), what the enquiry registered; a completion is checked with the submission over it' }),
})

export const presentForm = ({ source: _s, checksum: _c, ...row }: FormRow) => ({ ...row, deployedAt: row.deployedAt.toISOString() })

export async function formRoutes(app: App) {
  // Every deployment in this process carries its .form files (and checks the forms its BPMN links).
  registerFormResources()

  app.get('/api/forms', {
    config: { roles: READERS },
    schema: {
      tags: ['forms'],
      summary: 'Deployed forms: the latest version of each, and all versions',
      querystring: Type.Object({ formId: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ latest: Type.Array(DeployedForm), all: Type.Array(DeployedForm) }) },
    },
  }, async (request) => {
    const all = (await listForms(app.db.sql, request.query.formId)).map(presentForm)
    const latest = all.filter((row, index) => index === 0 || all[index - 1]!.formId !== row.formId)
    return { latest, all }
  })

  app.get('/api/forms/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['forms'],
      summary: 'One form with its form-js schema: the latest version, or ?version=',
      params: Type.Object({ id: Type.String({ pattern: FORM_ID_PATTERN.source }) }),
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: FormWithSchema, ...errorResponses(404) },
    },
  }, async (request) => {
    const { id } = request.params
    const { version } = request.query
    const row = version ? await formByVersion(app.db.sql, id, version) : await latestForm(app.db.sql, id)
    if (!row) throw notFound('Form', version ? `${id} version ${version}` : id)
    return { ...presentForm(row), schema: JSON.parse(row.source) }
  })

  app.get('/api/user-tasks/:key/form', {
    config: { roles: READERS },
    schema: {
      tags: ['tasks'],
      summary: "The task's form: the deployed form it links (latest version), or one generated from its output mappings",
      params: KeyParams,
      response: { 200: TaskFormBody, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const task = await getUserTask(app.db.sql, request.params.key)
    if (!task) throw notFound('User task', request.params.key)
    const principal = principalOf(request)
    // A task's form is shown with the case's values in it: a read of the case, when it is one.
    const access = await checkTaskRead(app.db.sql, task, principal)
    await recordInstanceReads(app.db.sql, principal, [access], 'GET /api/user-tasks/:key/form')
    // A generated form takes its fields' types from the variables: a withheld task gives none.
    return formForTask(app.db.sql, app.engine, access.mode === 'withheld' ? { ...task, variables: {} } : task)
  })
}
