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
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical.js'

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

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

export function historyHash(prev: string | null, frame: HistoryFrame, dataDigest: string): string {
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
