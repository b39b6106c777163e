// Forms: form-js schemas deployed with BPMN, server-side validation of task submissions, and
// generated forms for user tasks that link none. See forms/README.md for the KE forms.
export type { FormSchema, FormComponent, FieldProblem } from './types.js'
export { parseFormFile, MAX_FORM_BYTES, FORM_ID_PATTERN, type ParsedForm } from './parse.js'
export { validateSubmission, type ValidateOptions } from './validate.js'
export { generateForm, outputVariables } from './generate.js'
export { formResources, registerFormResources, FORM_EXTENSION } from './deploy.js'
export { formForTask, type TaskForm } from './task-form.js'
export { checkSubmission } from './submission.js'
export { readFormFiles } from './files.js'
export * from './store.js'
