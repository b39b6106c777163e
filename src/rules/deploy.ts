// Deploying rule sets, like BPMN: validated before anything is written, versioned per id in one
// transaction, and a redeploy of the same rule set is the existing version. "The same" means
// the same canonical JSON (keys sorted, no whitespace): a file re-indented or with its keys
// reordered is not a new version; a changed rule, reason or threshold is.
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { transaction, type Sql } from '../db/connect.js'
import { SamflytError, type ErrorDetail } from '../errors.js'
import { loadRuleSets } from './load.js'
import { RuleSetError, validateRuleSet, type RuleSet } from './rule-set.js'
import { insertRuleSetVersion, latestRuleSetVersion, type RuleSetVersionRow } from './store.js'

/** The rule sets Samflyt ships (rules/), deployed at start-up. */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url))

const DEPLOY_LOCK_ID = 7_242_019_004

export interface DeployedRuleSet {
  row: RuleSetVersionRow
  /** False when the same rule set was already the latest version, and this is it. */
  isNew: boolean
}

/** JSON with every object's keys sorted and no whitespace: equal for equal rule sets. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    return `{${entries.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export const ruleSetChecksum = (ruleSet: RuleSet): string => createHash('sha256').update(canonicalJson(ruleSet)).digest('hex')

/**
 * Validates a rule set as sent. A refusal names every problem; a problem inside a rule also
 * names the rule, so a process owner finds it by the name they gave it.
 */
export function validateForDeploy(json: unknown): RuleSet {
  try {
    return validateRuleSet(json)
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error
    const rules = (json as { rules?: unknown }).rules
    const details: ErrorDetail[] = error.details.map((detail) => {
      const index = /^rules\[(\d+)\]/.exec(detail.path)?.[1]
      const name = index !== undefined && Array.isArray(rules) ? (rules[Number(index)] as { name?: unknown } | undefined)?.name : undefined
      return typeof name === 'string' && name !== '' ? { path: detail.path, message: `rule "${name}": ${detail.message}` } : detail
    })
    throw new RuleSetError(`The rule set was refused; nothing was deployed. ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details)
  }
}

async function deployOne(tx: Sql, ruleSet: RuleSet, content: string, actor: string | null): Promise<DeployedRuleSet> {
  const checksum = ruleSetChecksum(ruleSet)
  const latest = await latestRuleSetVersion(tx, ruleSet.id)
  if (latest?.checksum === checksum) return { row: latest, isNew: false }
  if (latest && ruleSet.version <= latest.declaredVersion) {
    // Decisions and letters quote the file's version: two different rule sets must never share one.
    throw new SamflytError('SAMFLYT_CONFLICT', `Rule set ${ruleSet.id} has changed, but declares version ${ruleSet.version}, and deployed version ${latest.version} already declares ${latest.declaredVersion}: raise "version" above ${latest.declaredVersion}`, [
      { path: 'version', message: `must be more than ${latest.declaredVersion}, the version deployed now` },
    ])
  }
  const row = await insertRuleSetVersion(tx, {
    ruleSetId: ruleSet.id,
    version: (latest?.version ?? 0) + 1,
    declaredVersion: ruleSet.version,
    subject: ruleSet.subject,
    description: ruleSet.description,
    checksum,
    content,
    deployedBy: actor,
  })
  return { row, isNew: true }
}

/** Deploys rule sets all or nothing (each given as its JSON value). */
export async function deployRuleSets(sql: Sql, jsons: unknown[], actor: string | null): Promise<DeployedRuleSet[]> {
  const validated = jsons.map((json) => ({ ruleSet: validateForDeploy(json), content: `${JSON.stringify(json, null, 2)}\n` }))
  const ids = validated.map(({ ruleSet }) => ruleSet.id)
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice) throw new SamflytError('SAMFLYT_VALIDATION', `Rule set ${twice} is in the deployment twice`)
  return transaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(${DEPLOY_LOCK_ID})`
    const deployed: DeployedRuleSet[] = []
    for (const { ruleSet, content } of validated) deployed.push(await deployOne(tx, ruleSet, content, actor))
    return deployed
  })
}

export async function deployRuleSet(sql: Sql, json: unknown, actor: string | null): Promise<DeployedRuleSet> {
  const [deployed] = await deployRuleSets(sql, [json], actor)
  return deployed!
}

/**
 * Deploys the shipped rule sets (at start-up): one broken file refuses them all, and an
 * unchanged file is no new version, so starting again and again deploys nothing new.
 */
export async function deployShippedRuleSets(sql: Sql, dir: string = SHIPPED_RULES_DIR, actor = 'samflyt'): Promise<DeployedRuleSet[]> {
  const ruleSets = await loadRuleSets(dir)
  return deployRuleSets(sql, [...ruleSets.values()], actor)
}
