// A seeded, bounded fuzz of every route in the OpenAPI document, as every role and as nobody:
// random and hostile values for every path and query parameter and every body field (NUL, lone
// surrogates, numbers beyond every column, 500 KB strings, nesting 10,000 deep, wrong types,
// broken JSON). No answer may be a 5xx, no Postgres error may reach the error handler, and after
// all of it the engine still starts and completes instances at once.
//
// SAMFLYT_FUZZ_SEED picks another seed, SAMFLYT_FUZZ_REQUESTS another budget (default 3,000);
// SAMFLYT_FUZZ_CASES=1 runs it with the KE casework started (its process, forms, rule sets, workers).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { chain, definition, endEvent, startEvent, userTask } from '../engine/helpers.js'
import { DATABASE_REFUSED_VALUE } from '../../src/api/plugins/errors.js'

const SEED = Number(process.env.SAMFLYT_FUZZ_SEED ?? 11)
const BUDGET = Number(process.env.SAMFLYT_FUZZ_REQUESTS ?? 3000)
const USERS = ['kari', 'ola', 'ingrid', 'per', 'randi', 'admin', null] as const

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(SEED)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
const chance = (p: number) => next() < p

/** JSON text that JSON.stringify cannot make: numbers beyond a double, nesting written out. */
class Raw {
  constructor(readonly text: string) {}
}
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`
const HOSTILE: unknown[] = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', 'x'.repeat(500_000), 'y'.repeat(70_000), '', ' ', '9223372036854775808', '-1', '1e309',
  '../../etc/passwd', '<x/>', "'; drop table users; --", '%00', '\u202e', '😀'.repeat(100), 'NaN',
  new Raw('1e309'), new Raw('-1e309'), new Raw('9223372036854775808'), new Raw(nested(10_000)), new Raw(`{"a":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`),
  1e308, -1, 0, 0.5, 2 ** 31, 2 ** 63, -(2 ** 53), true, null, [], {}, [[[]]], { '\u0000': 1 }, { ['k\ud800']: 'v' },
]
const HOSTILE_TEXT = ['\u0000', '%00', 'a%00b', '%ED%A0%80', '9223372036854775808', '99999999999999999999', '-1', '1e309', '1e+308', '0x10', 'x'.repeat(5000), '%F0%9F%98%80', 'null', '[]', '..', '%2e%2e%2f', 'true', '2147483648', '3000000000']

function toJson(value: unknown): string {
  const raws: string[] = []
  const text = JSON.stringify(value, (_key, inner) => {
    if (inner instanceof Raw) {
      raws.push(inner.text)
      return `__RAW_${raws.length - 1}__`
    }
    return inner
  })
  return (text ?? 'null').replace(/"__RAW_(\d+)__"/g, (_match, index) => raws[Number(index)]!)
}

type Schema = Record<string, any>

/** A value the schema would take, mostly; `known` supplies real keys and ids. */
function validFor(schema: Schema | undefined, known: Known, depth = 0): unknown {
  if (!schema || depth > 6) return null
  if (schema.const !== undefined) return schema.const
  if (Array.isArray(schema.enum)) return pick(schema.enum)
  const variants = schema.anyOf ?? schema.oneOf
  if (Array.isArray(variants)) return validFor(pick(variants), known, depth + 1)
  const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return '2026-12-01T10:00:00Z'
      if (schema.format === 'date') return '2026-12-01'
      if (schema.pattern === '^[0-9]{1,19}$') return pick(known.keys)
      return pick(['p', 'review', 'kari', 'caseworker', known.text])
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? schema.minimum : 1
    case 'boolean':
      return chance(0.5)
    case 'array':
      return chance(0.3) ? [] : [validFor(schema.items, known, depth + 1)]
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [name, inner] of Object.entries<Schema>(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(name) || chance(0.5)) out[name] = validFor(inner, known, depth + 1)
      }
      if (!schema.properties && chance(0.5)) out.amount = 5
      return out
    }
    default:
      return pick(['p', 1, true, null])
  }
}

/** The schema's value with hostile values in some fields (or all of it hostile). */
function fuzzed(schema: Schema | undefined, known: Known, depth = 0): unknown {
  if (chance(0.25) || !schema) return pick(HOSTILE)
  if (schema.type === 'object' && depth < 4) {
    const out: Record<string, unknown> = {}
    const properties = Object.entries<Schema>(schema.properties ?? { variables: {}, x: {} })
    for (const [name, inner] of properties) {
      if (chance(0.8)) out[name] = chance(0.4) ? fuzzed(inner, known, depth + 1) : validFor(inner, known, depth + 1)
    }
    if (chance(0.2)) out[pick(['extra', '\u0000', 'k\ud800', '__proto__', 'constructor'])] = pick(HOSTILE)
    return out
  }
  if (schema.type === 'array' && depth < 4) return [fuzzed(schema.items, known, depth + 1), pick(HOSTILE)]
  return chance(0.5) ? pick(HOSTILE) : validFor(schema, known, depth)
}

interface Known {
  keys: string[]
  text: string
}

interface Operation {
  method: string
  path: string
  parameters: { in: string; name: string; schema?: Schema }[]
  body: Schema | undefined
}

function operations(doc: any): Operation[] {
  const list: Operation[] = []
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      list.push({ method: method.toUpperCase(), path, parameters: operation.parameters ?? [], body: operation.requestBody?.content?.['application/json']?.schema })
    }
  }
  return list
}

function request(operation: Operation, known: Known) {
  const mode = next()
  const value = (schema: Schema | undefined) => (mode < 0.15 ? String(validFor(schema, known) ?? 'x') : chance(0.5) ? pick(HOSTILE_TEXT) : String(validFor(schema, known) ?? ''))
  let url = operation.path
  const query: string[] = []
  for (const parameter of operation.parameters) {
    const text = value(parameter.schema)
    const encoded = /%[0-9A-F]{2}/i.test(text) ? text : encodeURIComponent(text)
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encoded || '0')
    else if (parameter.in === 'query' && chance(0.7)) query.push(`${parameter.name}=${encoded}`)
  }
  if (chance(0.05)) query.push(`${pick(['x', 'limit', 'offset', '%00'])}=${pick(HOSTILE_TEXT)}`)
  if (query.length > 0) url += `?${query.join('&')}`
  let payload: string | undefined
  let contentType: string | undefined
  if (operation.body || operation.method !== 'GET') {
    const shape = next()
    contentType = 'application/json'
    if (shape < 0.08) payload = pick(['{', '{"a":', '[1,2', 'nul', '\u0000', '{"a":"\\ud800"}', '"just a string"', '12', nested(50_000)])
    else if (shape < 0.12) {
      contentType = pick(['text/plain', 'application/xml', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'])
      payload = pick(['<bpmn:definitions/>', '--x\r\nContent-Disposition: form-data; name="f"; filename="a.bpmn"\r\n\r\nabc', 'a=b&c=%00', '\u0000'])
    } else payload = toJson(mode < 0.15 ? validFor(operation.body, known) : fuzzed(operation.body, known))
  }
  return { method: operation.method, url, payload, contentType }
}

let t: TestApp
const auth = new Map<string | null, Record<string, string>>()
test.before(async () => {
  t = await testApp({}, { cases: process.env.SAMFLYT_FUZZ_CASES === '1' })
  for (const user of USERS) auth.set(user, user ? { authorization: `Bearer ${await t.tokenFor(user)}` } : {})
  const deployed = await t.app.inject({
    method: 'POST', url: '/api/deployments?name=p.bpmn', headers: { ...auth.get('per'), 'content-type': 'application/xml' },
    payload: definition(startEvent(), userTask('review'), endEvent(), chain('start', 'review', 'end')),
  })
  assert.is(deployed.statusCode, 201, deployed.body)
})
test.after(async () => {
  await t.close()
})

async function startAndComplete() {
  const t0 = Date.now()
  const started = await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.get('per'), payload: { bpmnProcessId: 'p', variables: { n: 1 } } })
  assert.is(started.statusCode, 201, started.body)
  const tasks = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${json(started).key}`, headers: auth.get('per') }))
  const completed = await t.app.inject({ method: 'POST', url: `/api/user-tasks/${tasks.items[0].key}/complete`, headers: auth.get('admin'), payload: { variables: { ok: true } } })
  assert.is(completed.statusCode, 200, completed.body)
  return { instanceKey: json(started).key as string, taskKey: tasks.items[0].key as string, ms: Date.now() - t0 }
}

test(`every route, every role, hostile input (seed ${SEED}): no 5xx, and the engine still answers`, async () => {
  const first = await startAndComplete()
  const waiting = json(await t.app.inject({ method: 'POST', url: '/api/process-instances', headers: auth.get('per'), payload: { bpmnProcessId: 'p' } }))
  const known: Known = { keys: [first.instanceKey, first.taskKey, waiting.key, '1', '0'], text: 'kari' }
  const routes = operations(t.app.swagger())
  assert.ok(routes.length >= 40, `${routes.length} routes in the OpenAPI document`)
  const perRoute = Math.max(5, Math.floor(BUDGET / routes.length))
  const statuses = new Map<number, number>()
  const failures: string[] = []
  const began = Date.now()
  let sent = 0
  for (let round = 0; round < perRoute; round++) {
    for (const operation of routes) {
      const user = pick(USERS)
      const sent_ = request(operation, known)
      const headers: Record<string, string> = { ...auth.get(user) }
      if (sent_.contentType) headers['content-type'] = sent_.contentType
      const response = await t.app.inject({ method: sent_.method as 'GET', url: sent_.url, headers, ...(sent_.payload !== undefined ? { payload: sent_.payload } : {}) })
      sent++
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      if (response.statusCode >= 500) failures.push(`${sent_.method} ${sent_.url.slice(0, 120)} as ${user}: ${response.statusCode} ${response.body.slice(0, 160)} <- ${String(sent_.payload).slice(0, 160)}`)
    }
  }
  const classes: Record<string, number> = {}
  for (const [status, count] of statuses) classes[`${String(status)[0]}xx`] = (classes[`${String(status)[0]}xx`] ?? 0) + count
  const detail = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${status}: ${count}`).join(', ')
  console.log(`fuzz seed ${SEED}: ${sent} requests over ${routes.length} routes in ${Date.now() - began} ms; ${JSON.stringify(classes)} (${detail})`)
  assert.is(failures.length, 0, `${failures.length} answers were 5xx:\n${failures.slice(0, 10).join('\n')}`)
  const refusedByDatabase = t.logs().split('\n').filter((line) => line.includes(DATABASE_REFUSED_VALUE))
  assert.is(refusedByDatabase.length, 0, `the database, not the edge, refused:\n${refusedByDatabase.slice(0, 5).map((line) => line.slice(0, 2500)).join('\n')}`)

  // And after all of it, the engine starts and completes at once, and is ready.
  for (let i = 0; i < 3; i++) {
    const { ms } = await startAndComplete()
    assert.ok(ms < 1000, `start and completion took ${ms} ms`)
  }
  assert.is((await t.app.inject({ url: '/ready' })).statusCode, 200)
})

test.run()
