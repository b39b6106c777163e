// bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics, on a
// task, sub-process or call activity. Zeebe requires an input collection (FEEL)
// and, when an output collection is named, an output element to fill it with.
import { checkFeelSyntax } from '../feel.js'
import type { MultiInstanceDefinition } from '../types.js'
import { capitalize } from './extensions.js'
import type { ReadContext } from './extensions.js'
import { attribute, describeElement, extension } from './moddle.js'
import type { ModdleElement } from './moddle.js'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** undefined: the element has no loop; null: it has one that cannot run (reported). */
export function readMultiInstance(source: ModdleElement, context: ReadContext): MultiInstanceDefinition | null | undefined {
  const loop = source.loopCharacteristics
  if (!loop) return undefined
  const id = source.id ?? null
  const described = describeElement(source)
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    context.problem(id, `${capitalize(described)} is a standard loop (loopCharacteristics): not supported; Zeebe only runs multi-instance.`)
    return null
  }
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics')
  let ok = true
  const feel = (what: string, raw: string | undefined, required: boolean): string | null => {
    if (raw === undefined) {
      if (required) {
        context.problem(id, `${capitalize(described)} is multi-instance but has no ${what}: add <zeebe:loopCharacteristics inputCollection="=items"/>.`)
        ok = false
      }
      return null
    }
    const text = raw.trim()
    if (!text.startsWith('=')) {
      context.problem(id, `The ${what} of ${described} must be a FEEL expression starting with '=', not '${text}'.`)
      ok = false
      return null
    }
    const error = checkFeelSyntax(text.slice(1))
    if (error !== null) {
      context.problem(id, `The ${what} of ${described} is not valid FEEL: '${text}' (${error}).`)
      ok = false
      return null
    }
    return text.slice(1)
  }
  const name = (what: string, raw: string | undefined): string | null => {
    if (raw === undefined) return null
    if (!NAME.test(raw.trim())) {
      context.problem(id, `The ${what} of ${described} must be a variable name, not '${raw}'.`)
      ok = false
      return null
    }
    return raw.trim()
  }
  const inputCollection = feel('input collection', attribute(zeebe, 'inputCollection'), true)
  const inputElement = name('input element', attribute(zeebe, 'inputElement'))
  const outputCollection = name('output collection', attribute(zeebe, 'outputCollection'))
  const outputElement = feel('output element', attribute(zeebe, 'outputElement'), false)
  if (outputCollection !== null && outputElement === null && ok) {
    context.problem(id, `${capitalize(described)} names an output collection '${outputCollection}' but no output element to fill it with.`)
    ok = false
  }
  const condition = (loop['completionCondition'] as { body?: string } | undefined)?.body?.trim()
  const completionCondition = condition === undefined || condition === '' ? null : feel('completion condition', condition, false)
  if (!ok || inputCollection === null) return null
  return { sequential: loop['isSequential'] === true, inputCollection, inputElement, outputCollection, outputElement, completionCondition }
}
