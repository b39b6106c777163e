// Templates a municipality edits are checked when they are loaded: an unknown placeholder or a
// missing required part is refused with the template, the line and the placeholder named.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkTemplates, loadTemplates, TemplateError } from '../../src/letters/template/load.js'
import { loadMunicipality } from '../../src/letters/municipality.js'
import { SamflytError } from '../../src/errors.js'
import { CONDITIONS, FRONT_MATTER, PLACEHOLDERS } from '../../src/letters/template/placeholders.js'

const SHIPPED = 'templates/letters'
const shipped = (): Record<string, string> =>
  Object.fromEntries(readdirSync(SHIPPED).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => [f, readFileSync(join(SHIPPED, f), 'utf8')]))

function problemsOf(files: Record<string, string>) {
  try {
    checkTemplates(files)
  } catch (error) {
    assert.instance(error, TemplateError)
    return (error as TemplateError).problems
  }
  assert.unreachable('the templates were accepted')
  return []
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1

test('the shipped templates load: both kinds of letter, both languages', () => {
  const templates = loadTemplates(SHIPPED)
  for (const kind of ['decision', 'interim-reply'] as const) {
    for (const language of ['nb', 'nn'] as const) {
      const template = templates.get(kind, language)
      assert.is(template.kind, kind)
      assert.is(template.language, language)
      assert.match(template.checksum, /^[0-9a-f]{64}$/)
    }
  }
})

test('an unknown placeholder names the template, the line and the placeholder', () => {
  const files = shipped()
  const text = files['decision.nn.md']!.replace('Dato: {{date}}', 'Dato: {{dato}}')
  const problems = problemsOf({ ...files, 'decision.nn.md': text })
  const unknown = problems.find((p) => p.placeholder === 'dato')!
  assert.ok(unknown, JSON.stringify(problems))
  assert.is(unknown.template, 'decision.nn.md')
  assert.is(unknown.line, lineOf(text, '{{dato}}'))
  assert.match(unknown.message, 'unknown placeholder {{dato}}')
  // ...and the date, now gone, is a missing required part.
  assert.ok(problems.some((p) => p.placeholder === 'date' && /required part \{\{date\}\} is missing/.test(p.message)), JSON.stringify(problems))
})

test('a missing required part is refused: the right to appeal cannot be edited away', () => {
  const files = shipped()
  const text = files['decision.nb.md']!.replace(' ({{appealLaw}})', '')
  const problems = problemsOf({ ...files, 'decision.nb.md': text })
  assert.equal(problems.map((p) => [p.template, p.placeholder, p.line]), [['decision.nb.md', 'appealLaw', undefined]])
  assert.match(problems[0]!.message, 'the law giving the right to appeal')
})

test('the error message lists every problem with template and line, and is a 400', () => {
  const files = shipped()
  const text = files['interim-reply.nb.md']!.replace('{{expectedBy}}', '{{expected_by}}')
  try {
    checkTemplates({ ...files, 'interim-reply.nb.md': text })
    assert.unreachable()
  } catch (error) {
    const e = error as SamflytError
    assert.is(e.status, 400)
    assert.is(e.code, 'SAMFLYT_INVALID_DEFINITION')
    const line = lineOf(text, '{{expected_by}}')
    assert.match(e.message, `interim-reply.nb.md line ${line}: {{expected_by}} is not a placeholder name`)
    assert.match(e.message, 'interim-reply.nb.md: the required part {{expectedBy}} is missing')
    assert.ok(e.details.some((d) => d.path === `interim-reply.nb.md:${line}`), JSON.stringify(e.details))
  }
})

test('a required part hidden inside {{#if}} is refused; the coordinator may be conditional', () => {
  const files = shipped()
  const text = files['decision.nb.md']!.replace('## {{AddresseePronoun}} har rett til å se dokumentene i saken', '{{#if granted}}\n## {{AddresseePronoun}} har rett til å se dokumentene i saken').replace('Ta kontakt med oss hvis {{addresseePronoun}} vil se dem.', 'Ta kontakt med oss hvis {{addresseePronoun}} vil se dem.\n{{/if}}')
  const problems = problemsOf({ ...files, 'decision.nb.md': text })
  assert.equal(problems.map((p) => [p.placeholder, p.line]), [['accessLaw', lineOf(text, '{{accessLaw}}')]])
  assert.match(problems[0]!.message, 'only inside {{#if}}')
})

test('a block placeholder inside a sentence, an unknown condition and an unclosed {{#if}} are named', () => {
  const files = shipped()
  const text = files['decision.nb.md']!
    .replace('## Vedtak\n{{decisions}}', '## Vedtak\nDette er vedtaket: {{decisions}}')
    .replace('{{#if guardian}}', '{{#if verge}}')
    .replace('{{/if}}\n{{/if}}\n\n## {{AddresseePronoun}} kan klage', '{{/if}}\n\n## {{AddresseePronoun}} kan klage')
  const problems = problemsOf({ ...files, 'decision.nb.md': text })
  const find = (placeholder: string) => problems.find((p) => p.placeholder === placeholder)
  assert.is(find('decisions')?.line, lineOf(text, 'Dette er vedtaket'))
  assert.match(find('decisions')!.message, 'is a block: put it alone on its own line')
  assert.is(find('verge')?.line, lineOf(text, '{{#if verge}}'))
  assert.ok(problems.some((p) => p.line === lineOf(text, '{{#if coordinator}}') && /never closed/.test(p.message)), JSON.stringify(problems))
})

test('a placeholder of the other kind of letter is refused', () => {
  const files = shipped()
  const text = files['interim-reply.nn.md']!.replace('{{delayReason}}', '{{delayReason}} {{appealWeeks}}')
  const problems = problemsOf({ ...files, 'interim-reply.nn.md': text })
  assert.equal(problems.map((p) => [p.template, p.placeholder, p.line]), [['interim-reply.nn.md', 'appealWeeks', lineOf(text, '{{appealWeeks}}')]])
  assert.match(problems[0]!.message, '{{appealWeeks}} is not available in interim-reply letters')
})

test('front matter: a missing phrase, an unknown key and a kind that does not match the file name', () => {
  const files = shipped()
  const text = files['decision.nb.md']!
    .replace('refused.coordinator: Du får ikke koordinator.\n', '')
    .replace('label.unit: Enhet', 'label.unit: Enhet\nlabel.fax: Telefaks')
    .replace('kind: decision', 'kind: interim-reply')
  const problems = problemsOf({ ...files, 'decision.nb.md': text })
  assert.ok(problems.some((p) => p.line === lineOf(text, 'kind:') && /named for decision/.test(p.message)), JSON.stringify(problems))
  assert.ok(problems.some((p) => p.placeholder === 'label.fax' && p.line === lineOf(text, 'label.fax')), JSON.stringify(problems))
  assert.ok(problems.some((p) => p.placeholder === 'refused.coordinator' && /lacks/.test(p.message)), JSON.stringify(problems))
})

test('every kind needs a template per language; a stray file is named', () => {
  const files = shipped()
  delete files['interim-reply.nn.md']
  files['vedtak.nb.md'] = files['decision.nb.md']!
  const problems = problemsOf(files)
  assert.equal(problems.map((p) => p.template).sort(), ['interim-reply.nn.md', 'vedtak.nb.md'])
})

test('loading a folder with an edited template refuses the whole set, naming the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samflyt-templates-'))
  for (const file of readdirSync(SHIPPED)) copyFileSync(join(SHIPPED, file), join(dir, file))
  const text = readFileSync(join(dir, 'decision.nn.md'), 'utf8').replace('{{countyGovernor}}', '{{statsforvaltar}}')
  writeFileSync(join(dir, 'decision.nn.md'), text)
  assert.throws(() => loadTemplates(dir), (error: Error) => error.message.includes(`decision.nn.md line ${lineOf(text, '{{statsforvaltar}}')}: unknown placeholder {{statsforvaltar}}`))
})

test('the municipality file is checked: every missing or unknown field named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samflyt-municipality-'))
  const file = join(dir, 'municipality.json')
  const good = JSON.parse(readFileSync(join(SHIPPED, 'municipality.json'), 'utf8'))
  writeFileSync(file, JSON.stringify({ ...good, countyGovernor: { nb: 'Statsforvalteren i Vestland' }, phone: undefined, fax: '1' }))
  try {
    loadMunicipality(file)
    assert.unreachable()
  } catch (error) {
    assert.equal((error as SamflytError).details.map((d) => d.path).sort(), ['municipality.json#/countyGovernor', 'municipality.json#/fax', 'municipality.json#/phone'])
  }
  writeFileSync(file, '{ "name": ')
  assert.throws(() => loadMunicipality(file), /municipality.json is not valid JSON/)
})

test('the templates README documents every placeholder, condition and front-matter key', () => {
  const readme = readFileSync(join(SHIPPED, 'README.md'), 'utf8')
  const missing = [
    ...Object.keys(PLACEHOLDERS).map((name) => `| \`{{${name}}}\``),
    ...Object.keys(CONDITIONS).map((name) => `| \`{{#if ${name}}}\``),
    ...Object.keys(FRONT_MATTER).map((name) => `| \`${name}\``),
  ].filter((row) => !readme.includes(row))
  assert.equal(missing, [])
})

test.run()
