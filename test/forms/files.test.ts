// The shipped forms against form-js and against the processes: every forms/*.form validates
// against form-js's JSON schema (fixtures/form-js-schema.json) and Samflyt's own deploy checks;
// every formId a BPMN in processes/ links has a form file; forms/README.md lists every form's keys.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { Ajv } from 'ajv'
import { parseFormFile } from '../../src/forms/parse.js'
import { readFormFiles } from '../../src/forms/files.js'
import { KNOWN_TYPES, SUPPORTED_SCHEMA_VERSION, INPUT_TYPES } from '../../src/forms/fields.js'
import type { FormComponent } from '../../src/forms/types.js'

const ROOT = new URL('../../', import.meta.url).pathname
const schema = JSON.parse(readFileSync(new URL('./fixtures/form-js-schema.json', import.meta.url), 'utf8'))
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema)
const files = readFormFiles()
const VIEWER = join(ROOT, 'node_modules/@bpmn-io/form-js-viewer/dist/index.es.js')

function keysOf(components: FormComponent[], prefix = ''): string[] {
  return components.flatMap((c) => {
    if (c.type === 'dynamiclist') return [`${prefix}${c.path}[]`, ...keysOf(c.components ?? [], `${prefix}${c.path}[].`)]
    if (c.type === 'group') return keysOf(c.components ?? [], c.path ? `${prefix}${c.path}.` : prefix)
    return c.key && INPUT_TYPES.has(c.type) ? [prefix + c.key] : []
  })
}

test('the KE forms are all there', () => {
  assert.equal(files.map((f) => f.name), [
    'assessment.form', 'consent.form', 'coordinator-appointment.form', 'intake-group-outcome.form', 'letter-approval.form', 'registration.form',
  ])
})

test('every form file validates against form-js\'s JSON schema', () => {
  for (const file of files) {
    const ok = validateSchema(JSON.parse(file.xml))
    assert.ok(ok, `${file.name}: ${JSON.stringify(validateSchema.errors, null, 1)}`)
  }
})

test('the schema fixture refuses what form-js refuses', () => {
  const refused = (components: unknown[]) => !validateSchema({ type: 'default', schemaVersion: 19, components })
  assert.ok(refused([{ type: 'textfield' }]), 'an input without a key')
  assert.ok(refused([{ type: 'checkbox', key: 'x', validate: { pattern: '^a$' } }]), 'a pattern on a checkbox')
  assert.ok(refused([{ type: 'textfield', key: 'x', values: [] }]), 'options on a text field')
  assert.ok(refused([{ type: 'text', text: 'a', key: 'x' }]), 'a key on a text view')
  assert.ok(refused([{ type: 'textfield', key: 'a b' }]), 'a key with a space')
  assert.ok(refused([{ type: 'page', components: [] }]), 'a type form-js 1.23 does not have')
  assert.not.ok(refused([{ type: 'textfield', key: 'a.b', validate: { required: true, pattern: '^x$' } }]), 'a plain text field')
})

test('the form files pass Samflyt\'s deploy checks, with unique ids and the installed schemaVersion', () => {
  const ids = new Set<string>()
  for (const file of files) {
    const result = parseFormFile(file.name, file.xml)
    assert.ok(result.ok, `${file.name}: ${JSON.stringify(!result.ok && result.problems)}`)
    if (!result.ok) continue
    assert.not.ok(ids.has(result.form.formId), `${result.form.formId} twice`)
    ids.add(result.form.formId)
    assert.is(result.form.schema.schemaVersion, SUPPORTED_SCHEMA_VERSION, file.name)
  }
})

test('Samflyt\'s schema version and component types are those of the installed form-js', () => {
  const viewer = readFileSync(VIEWER, 'utf8')
  const version = Number(/const schemaVersion = (\d+);/.exec(viewer)?.[1])
  assert.is(version, SUPPORTED_SCHEMA_VERSION, 'form-js was upgraded: update SUPPORTED_SCHEMA_VERSION and fixtures/form-js-schema.json')
  assert.is(schema.properties.schemaVersion.maximum, version)
  const registered = new Set([...viewer.matchAll(/^const type(?:\$\w+)? = '(\w+)';$/gm)].map((m) => m[1]!))
  for (const m of viewer.matchAll(/^\s+type: '(group|dynamiclist)',$/gm)) registered.add(m[1]!)
  assert.equal([...KNOWN_TYPES].sort(), [...registered].sort())
  assert.equal([...schema.definitions.component.properties.type.enum].sort(), [...registered].sort())
})

test('forms/README.md lists every form id and its variable keys', () => {
  const readme = readFileSync(join(ROOT, 'forms/README.md'), 'utf8')
  for (const file of files) {
    const form = JSON.parse(file.xml)
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${form.id}\``))
    assert.ok(row, `no table row for ${form.id}`)
    for (const key of keysOf(form.components)) assert.ok(row!.includes(`\`${key}\``), `${form.id}: key ${key} missing from README`)
  }
})

function bpmnFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? bpmnFiles(path) : name.endsWith('.bpmn') ? [path] : []
  })
}

test('every formId a diagram in processes/ links has a form file (none yet is fine)', () => {
  const formIds = new Set(files.map((f) => JSON.parse(f.xml).id as string))
  for (const path of bpmnFiles(join(ROOT, 'processes'))) {
    const xml = readFileSync(path, 'utf8')
    for (const match of xml.matchAll(/<zeebe:formDefinition\b[^>]*\bformId="([^"]+)"/g)) {
      assert.ok(formIds.has(match[1]!), `${path.slice(ROOT.length)} links form ${match[1]}, which has no file in forms/`)
    }
  }
})

test.run()
