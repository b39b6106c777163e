// What each form-js component type is, as far as the server cares: which ones bind a value,
// of which shape, and which hold other components. Types not listed here are refused at deploy.

/** Bind a value under `key`. */
export const INPUT_TYPES = new Set([
  'textfield', 'textarea', 'number', 'checkbox', 'datetime', 'radio', 'select', 'checklist', 'taglist', 'expression', 'filepicker',
])
/** Choose among `values` (or options from `valuesKey` / `valuesExpression`). */
export const OPTION_TYPES = new Set(['radio', 'select', 'checklist', 'taglist'])
/** Several options: the value is a list. */
export const MULTI_OPTION_TYPES = new Set(['checklist', 'taglist'])
/** Hold components: a group (optionally under `path`) and a dynamic list (a list under `path`). */
export const CONTAINER_TYPES = new Set(['group', 'dynamiclist'])
/** Show something; bind nothing. */
export const PRESENTATION_TYPES = new Set(['text', 'html', 'image', 'spacer', 'separator', 'button', 'table', 'iframe', 'documentPreview'])

export const KNOWN_TYPES = new Set([...INPUT_TYPES, ...CONTAINER_TYPES, ...PRESENTATION_TYPES])

/** The form-js schema version of @bpmn-io/form-js 1.23 (its `schemaVersion` export); newer files are refused. */
export const SUPPORTED_SCHEMA_VERSION = 19

/** form-js's own key and path syntax: word characters, dot separated. */
export const KEY_PATTERN = /^\w+(\.\w+)*$/
