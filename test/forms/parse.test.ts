// Reading .form files: what a process owner gets told when a form file is wrong.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseFormFile, MAX_FORM_BYTES } from '../../src/forms/parse.js'

const form = (components: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'f', type: 'default', schemaVersion: 19, components, ...extra })
const problems = (source: string) => {
  const result = parseFormFile('f.form', source)
  return result.ok ? [] : result.problems
}

test('a well-formed form parses, with its checksum over the exact bytes', () => {
  const a = parseFormFile('a.form', form([{ type: 'textfield', key: 'x' }]))
  const b = parseFormFile('a.form', form([{ type: 'textfield', key: 'x' }]) + '\n')
  assert.ok(a.ok && b.ok)
  if (a.ok && b.ok) assert.is.not(a.form.checksum, b.form.checksum)
})

test('an oversized form file is refused before it is parsed', () => {
  const big = form([{ type: 'text', text: 'x'.repeat(MAX_FORM_BYTES) }])
  assert.equal(problems(big).map((p) => p.path), ['f.form'])
  assert.match(problems(big)[0]!.message, /at most 262144 bytes/)
})

test('malformed JSON and a wrong root are refused with the file named', () => {
  assert.match(problems('{"id": ')[0]!.message, /not valid JSON/)
  assert.match(problems('[]')[0]!.message, /JSON object/)
  const root = problems(JSON.stringify({ id: '1 bad', type: 'other', schemaVersion: 99, components: {} })).map((p) => p.message)
  assert.is(root.length, 4)
  assert.match(root.join('\n'), /"id"[\s\S]*"type"[\s\S]*schemaVersion[\s\S]*components/)
})

test('each broken component is named by its id, key or place', () => {
  const found = problems(form([
    { type: 'textfield', key: 'same' },
    { type: 'textarea', key: 'same', id: 'dup' },
    { type: 'radio', key: 'r', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'a' }] },
    { type: 'select', key: 's', values: [{ label: 'A', value: 'a' }], valuesKey: 'list' },
    { type: 'number', key: 'n', validate: { min: 5, max: 1 } },
    { type: 'textfield', key: 't', validate: { minLength: -1 } },
    { type: 'textfield', key: 'c', conditional: { hide: '=a = (b' } },
    { type: 'textfield', key: 'k', properties: { 'samflyt:check': 'horoscope' } },
    { type: 'dynamiclist', id: 'list', components: [] },
    { type: 'group', id: 'g', components: [{ type: 'textfield' }] },
    'not an object',
  ]))
  assert.equal(found.map((p) => p.path), [
    'f.form#dup', 'f.form#r', 'f.form#s', 'f.form#n', 'f.form#t', 'f.form#c', 'f.form#k', 'f.form#list', 'f.form#components[9].components[0]', 'f.form#components[10]',
  ])
  assert.match(found[0]!.message, /key same is also used by same/)
  assert.match(found[7]!.message, /needs a "path"/)
})

test('keys inside a group with a path, and inside list items, are their own', () => {
  const ok = problems(form([
    { type: 'textfield', key: 'name' },
    { type: 'group', path: 'guardian', components: [{ type: 'textfield', key: 'name' }] },
    { type: 'dynamiclist', path: 'services', components: [{ type: 'textfield', key: 'name' }] },
  ]))
  assert.equal(ok, [])
  const clash = problems(form([{ type: 'textfield', key: 'guardian.name' }, { type: 'group', path: 'guardian', components: [{ type: 'textfield', key: 'name' }] }]))
  assert.is(clash.length, 1)
})

test.run()
