// Loads the letter templates from their folder: one file per kind and language
// (<kind>.<language>.md), all of them checked before any is used. One bad template refuses the
// whole set with every problem named, so a municipality's edit never half-applies.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SamflytError } from '../../errors.js'
import { LANGUAGES, LETTER_KINDS, type Language, type LetterKind } from '../types.js'
import { describeProblem, parseTemplate, type LetterTemplate, type TemplateProblem } from './parse.js'

export interface LetterTemplates {
  get(kind: LetterKind, language: Language): LetterTemplate
}

/** Thrown when templates are refused; `problems` name the template, line and placeholder. */
export class TemplateError extends SamflytError {
  constructor(readonly problems: TemplateProblem[]) {
    super(
      'SAMFLYT_INVALID_DEFINITION',
      `The letter templates are refused:\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`,
      problems.map((p) => ({ path: p.line ? `${p.template}:${p.line}` : p.template, message: p.placeholder ? `${p.message} [${p.placeholder}]` : p.message })),
    )
  }
}

export const templateFileName = (kind: LetterKind, language: Language) => `${kind}.${language}.md`

/** Checks a set of template texts by file name; throws TemplateError listing every problem. */
export function checkTemplates(files: Record<string, string>): LetterTemplates {
  const problems: TemplateProblem[] = []
  const templates = new Map<string, LetterTemplate>()
  for (const kind of LETTER_KINDS) {
    for (const language of LANGUAGES) {
      const name = templateFileName(kind, language)
      const text = files[name]
      if (text === undefined) {
        problems.push({ template: name, message: `the template is missing (every kind of letter needs one per language: ${LANGUAGES.join(', ')})` })
        continue
      }
      const result = parseTemplate(name, text, { kind, language })
      problems.push(...result.problems)
      if (result.template) templates.set(name, result.template)
    }
  }
  for (const name of Object.keys(files)) {
    if (!/^[a-z-]+\.(nb|nn)\.md$/.test(name) || !LETTER_KINDS.some((kind) => name.startsWith(`${kind}.`))) {
      problems.push({ template: name, message: `not a letter template name; expected <kind>.<language>.md with kind ${LETTER_KINDS.join(' or ')} and language nb or nn` })
    }
  }
  if (problems.length > 0) throw new TemplateError(problems)
  return {
    get(kind, language) {
      return templates.get(templateFileName(kind, language))!
    },
  }
}

/** Reads and checks every *.md template in `dir` (README.md excepted). */
export function loadTemplates(dir: string): LetterTemplates {
  if (!existsSync(dir)) throw new TemplateError([{ template: dir, message: 'the letter template folder does not exist' }])
  const files: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.md') && name !== 'README.md') files[name] = readFileSync(join(dir, name), 'utf8')
  }
  return checkTemplates(files)
}
