// The canonical JSON form every audit hash is computed over, so that a hash depends only on the
// values, never on how a database or a library happens to print them. It follows RFC 8785 (JSON
// Canonicalization Scheme):
//   - object members sorted by key, comparing the keys' UTF-16 code units; no whitespace;
//   - strings as JSON.stringify writes them (only ", \ and control characters escaped, as \b \t \n
//     \f \r or \u00XX in lower case; everything else, non-ASCII included, as itself);
//   - numbers as ECMAScript prints them (JSON.stringify's shortest round-trip form; -0 as 0);
//     NaN and the infinities are refused, as JSON has no such values;
//   - before that, a value is reduced to JSON as JSON.stringify would: toJSON() is called (a Date
//     becomes its ISO string), members whose value is undefined, a function or a symbol are left
//     out, and in arrays they become null.
// Postgres's jsonb keeps exactly these values (it reorders keys and reprints numbers, but a
// number JSON.stringify printed reads back as the same number), so a row read back canonicalises
// to the text that was hashed when it was written.

export class CanonicalJsonError extends Error {}

export function canonicalJson(value: unknown): string {
  const text = write(value, '', new Set())
  if (text === undefined) throw new CanonicalJsonError('a value that JSON cannot hold (undefined, a function or a symbol) has no canonical form')
  return text
}

function write(value: unknown, key: string, within: Set<object>): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key)
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`)
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      throw new CanonicalJsonError('a bigint has no JSON form; write it as a string')
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
  }
  if (value === null) return 'null'
  // A value inside itself (a cycle) has no JSON form; JSON.stringify says "circular" too.
  if (within.has(value as object)) throw new CanonicalJsonError('a circular structure has no JSON form')
  within.add(value as object)
  try {
    return writeContainer(value as object, within)
  } finally {
    within.delete(value as object)
  }
}

function writeContainer(value: object, within: Set<object>): string {
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i], String(i), within) ?? 'null')
    return out + ']'
  }
  const object = value as Record<string, unknown>
  // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 asks.
  const keys = Object.keys(object)
  if (keys.length > 1) keys.sort()
  let out = '{'
  let first = true
  for (const name of keys) {
    const member = write(object[name], name, within)
    if (member === undefined) continue
    out += (first ? '' : ',') + keyText(name) + ':' + member
    first = false
  }
  return out + '}'
}

// Member names repeat (variables, type, elementId ...): their JSON text is kept, up to a bound.
const KEYS = new Map<string, string>()
function keyText(name: string): string {
  let text = KEYS.get(name)
  if (text === undefined) {
    text = JSON.stringify(name)
    if (KEYS.size < 10_000) KEYS.set(name, text)
  }
  return text
}
