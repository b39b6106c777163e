// The rules layer at start-up: the shipped rule sets deployed (an unchanged file is no new
// version), then a worker for every deployed rule set.
import type { Logger } from 'pino'
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import { deployShippedRuleSets, SHIPPED_RULES_DIR } from './deploy.js'
import { registerRuleWorkers, type RuleWorkers } from './worker.js'

export async function startRules(engine: Engine, sql: Sql, logger?: Logger, dir: string = SHIPPED_RULES_DIR): Promise<RuleWorkers> {
  const deployed = await deployShippedRuleSets(sql, dir)
  const fresh = deployed.filter((d) => d.isNew).map((d) => `${d.row.ruleSetId}:${d.row.version}`)
  if (fresh.length) logger?.info({ ruleSets: fresh }, 'rule sets deployed')
  return registerRuleWorkers(engine, sql)
}
