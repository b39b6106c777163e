// Hard limits at the API's edge, for every route at once, so that no route can forget one:
//
// - every string in the path, the query and a JSON or XML body is text Postgres can store (no NUL,
//   no lone surrogate), refused here with 400 rather than by the database with a 500;
// - a JSON body is nested at most SAMFLYT_BODY_MAX_DEPTH levels, and its `variables` document at
//   most SAMFLYT_VARIABLES_MAX_DEPTH levels and SAMFLYT_VARIABLES_MAX_BYTES bytes;
// - every number a route's schema takes has a range its column holds: an `integer` column's,
//   unless the route's schema names its own maximum (a time to live in ms); a string in the path
//   or query is at most QUERY_TEXT_MAX characters;
// - a key (a bigint column, `^[0-9]{1,19}$`) above the bigint range is a 404 in the path and a 400
//   in the query, before any query sees it.
//
// The ranges are added to the routes' schemas as they are registered (onRoute), so they are also
// in the OpenAPI document. BPMN in multipart files is checked by the engine's deploy.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SamflytError } from '../../errors.js'
import { LIMIT_SETTINGS, inspectDocument, pointerSegment, refusal, textProblem, type DocumentLimits } from '../../engine/limits.js'

export interface InputLimits {
  variables: DocumentLimits
  /** Nesting of a whole JSON body. */
  bodyMaxDepth: number
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { variables: { maxDepth: 64, maxBytes: 1024 * 1024 }, bodyMaxDepth: 80 }

const INTEGER_MAX = 2_147_483_647
/** A path or query string longer than this is no id, name or filter of ours. */
export const QUERY_TEXT_MAX = 1_000
const BIGINT_MAX = 9_223_372_036_854_775_807n
const KEY_PATTERN = '^[0-9]{1,19}$'

type Schema = Record<string, unknown>
type Where = 'params' | 'querystring' | 'body'

/** Adds the ranges a schema leaves open, in place; returns the names of its top-level key properties. */
function bound(schema: unknown, where: Where, keys: Set<string>, name?: string): void {
  if (!schema || typeof schema !== 'object') return
  const node = schema as Schema
  const types = Array.isArray(node.type) ? node.type : [node.type]
  if (types.includes('integer') || types.includes('number')) {
    if (node.maximum === undefined && node.exclusiveMaximum === undefined) node.maximum = INTEGER_MAX
    if (node.minimum === undefined && node.exclusiveMinimum === undefined) node.minimum = -INTEGER_MAX - 1
  }
  if (types.includes('string') && where !== 'body') {
    if (node.pattern === KEY_PATTERN && name) keys.add(name)
    if (node.maxLength === undefined && node.enum === undefined && node.const === undefined) node.maxLength = QUERY_TEXT_MAX
  }
  if (node.properties && typeof node.properties === 'object') {
    for (const [property, inner] of Object.entries(node.properties as Record<string, unknown>)) bound(inner, where, keys, property)
  }
  if (node.items) bound(node.items, where, keys, name)
  for (const list of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(node[list])) for (const inner of node[list] as unknown[]) bound(inner, where, keys, name)
  }
}

/** The first string of a path or query that Postgres cannot store. */
function checkStrings(values: unknown, where: 'params' | 'querystring'): void {
  if (!values || typeof values !== 'object') return
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const path = `/${where}/${pointerSegment(name)}`
    const nameProblem = textProblem(name)
    if (nameProblem) throw refusal({ path, message: `has a name that ${nameProblem}`, kind: 'text' })
    for (const item of Array.isArray(value) ? value : [value]) {
      const problem = typeof item === 'string' ? textProblem(item) : null
      if (problem) throw refusal({ path, message: problem, kind: 'text' })
    }
  }
}

function checkBody(request: FastifyRequest, limits: InputLimits): void {
  const body = request.body
  if (typeof body === 'string') {
    const problem = textProblem(body)
    if (problem) throw refusal({ path: '/body', message: problem, kind: 'text' })
    return
  }
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return
  const variables = (body as Record<string, unknown>).variables
  if (variables && typeof variables === 'object') {
    const settings = {
      depth: `${LIMIT_SETTINGS.variablesMaxDepth}=${limits.variables.maxDepth}`,
      bytes: `${LIMIT_SETTINGS.variablesMaxBytes}=${limits.variables.maxBytes}`,
    }
    const problem = inspectDocument(variables, '/body/variables', limits.variables, settings)
    if (problem) throw refusal(problem)
  }
  const problem = inspectDocument(body, '/body', { maxDepth: limits.bodyMaxDepth }, { depth: `${LIMIT_SETTINGS.bodyMaxDepth}=${limits.bodyMaxDepth}` })
  if (problem) throw refusal(problem)
}

/** A number the schema coerced from text such as 1e309: Infinity passes ajv's range keywords. */
function checkFinite(values: unknown, where: 'params' | 'querystring'): void {
  if (!values || typeof values !== 'object') return
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'number' && !Number.isFinite(item)) throw refusal({ path: `/${where}/${pointerSegment(name)}`, message: 'is a number too large to store', kind: 'number' })
    }
  }
}

/** A key above the bigint range: nothing has it (path), or the filter cannot match (query). */
function checkKeys(values: unknown, names: Set<string>, where: 'params' | 'querystring'): void {
  if (names.size === 0 || !values || typeof values !== 'object') return
  for (const name of names) {
    const value = (values as Record<string, unknown>)[name]
    if (typeof value !== 'string' || !/^[0-9]{19}$/.test(value) || BigInt(value) <= BIGINT_MAX) continue
    const message = `is above the largest key, ${BIGINT_MAX}`
    if (where === 'params') throw new SamflytError('SAMFLYT_NOT_FOUND', `Nothing has the key ${value}: it ${message}`, [{ path: `/params/${name}`, message }])
    throw new SamflytError('SAMFLYT_VALIDATION', `/querystring/${name} ${message}`, [{ path: `/querystring/${name}`, message }])
  }
}

export function registerInputLimits(app: FastifyInstance, limits: InputLimits = DEFAULT_INPUT_LIMITS): void {
  const keysByRoute = new Map<string, { params: Set<string>; querystring: Set<string> }>()

  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<Where, unknown> | undefined
    if (!schema) return
    const keys = { params: new Set<string>(), querystring: new Set<string>() }
    bound(schema.params, 'params', keys.params)
    bound(schema.querystring, 'querystring', keys.querystring)
    bound(schema.body, 'body', new Set())
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) keysByRoute.set(`${method} ${route.url}`, keys)
  })

  // After the body is parsed, before it is validated: the schemas never see what Postgres cannot hold.
  app.addHook('preValidation', async (request) => {
    checkStrings(request.params, 'params')
    checkStrings(request.query, 'querystring')
    checkBody(request, limits)
  })

  // After validation, with the values as the schema coerced them.
  app.addHook('preHandler', async (request) => {
    checkFinite(request.params, 'params')
    checkFinite(request.query, 'querystring')
    const keys = keysByRoute.get(`${request.method} ${request.routeOptions.url}`)
    if (!keys) return
    checkKeys(request.params, keys.params, 'params')
    checkKeys(request.query, keys.querystring, 'querystring')
  })
}
