// Loading the shipped rule sets from rules/: every *.json file is read and validated, and the
// file name must be the rule set's id. One broken file refuses them all, with every problem
// of every file named, so a bad deploy fails at start-up and never half-loads.

import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ErrorDetail } from '../errors.js'
import { RuleSetError, validateRuleSet, type RuleSet } from './rule-set.js'

export const RULES_DIR = 'rules/'

/** Reads and validates one rule-set file; problems' paths start with the file name. */
export async function loadRuleSet(file: string): Promise<RuleSet> {
  const name = basename(file)
  const fail = (details: ErrorDetail[]) =>
    new RuleSetError(`${name}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details.map((d) => ({ path: `${name}:${d.path}`, message: d.message })))

  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw fail([{ path: '(file)', message: error instanceof SyntaxError ? `not valid JSON: ${error.message}` : String(error) }])
  }
  let ruleSet: RuleSet
  try {
    ruleSet = validateRuleSet(json)
  } catch (error) {
    if (error instanceof RuleSetError) throw fail(error.details)
    throw error
  }
  if (`${ruleSet.id}.json` !== name) throw fail([{ path: 'id', message: `"${ruleSet.id}" must match the file name (${ruleSet.id}.json)` }])
  return ruleSet
}

/** Every rule set in `dir`, by id. */
export async function loadRuleSets(dir: string = RULES_DIR): Promise<Map<string, RuleSet>> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort()
  const ruleSets = new Map<string, RuleSet>()
  const problems: ErrorDetail[] = []
  for (const file of files) {
    try {
      const ruleSet = await loadRuleSet(join(dir, file))
      ruleSets.set(ruleSet.id, ruleSet)
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error
      problems.push(...error.details)
    }
  }
  if (problems.length) {
    const broken = [...new Set(problems.map((p) => p.path.split(':')[0]))].join(', ')
    throw new RuleSetError(`Rule sets refused (${broken}): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
  }
  return ruleSets
}
