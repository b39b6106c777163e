// The labels of a form's fields, by their variable path (a group's `path` and a field's `key`
// joined by dots; a dynamic list's fields under the list's path), with each option's label.
import type { Sql } from '../../db/connect.js'
import { latestForm } from '../../forms/store.js'
import type { FormComponent } from '../../forms/types.js'

export interface FieldLabels {
  get(path: string): { label: string; options: Map<string, string> } | undefined
  hasGroup(path: string): boolean
  order(path: string): number
}

export function labelsOf(components: FormComponent[]): FieldLabels {
  const fields = new Map<string, { label: string; options: Map<string, string>; order: number }>()
  const groups = new Set<string>()
  const walk = (list: FormComponent[], prefix: string) => {
    for (const component of list) {
      if (component.components) {
        const path = component.path ? `${prefix}${component.path}` : null
        if (path && component.type === 'group') groups.add(path)
        if (path && component.label) fields.set(path, { label: component.label, options: new Map(), order: fields.size })
        walk(component.components, path ? `${path}.` : prefix)
      } else if (component.key) {
        const options = new Map((component.values ?? []).map((option) => [option.value, option.label]))
        fields.set(`${prefix}${component.key}`, { label: component.label ?? component.key, options, order: fields.size })
      }
    }
  }
  walk(components, '')
  return {
    get: (path) => fields.get(path),
    hasGroup: (path) => groups.has(path),
    order: (path) => fields.get(path)?.order ?? Number.MAX_SAFE_INTEGER,
  }
}

const NONE = labelsOf([])

/** The labels of the deployed forms, by form id (the newest version; a field's wording rarely moves). */
export async function formLabels(sql: Sql, formIds: string[]): Promise<(formId: string | null) => FieldLabels> {
  const found = new Map<string, FieldLabels>()
  for (const formId of new Set(formIds)) {
    const row = await latestForm(sql, formId)
    if (!row) continue
    try {
      found.set(formId, labelsOf((JSON.parse(row.source) as { components?: FormComponent[] }).components ?? []))
    } catch {
      // a form that no longer parses names no fields; the keys stand in for the labels
    }
  }
  return (formId) => (formId ? found.get(formId) ?? NONE : NONE)
}
