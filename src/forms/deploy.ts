// Deploying .form files with BPMN: parsed and checked before anything is written, versioned per
// form id in the deployment's own transaction (a byte-identical redeploy is the same version).
//
// A user task that links a form (zeebe:formDefinition formId) is refused at deploy time when
// that form is neither in the deployment nor deployed before, like Zeebe refuses a deployment-
// bound form it cannot find: the mistake shows when the process owner deploys, not when a
// caseworker opens the task. The form is resolved when the task is opened or completed, as its
// latest version (Zeebe's default binding, "latest").
import type { Sql } from '../db/connect.js'
import { registerResourceKind, type Resource, type ResourceKind } from '../engine/deploy.js'
import type { ErrorDetail } from '../errors.js'
import { parseFormFile, type ParsedForm } from './parse.js'
import { deployedFormIds, insertForm, latestForm, recordFormDeployment } from './store.js'

export const FORM_EXTENSION = '.form'

export const formResources: ResourceKind = {
  name: 'form',
  claims: (resourceName) => resourceName.toLowerCase().endsWith(FORM_EXTENSION),

  async prepare(sql, resources, processes) {
    const problems: ErrorDetail[] = []
    const forms = new Map<string, ParsedForm>()
    const broken = new Set<string>()
    for (const resource of resources) {
      const result = parseFormFile(resource.name, resource.xml)
      if (!result.ok) {
        problems.push(...result.problems)
        // Its id, if it can be read: a task linking it is not "missing" too, only the file is broken.
        const id = readableId(resource.xml)
        if (id) broken.add(id)
        continue
      }
      const other = forms.get(result.form.formId)
      if (other) problems.push({ path: resource.name, message: `Form ${result.form.formId} is also in ${other.resourceName}; a deployment holds one file per form id` })
      forms.set(result.form.formId, result.form)
    }
    problems.push(...(await missingForms(sql, processes, forms, broken)))
    return { problems, write: (tx, deploymentKey) => writeForms(tx, [...forms.values()], deploymentKey) }
  },
}

function readableId(source: string): string | null {
  try {
    const id = (JSON.parse(source) as { id?: unknown })?.id
    return typeof id === 'string' ? id : null
  } catch {
    return null
  }
}

/**
 * Makes every deployment in this process carry .form files and check the forms its BPMN links.
 * The API does this when it is built; code that deploys through the engine alone calls it first.
 */
export function registerFormResources(): void {
  registerResourceKind(formResources)
}

async function missingForms(
  sql: Sql,
  processes: readonly { resource: Resource; model: { elements: Readonly<Record<string, unknown>> } }[],
  forms: Map<string, ParsedForm>,
  broken: Set<string>,
): Promise<ErrorDetail[]> {
  const links: { path: string; elementId: string; formId: string }[] = []
  for (const { resource, model } of processes) {
    for (const element of Object.values(model.elements) as { id: string; kind: string; userTask?: { formId: string | null } }[]) {
      const formId = element.kind === 'userTask' ? element.userTask?.formId : null
      if (formId && !forms.has(formId) && !broken.has(formId)) links.push({ path: `${resource.name}#${element.id}`, elementId: element.id, formId })
    }
  }
  const deployed = await deployedFormIds(sql, [...new Set(links.map((link) => link.formId))])
  return links
    .filter((link) => !deployed.has(link.formId))
    .map((link) => ({
      path: link.path,
      message: `User task ${link.elementId} links form ${link.formId} (zeebe:formDefinition formId), but no form ${link.formId} is deployed or in this deployment; deploy its .form file with the process`,
    }))
}

async function writeForms(tx: Sql, forms: ParsedForm[], deploymentKey: string): Promise<void> {
  for (const form of forms) {
    const latest = await latestForm(tx, form.formId)
    const row =
      latest && latest.checksum === form.checksum
        ? latest
        : await insertForm(tx, { formId: form.formId, version: (latest?.version ?? 0) + 1, resourceName: form.resourceName, checksum: form.checksum, source: form.source, deploymentKey })
    await recordFormDeployment(tx, deploymentKey, row.key)
  }
}
