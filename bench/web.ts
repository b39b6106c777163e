// The web app in headless Chromium on the embedded default (PGlite): time from navigation to the
// tasklist rendered with 10,000 open tasks, and to a task's form rendered; and the gzipped size of
// the JavaScript each page loads (the app's entry and what it imports, then each page's own).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join, relative } from 'node:path'
import { chromium } from 'playwright-core'
import { openDatabase } from '../src/db/connect.js'
import { migrate } from '../src/db/migrate.js'
import { buildApp } from '../src/api/app.js'
import { createLogger } from '../src/api/logging.js'
import { createTokenService } from '../src/auth/tokens.js'
import { seedDemoUsers } from '../src/auth/demo.js'
import { Engine } from '../src/engine/engine.js'
import { buildWeb } from '../scripts/build-web.mjs'
import { inParallel, quantile, round1, type BenchResult } from './stats.js'

const ROOT = new URL('..', import.meta.url).pathname
const FORM = JSON.stringify({
  id: 'bench-form', type: 'default', schemaVersion: 19,
  components: [
    { type: 'textfield', id: 'name', key: 'name', label: 'Navn', validate: { required: true } },
    { type: 'textarea', id: 'note', key: 'note', label: 'Notat' },
    { type: 'radio', id: 'choice', key: 'choice', label: 'Valg', values: [{ label: 'Ja', value: 'yes' }, { label: 'Nei', value: 'no' }] },
  ],
})
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bench-web" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="fill" name="Fyll ut"><bpmn:extensionElements><zeebe:userTask/><zeebe:formDefinition formId="bench-form"/><zeebe:assignmentDefinition candidateGroups="caseworker"/><zeebe:taskSchedule dueDate="=due"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fill"/>
    <bpmn:sequenceFlow id="f2" sourceRef="fill" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`

export async function benchWeb(options: { tasks?: number; runs?: number } = {}): Promise<BenchResult[]> {
  const tasks = options.tasks ?? 10_000
  const runs = options.runs ?? 5
  await buildWeb({ quiet: true })
  const db = await openDatabase({})
  await migrate(db.sql)
  await seedDemoUsers(db.sql)
  const engine = new Engine({ db })
  const tokens = createTokenService({ secret: new TextEncoder().encode('bench-secret-that-is-long-enough-for-hs256'), ttlSeconds: 3600 })
  const app = await buildApp({ db, engine, tokens, logger: createLogger('silent'), bodyLimitBytes: 1024 * 1024 })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
  try {
    await engine.deploy([{ name: 'bench-web.bpmn', xml: BPMN }, { name: 'bench-form.form', xml: FORM }], 'bench')
    await inParallel(tasks, 32, async (i) => {
      await engine.startInstance({ processId: 'bench-web', variables: { caseReference: `KE-2026-${String(i).padStart(5, '0')}`, due: new Date(Date.UTC(2027, 0, 1) + (i % 365) * 86_400_000).toISOString() } }, 'bench')
    })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const page = await browser.newPage()
    await page.goto(`${url}/logg-inn`)
    await page.getByLabel('Brukernavn').fill('kari')
    await page.getByLabel('Passord').fill('kari-demo')
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await page.waitForURL((u) => u.pathname !== '/logg-inn')
    const [task] = await db.sql<{ key: string }[]>`select key::text from user_tasks where state = 'created' order by key desc limit 1`

    const list: number[] = []
    const form: number[] = []
    for (let run = 0; run < runs; run++) {
      let started = performance.now()
      await page.goto(`${url}/oppgaver?ko=groups`)
      await page.getByRole('row', { name: /KE-2026-/ }).first().waitFor()
      list.push(performance.now() - started)
      started = performance.now()
      await page.goto(`${url}/oppgaver/${task!.key}`)
      await page.getByRole('textbox', { name: 'Navn', exact: true }).waitFor()
      form.push(performance.now() - started)
    }
    return [
      { name: `web: navigation to tasklist rendered, ${tasks.toLocaleString('en')} open tasks, p50`, value: round1(quantile(list, 0.5)), unit: 'ms', reference: Number.NaN },
      { name: "web: navigation to a task's form rendered, p50", value: round1(quantile(form, 0.5)), unit: 'ms', reference: Number.NaN },
      ...javascriptSizes(),
    ]
  } finally {
    await browser.close()
    await app.close()
    await engine.stop()
    await db.close()
  }
}

interface Meta { outputs: Record<string, { imports: { path: string; kind: string }[]; entryPoint?: string }> }

/** Gzipped bytes of the JavaScript a page loads: the entry with its static imports, then each page's chunk with the static imports the entry does not already bring. */
function javascriptSizes(): BenchResult[] {
  const out = join(ROOT, 'build/web')
  const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as Meta
  const gz = (path: string) => gzipSync(readFileSync(join(ROOT, path))).length
  const closure = (path: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(path)) return seen
    seen.add(path)
    for (const imported of meta.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') closure(imported.path, seen)
    return seen
  }
  const entry = Object.keys(meta.outputs).find((path) => meta.outputs[path]!.entryPoint?.endsWith('src/web/main.tsx'))!
  const base = closure(entry)
  const kb = (bytes: number) => round1(bytes / 1024)
  const results: BenchResult[] = [{ name: 'web: JavaScript of the shell (entry and its imports), gzipped', value: kb([...base].reduce((sum, path) => sum + gz(path), 0)), unit: 'KiB', reference: Number.NaN }]
  for (const [path, output] of Object.entries(meta.outputs)) {
    const page = output.entryPoint && /src\/web\/pages\/([\w-]+)\.tsx$/.exec(output.entryPoint)?.[1]
    if (!page || !path.endsWith('.js')) continue
    const own = [...closure(path)].filter((chunk) => !base.has(chunk))
    results.push({ name: `web: JavaScript of page ${page} beyond the shell, gzipped (${relative(out, join(ROOT, path))})`, value: kb(own.reduce((sum, chunk) => sum + gz(chunk), 0)), unit: 'KiB', reference: Number.NaN })
  }
  return results
}
