// Parses a letter template and checks its placeholders. The format is a small, Markdown-like
// text a municipality can edit in any editor (templates/letters/README.md):
//
//   ---                          front matter: kind, language, title and the phrases
//   kind: decision
//   ---
//   # Heading, ## Subheading
//   A paragraph: its lines as written (long ones wrap) until a blank line. {{inline}} anywhere.
//   - a bullet
//   {{block}}                    a block placeholder, alone on its line
//   {{#if condition}} ... {{else}} ... {{/if}}   each alone on its line
//
// Every problem is reported with the template's name and line, all at once.
import { createHash } from 'node:crypto'
import { LANGUAGES, LETTER_KINDS, type Language, type LetterKind } from '../types.js'
import { CONDITIONS, FRONT_MATTER, PAGE_PLACEHOLDERS, PLACEHOLDERS } from './placeholders.js'

export type Inline = { text: string } | { placeholder: string }

export type TemplateNode =
  | { type: 'heading'; level: 1 | 2; content: Inline[]; line: number }
  | { type: 'paragraph'; content: Inline[]; line: number }
  | { type: 'bullets'; items: Inline[][]; line: number }
  | { type: 'block'; name: string; line: number }
  | { type: 'if'; condition: string; then: TemplateNode[]; else: TemplateNode[]; line: number }

export interface LetterTemplate {
  /** The file name, e.g. decision.nb.md: how problems and letters name it. */
  name: string
  kind: LetterKind
  language: Language
  /** Front-matter values (title, phrases, labels), parsed for placeholders. */
  phrases: Record<string, Inline[]>
  body: TemplateNode[]
  /** sha256 of the file, recorded with each letter rendered from it. */
  checksum: string
}

export interface TemplateProblem {
  template: string
  /** 1-based; absent when the problem is that something is missing. */
  line?: number | undefined
  placeholder?: string | undefined
  message: string
}

const TOKEN = /\{\{([^{}]*)\}\}/g
const NAME = /^[A-Za-z][A-Za-z0-9.]*$/
const CONTROL = /^\{\{\s*(#if\s+(\S+)|else|\/if)\s*\}\}$/
const BLOCK_LINE = /^\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}$/

export interface TemplateParseResult {
  template: LetterTemplate | null
  problems: TemplateProblem[]
}

export function parseTemplate(name: string, text: string, expected?: { kind: LetterKind; language: Language }): TemplateParseResult {
  const problems: TemplateProblem[] = []
  const problem = (message: string, line?: number, placeholder?: string) => problems.push({ template: name, line, placeholder, message })
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)

  // ------------------------------------------------------------ front matter
  const front = new Map<string, { value: string; line: number }>()
  let bodyStart = 0
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
    if (end < 0) problem('the front matter opened on line 1 is never closed with ---', 1)
    for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
      const raw = lines[i]!
      if (raw.trim() === '' || raw.trim().startsWith('#')) continue
      const match = /^([A-Za-z][A-Za-z0-9.-]*)\s*:\s*(.*)$/.exec(raw.trim())
      if (!match) {
        problem(`"${raw.trim()}" is not a "key: value" line`, i + 1)
        continue
      }
      if (front.has(match[1]!)) problem(`${match[1]} is given twice`, i + 1)
      front.set(match[1]!, { value: match[2]!.trim(), line: i + 1 })
    }
    bodyStart = end < 0 ? lines.length : end + 1
  } else {
    problem('a template starts with front matter: a line ---, then kind, language, title ..., then ---', 1)
  }

  const kindValue = front.get('kind')?.value
  const languageValue = front.get('language')?.value
  const kind = LETTER_KINDS.includes(kindValue as LetterKind) ? (kindValue as LetterKind) : undefined
  const language = LANGUAGES.includes(languageValue as Language) ? (languageValue as Language) : undefined
  if (kindValue !== undefined && !kind) problem(`kind must be one of ${LETTER_KINDS.join(', ')}, got "${kindValue}"`, front.get('kind')!.line)
  if (languageValue !== undefined && !language) problem(`language must be nb or nn, got "${languageValue}"`, front.get('language')!.line)
  if (expected && kind && kind !== expected.kind) problem(`the file is named for ${expected.kind} but says kind: ${kind}`, front.get('kind')!.line)
  if (expected && language && language !== expected.language) problem(`the file is named for ${expected.language} but says language: ${language}`, front.get('language')!.line)
  // Checked as the kind its file name says: that is how it will be used.
  const effectiveKind = expected?.kind ?? kind

  /** Splits text into literal text and placeholders, checking each placeholder. */
  const inline = (value: string, line: number, extra: readonly string[] = []): Inline[] => {
    const parts: Inline[] = []
    let last = 0
    for (const match of value.matchAll(TOKEN)) {
      if (match.index! > last) parts.push({ text: value.slice(last, match.index) })
      last = match.index! + match[0].length
      const placeholder = match[1]!.trim()
      parts.push({ placeholder })
      if (!NAME.test(placeholder)) {
        problem(`{{${placeholder}}} is not a placeholder name (letters, digits and dots; {{#if}}, {{else}} and {{/if}} go on their own line)`, line, placeholder)
        continue
      }
      const spec = PLACEHOLDERS[placeholder]
      if (extra.includes(placeholder)) continue
      if (!spec) problem(`unknown placeholder {{${placeholder}}}`, line, placeholder)
      else if (effectiveKind && !spec.kinds.includes(effectiveKind)) problem(`{{${placeholder}}} is not available in ${effectiveKind} letters`, line, placeholder)
      else if (spec.use === 'block') problem(`{{${placeholder}}} is a block: put it alone on its own line`, line, placeholder)
    }
    const rest = value.slice(last)
    if (/\{\{|\}\}/.test(rest)) problem(`unbalanced braces in "${rest.trim()}"`, line)
    if (rest) parts.push({ text: rest })
    return parts
  }

  const phrases: Record<string, Inline[]> = {}
  for (const [key, { value, line }] of front) {
    const spec = FRONT_MATTER[key]
    if (!spec) problem(`unknown front-matter key "${key}"`, line, key)
    else if (effectiveKind && !spec.kinds.includes(effectiveKind)) problem(`"${key}" does not belong in ${effectiveKind} letters`, line, key)
    if (value === '') problem(`"${key}" is empty`, line, key)
    if (key !== 'kind' && key !== 'language') phrases[key] = inline(value, line, key === 'label.page' ? PAGE_PLACEHOLDERS : [])
  }
  for (const [key, spec] of Object.entries(FRONT_MATTER)) {
    if (spec.required && (!effectiveKind || spec.kinds.includes(effectiveKind)) && !front.has(key)) {
      problem(`the front matter lacks "${key}" (${spec.description})`, undefined, key)
    }
  }

  // ------------------------------------------------------------ body
  const root: TemplateNode[] = []
  const stack: { node: Extract<TemplateNode, { type: 'if' }>; inElse: boolean }[] = []
  const target = () => {
    const top = stack.at(-1)
    return top ? (top.inElse ? top.node.else : top.node.then) : root
  }
  let paragraph: Extract<TemplateNode, { type: 'paragraph' }> | null = null
  let bullets: Extract<TemplateNode, { type: 'bullets' }> | null = null
  const seen = new Map<string, { line: number; conditional: boolean }>()
  const note = (parts: Inline[], line: number) => {
    for (const part of parts) {
      if ('placeholder' in part && !seen.has(part.placeholder)) seen.set(part.placeholder, { line, conditional: stack.length > 0 })
      else if ('placeholder' in part && stack.length === 0) seen.set(part.placeholder, { line, conditional: false })
    }
  }
  const close = () => {
    paragraph = null
    bullets = null
  }

  for (let i = bodyStart; i < lines.length; i++) {
    const lineNo = i + 1
    const trimmed = lines[i]!.trim()
    if (trimmed === '') {
      close()
      continue
    }
    const control = CONTROL.exec(trimmed)
    if (control) {
      close()
      if (control[2] !== undefined) {
        const condition = control[2]
        if (!CONDITIONS[condition]) problem(`unknown condition {{#if ${condition}}} (known: ${Object.keys(CONDITIONS).join(', ')})`, lineNo, condition)
        else if (effectiveKind && !CONDITIONS[condition]!.kinds.includes(effectiveKind)) problem(`{{#if ${condition}}} is not available in ${effectiveKind} letters`, lineNo, condition)
        const node: Extract<TemplateNode, { type: 'if' }> = { type: 'if', condition, then: [], else: [], line: lineNo }
        target().push(node)
        stack.push({ node, inElse: false })
      } else if (control[1] === 'else') {
        const top = stack.at(-1)
        if (!top) problem('{{else}} without an open {{#if}}', lineNo)
        else if (top.inElse) problem(`a second {{else}} for the {{#if}} on line ${top.node.line}`, lineNo)
        else top.inElse = true
      } else if (!stack.pop()) {
        problem('{{/if}} without an open {{#if}}', lineNo)
      }
      continue
    }
    const block = BLOCK_LINE.exec(trimmed)
    if (block && PLACEHOLDERS[block[1]!]?.use === 'block') {
      close()
      const spec = PLACEHOLDERS[block[1]!]!
      if (effectiveKind && !spec.kinds.includes(effectiveKind)) problem(`{{${block[1]}}} is not available in ${effectiveKind} letters`, lineNo, block[1])
      target().push({ type: 'block', name: block[1]!, line: lineNo })
      note([{ placeholder: block[1]! }], lineNo)
      continue
    }
    const heading = /^(#{1,2})\s+(.*)$/.exec(trimmed)
    if (heading) {
      close()
      const content = inline(heading[2]!, lineNo)
      note(content, lineNo)
      target().push({ type: 'heading', level: heading[1]!.length as 1 | 2, content, line: lineNo })
      continue
    }
    if (/^[-*]\s+/.test(trimmed)) {
      paragraph = null
      const content = inline(trimmed.replace(/^[-*]\s+/, ''), lineNo)
      note(content, lineNo)
      if (!bullets) {
        bullets = { type: 'bullets', items: [], line: lineNo }
        target().push(bullets)
      }
      bullets.items.push(content)
      continue
    }
    bullets = null
    const content = inline(trimmed, lineNo)
    note(content, lineNo)
    if (paragraph) paragraph.content.push({ text: '\n' }, ...content)
    else {
      paragraph = { type: 'paragraph', content, line: lineNo }
      target().push(paragraph)
    }
  }
  for (const open of stack) problem(`the {{#if ${open.node.condition}}} on line ${open.node.line} is never closed with {{/if}}`, open.node.line)

  if (effectiveKind) {
    for (const [placeholder, spec] of Object.entries(PLACEHOLDERS)) {
      if (!spec.required?.includes(effectiveKind)) continue
      const where = seen.get(placeholder)
      if (!where) problem(`the required part {{${placeholder}}} is missing (${spec.description})`, undefined, placeholder)
      else if (where.conditional && !spec.mayBeConditional) {
        problem(`the required part {{${placeholder}}} is only inside {{#if}}; it must always be in the letter`, where.line, placeholder)
      }
    }
  }

  if (problems.length > 0 || !kind || !language) return { template: null, problems }
  const checksum = createHash('sha256').update(text).digest('hex')
  return { template: { name, kind, language, phrases, body: root, checksum }, problems }
}

/** "decision.nb.md line 12: unknown placeholder {{foo}}" */
export function describeProblem(p: TemplateProblem): string {
  return `${p.template}${p.line ? ` line ${p.line}` : ''}: ${p.message}`
}
