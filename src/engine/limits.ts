// Hard limits on what the engine takes in, so that no input can make it run out of stack, memory
// or time. The API checks the same limits at its edge, with the HTTP path in each message; the
// engine checks again for callers that reach it directly (the KE domain, workers).
//
// A JSON document (a variables object) is walked without recursion: a body nested 100,000 levels
// deep must be refused, not overflow the stack on the way to saying so.
import { SamflytError, notFound } from '../errors.js'

export interface DocumentLimits {
  /** Levels of nesting below the document itself (an object of scalars is 1). */
  maxDepth: number
  /** Bytes of the document as JSON (UTF-8, without whitespace). */
  maxBytes: number
}

export interface EngineLimits {
  variables: DocumentLimits
  /** Steps (element instances entered) one command may take before it stops at an incident. */
  maxSteps: number
  /** Items of a multi-instance input collection at most; more is an incident on the element. */
  maxMultiInstance: number
  deployment: DeploymentLimits
}

export interface DeploymentLimits {
  /** All resources of one deployment together, in bytes. */
  maxBytes: number
  /** Executable processes in one BPMN file. */
  maxProcesses: number
  /** Length of a process or element id. */
  maxIdLength: number
  /** Length of a process or element name. */
  maxNameLength: number
}

export const DEFAULT_LIMITS: EngineLimits = {
  variables: { maxDepth: 64, maxBytes: 1024 * 1024 },
  maxSteps: 10_000,
  maxMultiInstance: 10_000,
  deployment: { maxBytes: 8 * 1024 * 1024, maxProcesses: 100, maxIdLength: 256, maxNameLength: 2_000 },
}

/** The environment variables that set the limits, named in refusals so an operator knows what to raise. */
export const LIMIT_SETTINGS = {
  variablesMaxDepth: 'SAMFLYT_VARIABLES_MAX_DEPTH',
  variablesMaxBytes: 'SAMFLYT_VARIABLES_MAX_BYTES',
  bodyMaxDepth: 'SAMFLYT_BODY_MAX_DEPTH',
  maxSteps: 'SAMFLYT_STEPS_MAX',
  maxMultiInstance: 'SAMFLYT_MULTI_INSTANCE_MAX',
  deploymentMaxBytes: 'SAMFLYT_DEPLOYMENT_MAX_BYTES',
  deploymentMaxProcesses: 'SAMFLYT_DEPLOYMENT_MAX_PROCESSES',
  idMaxLength: 'SAMFLYT_BPMN_ID_MAX_LENGTH',
  nameMaxLength: 'SAMFLYT_BPMN_NAME_MAX_LENGTH',
} as const

export function withDefaults(limits: Partial<EngineLimits> = {}): EngineLimits {
  return {
    ...DEFAULT_LIMITS,
    ...limits,
    variables: { ...DEFAULT_LIMITS.variables, ...limits.variables },
    deployment: { ...DEFAULT_LIMITS.deployment, ...limits.deployment },
  }
}

export type ProblemKind = 'maxDepth' | 'maxBytes' | 'text' | 'number'

export interface DocumentProblem {
  /** A JSON pointer from `base` to the value at fault. */
  path: string
  message: string
  kind: ProblemKind
}

// A NUL, or half of a surrogate pair: Postgres stores neither in text or jsonb.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a string cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  const match = BAD_TEXT.exec(text)
  if (!match) return null
  const at = `at character ${match.index + 1}`
  return match[0] === '\u0000' ? `contains a NUL character (U+0000) ${at}, which text may not hold` : `contains a lone surrogate (U+${match[0].charCodeAt(0).toString(16).toUpperCase()}) ${at}, which is not valid Unicode`
}

/** A path segment as a JSON pointer writes it, shortened and with control characters shown, so a message stays readable. */
export function pointerSegment(segment: string | number): string {
  let text = String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
  if (text.length > 64) text = `${text.slice(0, 64)}…`
  return text.replace(/[\u0000-\u001f\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

interface Frame {
  value: unknown
  path: string
  depth: number
}

/**
 * The first problem of a JSON document: nested deeper than `maxDepth`, larger than `maxBytes`, or
 * holding a string (value or key) Postgres cannot store. Null when it is fine.
 */
export function inspectDocument(document: unknown, base: string, limits: Partial<DocumentLimits> = {}, settings?: { depth?: string; bytes?: string }): DocumentProblem | null {
  const maxDepth = limits.maxDepth ?? Number.POSITIVE_INFINITY
  const maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY
  let bytes = 0
  // A document built in memory may share (or cycle back to) an object: each is walked once.
  const seen = new Set<object>()
  const stack: Frame[] = [{ value: document, path: base, depth: 0 }]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'string') {
      bytes += Buffer.byteLength(value) + 2
      const problem = textProblem(value)
      if (problem) return { path, message: problem, kind: 'text' }
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON.parse reads 1e309 as Infinity, which no column (and no JSON) holds.
      return { path, message: 'is a number too large to store', kind: 'number' }
    } else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
      bytes += value === undefined ? 4 : String(value).length
    } else if (typeof value === 'object' && !seen.has(value)) {
      seen.add(value)
      if (depth + 1 > maxDepth) {
        return { path, message: `is nested more than ${maxDepth} levels deep${settings?.depth ? ` (the limit ${settings.depth})` : ''}`, kind: 'maxDepth' }
      }
      bytes += 2
      if (Array.isArray(value)) {
        bytes += Math.max(0, value.length - 1)
        for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: `${path}/${index}`, depth: depth + 1 })
      } else {
        const entries = Object.entries(value as Record<string, unknown>)
        for (let index = entries.length - 1; index >= 0; index--) {
          const [key, inner] = entries[index]!
          const child = `${path}/${pointerSegment(key)}`
          const problem = textProblem(key)
          if (problem) return { path: child, message: `has a name that ${problem}`, kind: 'text' }
          bytes += Buffer.byteLength(key) + 4
          stack.push({ value: inner, path: child, depth: depth + 1 })
        }
      }
    }
    if (bytes > maxBytes) {
      return { path: base, message: `is larger than ${maxBytes} bytes as JSON${settings?.bytes ? ` (the limit ${settings.bytes})` : ''}`, kind: 'maxBytes' }
    }
  }
  return null
}

// ---------------------------------------------------------------- refusals


/** A document problem as the error every caller gets: 400, naming the limit and the path. */
export function refusal(problem: DocumentProblem): SamflytError {
  const code = problem.kind === 'text' || problem.kind === 'number' ? 'SAMFLYT_VALIDATION' : 'SAMFLYT_LIMIT_EXCEEDED'
  return new SamflytError(code, `${problem.path} ${problem.message}`, [{ path: problem.path, message: problem.message, code: problem.kind }])
}

/** Refuses a variables document that is too deep, too large or holds text Postgres cannot store. */
export function checkVariables(variables: unknown, base: string, limits: DocumentLimits): void {
  const problem = inspectDocument(variables, base, limits, { depth: `${LIMIT_SETTINGS.variablesMaxDepth}=${limits.maxDepth}`, bytes: `${LIMIT_SETTINGS.variablesMaxBytes}=${limits.maxBytes}` })
  if (problem) throw refusal(problem)
  // An object built in memory may still not be JSON (a cycle, a bigint): refused here, before a
  // driver meets it half way through a statement.
  try {
    JSON.stringify(variables)
  } catch (error) {
    const message = `cannot be written as JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    throw new SamflytError('SAMFLYT_VALIDATION', `${base} ${message}`, [{ path: base, message, code: 'json' }])
  }
}

/** Refuses text Postgres cannot store (a name, a business key, a message). */
export function checkText(text: string | null | undefined, path: string, maxLength?: { length: number; setting: string }): void {
  if (text === null || text === undefined) return
  const problem = textProblem(text)
  if (problem) throw refusal({ path, message: problem, kind: 'text' })
  if (maxLength && text.length > maxLength.length) {
    const message = `is ${text.length} characters long; the limit is ${maxLength.length} (${maxLength.setting})`
    throw new SamflytError('SAMFLYT_LIMIT_EXCEEDED', `${path} ${message}`, [{ path, message, code: 'maxLength' }])
  }
}

/** Text from a worker or an exception, made storable: what cannot be stored becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(new RegExp(BAD_TEXT.source, 'g'), '\uFFFD')
}

const MAX_BIGINT = 9_223_372_036_854_775_807n
const MAX_INTEGER = 2_147_483_647

/** A key (bigint column) that cannot exist is not found, before any query sees it. */
export function checkKey(key: string, what: string): void {
  if (!/^[0-9]{1,19}$/.test(key) || BigInt(key) > MAX_BIGINT) throw notFound(what, key.length > 40 ? `${key.slice(0, 40)}…` : key)
}

/** Whether a number fits an integer column. */
export function fitsInteger(value: number): boolean {
  return Number.isInteger(value) && value >= -MAX_INTEGER - 1 && value <= MAX_INTEGER
}
