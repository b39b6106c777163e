// The hashes of the audit chains. Every hash is the hex SHA-256 of a canonical JSON text
// (canonical.ts), so anyone can recompute one from the rows with any JSON library that
// implements RFC 8785:
//
//   history row   dataHash = H(canonical(data))
//                 hash     = H(canonical({ chain: "history", prev, row: { instanceKey, seq, type,
//                                 elementId, elementInstanceId, actor, at, dataHash } }))
//   access row    hash     = H(canonical({ chain: "access", prev, row: { caseId, seq, username,
//                                 roles, purpose, fullIdentity, at } }))
//   seal          sealHash = H(canonical({ chain: "seal", prev, seal: { chain, chainKey, seq, hash, sealedAt } }))
//
// `prev` is the hash of the row (or seal) before, null for the first; keys are decimal strings;
// `at` and `sealedAt` are ISO 8601 in UTC with milliseconds. A history row's data is hashed on
// its own so that the retention job can remove it and record its hash (audit_removals): the
// chain then still verifies over what remains.
import * as crypto from 'node:crypto'
import { canonicalJson } from './canonical.js'

// crypto.hash (Node 20.12+) hashes a short string in one call, a few times faster than createHash.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash
export const sha256 = oneShot
  ? (text: string): string => oneShot('sha256', text, 'hex')
  : (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

export interface HistoryFrame {
  instanceKey: string
  seq: number
  type: string
  elementId: string | null
  elementInstanceId: number | null
  actor: string | null
  at: Date | string
}

export const dataHash = (data: unknown): string => sha256(canonicalJson(data))

/**
 * The history row's hash. Every engine history row goes through here, so its canonical text is
 * written out directly, members already in canonical order; it is exactly
 * canonicalJson({ chain: 'history', prev, row: { ...frame, dataHash } }) (test/audit/chain.test.ts).
 */
export function historyHash(prev: string | null, frame: HistoryFrame, dataDigest: string): string {
  const { instanceKey, seq, type, elementId, elementInstanceId, actor } = frame
  const at = typeof frame.at === 'string' ? frame.at : frame.at.toISOString()
  return sha256(
    `{"chain":"history","prev":${text(prev)},"row":{"actor":${text(actor)},"at":${JSON.stringify(at)},"dataHash":${text(dataDigest)},` +
    `"elementId":${text(elementId)},"elementInstanceId":${elementInstanceId === null ? 'null' : JSON.stringify(elementInstanceId)},` +
    `"instanceKey":${text(instanceKey)},"seq":${JSON.stringify(seq)},"type":${text(type)}}}`,
  )
}

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value))

/** The same hash by the general route, for checking the fast one. */
export function historyHashCanonical(prev: string | null, frame: HistoryFrame, dataDigest: string): string {
  const { instanceKey, seq, type, elementId, elementInstanceId, actor, at } = frame
  return sha256(canonicalJson({ chain: 'history', prev, row: { instanceKey, seq, type, elementId, elementInstanceId, actor, at, dataHash: dataDigest } }))
}

export interface AccessFrame {
  caseId: string
  seq: number
  username: string
  roles: string[]
  purpose: string
  fullIdentity: boolean
  at: Date | string
}

export function accessHash(prev: string | null, row: AccessFrame): string {
  const { caseId, seq, username, roles, purpose, fullIdentity, at } = row
  return sha256(canonicalJson({ chain: 'access', prev, row: { caseId, seq, username, roles, purpose, fullIdentity, at } }))
}

export interface SealFrame {
  chain: 'history' | 'access'
  chainKey: string
  seq: number
  hash: string
  sealedAt: Date | string
}

export function sealHash(prev: string | null, seal: SealFrame): string {
  const { chain, chainKey, seq, hash, sealedAt } = seal
  return sha256(canonicalJson({ chain: 'seal', prev, seal: { chain, chainKey, seq, hash, sealedAt } }))
}
