// Start-up deployment of the KE process (processes/*.bpmn) with the forms its user tasks name
// (forms/*.form), as one deployment: a user task's form must be deployed with it or before it.
// An unchanged file is no new version, so restarting deploys nothing new.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Engine } from '../engine/engine.js'

const ROOT = new URL('../../', import.meta.url).pathname
export const PROCESSES_DIR = join(ROOT, 'processes')
export const FORMS_DIR = join(ROOT, 'forms')

function files(dir: string, extension: string): { name: string; xml: string }[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.filter((name) => name.endsWith(extension)).sort().map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }))
}

export async function deployKeProcesses(engine: Engine, options: { processesDir?: string; formsDir?: string } = {}) {
  const resources = [...files(options.formsDir ?? FORMS_DIR, '.form'), ...files(options.processesDir ?? PROCESSES_DIR, '.bpmn')]
  return engine.deploy(resources, 'samflyt')
}
