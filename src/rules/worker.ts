// The rules layer as a job worker: a business-rule task with `<zeebe:taskDefinition
// type="rules:<rule set id>"/>` is evaluated here on the latest deployed version of that rule
// set, the decision is recorded, and the job completes with the result variable (result.ts).
//
// Which variables are read:
//   facts        when the job has an object variable `facts` (e.g. from an input mapping
//                `<zeebe:input source="=caseFacts" target="facts"/>`), that object is the case
//                facts, all of them checked against the vocabulary (facts.ts)
//   otherwise    the variables whose names are registrable case facts (services,
//                mentalHealthNeeds, identityNumber, complex, ...; see facts.ts); other
//                variables are ignored, and a null one counts as not registered
//   candidates   candidate rule sets (coordinator-suggestion): the coordinators to rank
//   caseId       when present, recorded as the decision's case reference
//
// Outcomes: facts that break the vocabulary fail the job with no retries (an incident naming
// each fact: retrying cannot change them); a rule set that is not deployed fails it with the
// usual retries, so deploying it in the meantime lets the job through.
//
// Job types differ per rule set, so there is one worker per rule set id: for every deployed id
// at start-up, for every id deployed later (deploy.ts's callers call `ensure`), and for any
// `rules:` job created while we run, so a job naming an undeployed rule set fails loudly
// instead of waiting for a worker that never comes.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { ActivatedJob, JobOutcome } from '../engine/executor/jobs.js'
import type { JsonValue } from '../engine/types.js'
import { SamflytError } from '../errors.js'
import { recordDecision } from './decisions.js'
import { CASE_FACTS } from './facts.js'
import { resultVariableName, ruleResult } from './result.js'
import { evaluateDeployed, type EvaluationInput } from './run.js'
import { deployedRuleSetIds, latestRuleSetVersion } from './store.js'

export const RULES_TASK_PREFIX = 'rules:'

/** The case facts a process may carry as variables of their own (not the derived ones). */
const REGISTRABLE_FACTS = Object.entries(CASE_FACTS).filter(([, d]) => d.source !== 'derived').map(([name]) => name)

export interface RuleWorkers {
  /** The rule set ids served in this process. */
  readonly ruleSetIds: ReadonlySet<string>
  /** Makes sure rule set `ruleSetId` has a worker here (after a deploy). */
  ensure(ruleSetId: string): void
}

const registries = new WeakMap<Engine, RuleWorkers>()

/** The rule workers registered on this engine, if any. */
export const ruleWorkersOf = (engine: Engine): RuleWorkers | undefined => registries.get(engine)

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What a rule set is evaluated on, from a job's variables (see the top of this file). */
export function inputFromVariables(variables: Readonly<Record<string, unknown>>): EvaluationInput {
  let facts: Record<string, unknown>
  if (isObject(variables.facts)) facts = variables.facts
  else {
    facts = {}
    for (const name of REGISTRABLE_FACTS) if (variables[name] !== undefined && variables[name] !== null) facts[name] = variables[name]
  }
  return variables.candidates === undefined ? { facts } : { facts, candidates: variables.candidates }
}

function caseReferenceOf(variables: Readonly<Record<string, unknown>>): string | null {
  const id = variables.caseId
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

export function ruleSetJobHandler(engine: Engine, sql: Sql, ruleSetId: string) {
  return async (job: ActivatedJob): Promise<JobOutcome> => {
    const row = await latestRuleSetVersion(sql, ruleSetId)
    if (!row) {
      return job.fail(`Rule set "${ruleSetId}" is not deployed: deploy it (POST /api/rule-sets, or rules/${ruleSetId}.json at start-up), then retry the job or resolve the incident`)
    }
    const now = engine.clock()
    let evaluation
    try {
      evaluation = await evaluateDeployed(row, inputFromVariables(job.variables), now)
    } catch (error) {
      if (!(error instanceof SamflytError) || error.code !== 'SAMFLYT_VALIDATION') throw error
      // Details name facts and say what is wrong with them; they never quote a value.
      const problems = error.details.map((d) => `${d.path}: ${d.message}`).join('; ')
      return job.fail(`Rule set ${ruleSetId} (version ${row.version}) cannot be evaluated on this instance's facts: ${problems || error.message}`, { retries: 0 })
    }
    // Recorded before the job completes: a decision is a fact about an evaluation. If completing
    // fails and the job runs again (after its lease ran out, say), the decision of the first run
    // is found instead of a second one written, and the process goes on with what it says.
    const decision = await recordDecision(sql, evaluation, {
      processInstanceKey: job.instanceKey,
      elementId: job.elementId,
      jobKey: job.key,
      caseReference: caseReferenceOf(job.variables),
      actor: `${engine.processName}/${job.type}`,
      evaluatedAt: now,
    })
    const recorded = decision.created ? evaluation : { ...evaluation, events: decision.events as typeof evaluation.events, reasons: decision.reasons }
    const name = job.customHeaders.resultVariable || resultVariableName(ruleSetId)
    // JSON all the way down: facts and reasons came from JSON.
    return job.complete({ [name]: ruleResult(recorded, decision.id) as JsonValue })
  }
}

/**
 * Registers a worker for every deployed rule set, and from then on for every `rules:<id>` job
 * type that turns up. Workers stop with the engine.
 */
export async function registerRuleWorkers(engine: Engine, sql: Sql): Promise<RuleWorkers> {
  // Called again (after more rule sets were deployed, say), it only adds their workers.
  const existing = registries.get(engine)
  if (existing) {
    for (const id of await deployedRuleSetIds(sql)) existing.ensure(id)
    return existing
  }
  const ruleSetIds = new Set<string>()
  const workers: RuleWorkers = {
    ruleSetIds,
    ensure(ruleSetId) {
      if (ruleSetIds.has(ruleSetId)) return
      ruleSetIds.add(ruleSetId)
      engine.worker(`${RULES_TASK_PREFIX}${ruleSetId}`, ruleSetJobHandler(engine, sql, ruleSetId))
    },
  }
  registries.set(engine, workers)
  // On a server, jobs created by other Samflyt processes reach us by NOTIFY too.
  void engine.wakeups.listen(engine.sql).catch(() => {})
  engine.wakeups.on((type) => {
    if (type.startsWith(RULES_TASK_PREFIX)) workers.ensure(type.slice(RULES_TASK_PREFIX.length))
  })
  for (const id of await deployedRuleSetIds(sql)) workers.ensure(id)
  return workers
}
