// The one wrapper around form-js's viewer: renders a form-js schema prefilled with data, reports
// every change, shows errors at their fields (the server's too, by field key), and submits.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { Form } from '@bpmn-io/form-js-viewer'
import { useT } from '../i18n/index.js'
import { localiseValidator } from './form-messages.js'

export type FormData = Record<string, unknown>
/** Problems by field key (the form's data keys), as the server's validation names them. */
export type FieldErrors = Record<string, string[]>

export interface FormViewerHandle {
  /** Runs the form's own validation: the data, and problems by field key (none: empty). */
  submit(): { data: FormData; errors: FieldErrors }
}

interface Component {
  id?: string
  key?: string
  label?: string
  dateLabel?: string
  components?: Component[]
}

/** Every field with a key, by key: form-js keeps errors by field id, our server by key. */
function fieldsByKey(schema: unknown): Map<string, Component> {
  const fields = new Map<string, Component>()
  const walk = (components: Component[] | undefined) => {
    for (const component of components ?? []) {
      if (component.key && component.id) fields.set(component.key, component)
      walk(component.components)
    }
  }
  walk((schema as Component).components)
  return fields
}

/** form-js's errors (by field id; a list field's by id and row) by field key, messages only. */
function errorsByKey(schema: unknown, errors: Record<string, unknown>): FieldErrors {
  const idToKey = new Map([...fieldsByKey(schema).entries()].map(([key, field]) => [field.id!, key]))
  const byKey: FieldErrors = {}
  const messages = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(messages) : value && typeof value === 'object' ? Object.values(value).flatMap(messages) : value ? [String(value)] : []
  for (const [id, value] of Object.entries(errors ?? {})) {
    const list = messages(value)
    if (list.length) byKey[idToKey.get(id) ?? id] = list
  }
  return byKey
}

/** The label a person sees for a field key (for an error summary), or the key. */
export function fieldLabel(schema: unknown, key: string): string {
  const field = fieldsByKey(schema).get(key)
  return field?.label ?? field?.dateLabel ?? key
}

interface Props {
  schema: unknown
  data: FormData
  errors?: FieldErrors
  readOnly?: boolean
  /** Every change, with the problems the fields show now (by key). */
  onChange?(data: FormData, errors: FieldErrors): void
}

export const FormViewer = forwardRef<FormViewerHandle, Props>(function FormViewer({ schema, data, errors, readOnly = false, onChange }, ref) {
  const container = useRef<HTMLDivElement>(null)
  const form = useRef<Form | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange
  const t = useT()

  // A new form per schema (and per read-only switch); the data it starts with is that moment's.
  useEffect(() => {
    const instance = new Form({ container: container.current! })
    form.current = instance
    const registry = instance.get<{ get(id: string): { label?: string; dateLabel?: string } | undefined }>('formFieldRegistry')
    localiseValidator(instance.get('validator'), (id) => registry.get(id), t)
    instance.on('changed', (event: { data: FormData; errors: Record<string, unknown> }) => changed.current?.(event.data, errorsByKey(schema, event.errors)))
    void instance.importSchema(schema as never, data).then(() => {
      if (readOnly) instance.setProperty('readOnly', true)
    })
    return () => {
      instance.destroy()
      form.current = null
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, readOnly, t])

  useEffect(() => {
    const instance = form.current
    if (!instance || !errors) return
    const byKey = fieldsByKey(schema)
    const byId: Record<string, string[]> = {}
    for (const [key, messages] of Object.entries(errors)) {
      const field = byKey.get(key)
      if (field?.id) byId[field.id] = messages
    }
    // form-js has no public way to show outside errors; its state holds them by field id.
    instance._setState({ errors: byId })
  }, [errors, schema])

  useImperativeHandle(ref, () => ({
    submit() {
      const result = form.current!.submit()
      return { data: result.data as FormData, errors: errorsByKey(schema, result.errors as Record<string, unknown>) }
    },
  }), [schema])

  return <div ref={container} className="sf-form" />
})
