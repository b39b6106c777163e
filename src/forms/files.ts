// The shipped forms (forms/*.form), read as deployment resources, for start-up and tests.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Resource } from '../engine/deploy.js'
import { FORM_EXTENSION } from './deploy.js'

export const FORMS_DIR = new URL('../../forms/', import.meta.url).pathname

export function readFormFiles(dir: string = FORMS_DIR): Resource[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith(FORM_EXTENSION))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }))
}
