// The letters' configuration: the dispatch service from the environment, checked at start; the
// embedded default's outbox; and a server that will not start on a broken template.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config.js'
import { problemsOf } from '../helpers/config.js'

const ROOT = new URL('../..', import.meta.url).pathname

test('by default letters go to the outbox under the data folder, with the shipped templates', () => {
  const { letters } = loadConfig({ SAMFLYT_DATA_DIR: '/srv/samflyt' })
  assert.is(letters.svarut, undefined)
  assert.is(letters.outboxDir, '/srv/samflyt/outbox')
  assert.is(letters.templatesDir, join(ROOT, 'templates/letters'))
  assert.is(letters.municipalityFile, join(ROOT, 'templates/letters/municipality.json'))
})

test('a dispatch service is configured by URL, sender name and password, with a timeout', () => {
  const { letters } = loadConfig({
    SAMFLYT_SVARUT_URL: 'https://svarut.ks.no/tjenester/api/forsendelse/v1',
    SAMFLYT_SVARUT_USERNAME: 'fjordvik-ke',
    SAMFLYT_SVARUT_PASSWORD: 'service-password',
    SAMFLYT_SVARUT_TIMEOUT_MS: '30000',
    SAMFLYT_MUNICIPALITY_FILE: '/etc/samflyt/kommune.json',
  })
  assert.equal(letters.svarut, { url: 'https://svarut.ks.no/tjenester/api/forsendelse/v1', username: 'fjordvik-ke', password: 'service-password', timeoutMs: 30000 })
  assert.is(letters.municipalityFile, '/etc/samflyt/kommune.json')
})

test('a bad dispatch configuration names the variable, and never shows the password', () => {
  assert.equal(problemsOf({ SAMFLYT_SVARUT_URL: 'https://svarut.test/api' }), [
    'SAMFLYT_SVARUT_URL needs SAMFLYT_SVARUT_USERNAME and SAMFLYT_SVARUT_PASSWORD (the sender name and service password)',
  ])
  const [problem] = problemsOf({ SAMFLYT_SVARUT_URL: 'ftp://user:hemmelig@svarut.test', SAMFLYT_SVARUT_USERNAME: 'u', SAMFLYT_SVARUT_PASSWORD: 'p' })
  assert.match(problem!, 'SAMFLYT_SVARUT_URL must be a URL starting with https:// or http://')
  assert.not.match(problem!, 'hemmelig')
  assert.match(problemsOf({ SAMFLYT_SVARUT_TIMEOUT_MS: '10' })[0]!, 'SAMFLYT_SVARUT_TIMEOUT_MS must be a whole number from 1000 to 960000')
})

test('a server with a broken letter template does not start, and says which template, line and placeholder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samflyt-letters-start-'))
  const templates = mkdtempSync(join(tmpdir(), 'samflyt-letters-templates-'))
  for (const file of readdirSync(join(ROOT, 'templates/letters'))) copyFileSync(join(ROOT, 'templates/letters', file), join(templates, file))
  const text = readFileSync(join(templates, 'interim-reply.nn.md'), 'utf8').replace('{{expectedBy}}', '{{svarInnan}}')
  writeFileSync(join(templates, 'interim-reply.nn.md'), text)
  const line = text.split('\n').findIndex((l) => l.includes('{{svarInnan}}')) + 1
  const { DATABASE_URL: _ignored, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', SAMFLYT_DATA_DIR: dataDir, SAMFLYT_LETTER_TEMPLATES_DIR: templates },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  try {
    assert.is(code, 1, output)
    assert.match(output, `interim-reply.nn.md line ${line}: unknown placeholder {{svarInnan}}`)
    assert.match(output, 'interim-reply.nn.md: the required part {{expectedBy}} is missing')
    assert.not.match(output, 'Samflyt is running')
  } finally {
    child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(templates, { recursive: true, force: true })
  }
})

test.run()
