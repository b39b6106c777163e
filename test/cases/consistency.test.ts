// The KE diagram and the code are checked against each other: every service-task type in
// processes/ has a worker that Samflyt's start-up registers (src/cases for ke-*, the rules layer
// for rules:<id>, which also needs the rule set in rules/), and every form a user task names
// has a file in forms/.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDefinition } from '../../src/engine/index.js'
import { CASE_WORKERS } from '../../src/cases/workers/index.js'
import { PROCESSES_DIR, FORMS_DIR } from '../../src/cases/deploy.js'
import { testApp, type TestApp } from '../helpers/app.js'

const RULES_DIR = join(PROCESSES_DIR, '..', 'rules')

async function models() {
  const files = readdirSync(PROCESSES_DIR).filter((name) => name.endsWith('.bpmn'))
  assert.ok(files.length > 0, 'processes/ has the KE process')
  return (await Promise.all(files.map((name) => parseDefinition(readFileSync(join(PROCESSES_DIR, name), 'utf8'))))).flat()
}

function elementsOf(model: Awaited<ReturnType<typeof models>>[number]) {
  return Object.values(model.elements) as { id: string; kind: string; job?: { type: { value?: string; feel?: string } } | null; userTask?: { formId: string | null } }[]
}

/** The job type of a task; the KE diagram names its types literally, never by FEEL. */
function jobTypeOf(element: ReturnType<typeof elementsOf>[number]): string | undefined {
  if (!element.job) return undefined
  assert.ok(element.job.type.value, `${element.id} names its job type by FEEL; the KE diagram must name it literally`)
  return element.job.type.value
}

let t: TestApp
test.before(async () => {
  t = await testApp({}, { cases: true })
})
test.after(async () => {
  await t.close()
})

test('every task type in processes/ has a worker registered at start-up, and every rules:<id> a rule set in rules/', async () => {
  const registered = new Set([...((t.engine as unknown as { workers: Set<{ type: string }> }).workers)].map((w) => w.type))
  const types = new Set<string>()
  for (const model of await models()) for (const element of elementsOf(model)) {
    const type = jobTypeOf(element)
    if (type) types.add(type)
  }
  assert.ok(types.has('ke-update-registration') && types.has('rules:complexity'), `task types read from the diagram: ${[...types].join(', ')}`)
  for (const type of types) {
    assert.ok(registered.has(type), `task type ${type} has no worker registered at start-up`)
    if (type.startsWith('rules:')) assert.ok(existsSync(join(RULES_DIR, `${type.slice('rules:'.length)}.json`)), `${type} has no rule set in rules/`)
  }
  for (const type of Object.keys(CASE_WORKERS)) assert.ok(types.has(type), `worker ${type} serves no task in processes/`)
})

test('every form a user task names has a file in forms/', async () => {
  const formIds = new Set(readdirSync(FORMS_DIR).filter((n) => n.endsWith('.form')).map((n) => (JSON.parse(readFileSync(join(FORMS_DIR, n), 'utf8')) as { id: string }).id))
  for (const model of await models()) for (const element of elementsOf(model)) {
    const formId = element.userTask?.formId
    if (formId) assert.ok(formIds.has(formId), `${element.id} names form ${formId}, which forms/ does not have`)
  }
})

test.run()
