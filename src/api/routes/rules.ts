// Rule sets: deploying and reading them, what-if evaluations, and the decisions recorded in cases.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { ANY_ROLE, principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { SamflytError, notFound } from '../../errors.js'
import { deployRuleSet } from '../../rules/deploy.js'
import { listDecisions, type DecisionRow } from '../../rules/decisions.js'
import { resultVariableName, ruleResult } from '../../rules/result.js'
import { evaluateDeployed } from '../../rules/run.js'
import { latestRuleSetVersion, listRuleSetVersions, ruleSetVersion, type RuleSetVersionRow } from '../../rules/store.js'
import { ruleWorkersOf } from '../../rules/worker.js'
import { recordCaseReads } from '../../cases/access-log.js'
import { caseIdByReference, casesOfDecisions, getCase } from '../../cases/cases.js'
import { checkCaseAccess } from '../../cases/case-access.js'
import { casesOfInstances } from '../../cases/case-access-instances.js'

const DEPLOYERS = ['process-owner', 'admin'] as const
// What-if checks are part of assessing a case and of checking one afterwards; coordinators and
// administrators (accounts, registers) do neither.
const EVALUATORS = ['caseworker', 'intake-group', 'process-owner', 'auditor'] as const
// Recorded decisions are case data.
const DECISION_READERS = ['auditor', 'caseworker'] as const

const RuleSetId = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100, description: 'The rule set id, kebab-case' })
const Json = Type.Record(Type.String(), Type.Unknown())

const RuleSetVersion = Type.Object({
  ruleSetId: Type.String(),
  version: Type.Integer({ description: 'Deployed version: 1, 2, 3 ... per rule set' }),
  declaredVersion: Type.Integer({ description: 'The "version" the file itself declares' }),
  subject: Type.String({ description: '"case", or "candidate" for coordinator suggestions' }),
  description: Type.String(),
  checksum: Type.String({ description: 'sha256 of the canonical JSON (keys sorted, no whitespace)' }),
  deployedAt: Type.String({ format: 'date-time' }),
  deployedBy: Type.Union([Type.String(), Type.Null()]),
})

const Reason = Type.Object({
  rule: Type.String(),
  reason: Type.String({ description: 'Bokmål, worded so a decision letter can quote it' }),
  reasonNn: Type.String({ description: 'The same in nynorsk' }),
  law: Type.Union([Type.String(), Type.Null()]),
  candidateId: Type.Optional(Type.String()),
  points: Type.Optional(Type.Number()),
})

const Decision = Type.Object({
  id: Type.String(),
  ruleSetId: Type.String(),
  version: Type.Integer(),
  declaredVersion: Type.Integer(),
  facts: Type.Unknown({ description: 'The facts the rules read and what they were derived from; identity numbers masked' }),
  events: Type.Array(Type.Unknown()),
  reasons: Type.Array(Reason),
  processInstanceKey: Type.Union([Type.String(), Type.Null()]),
  elementId: Type.Union([Type.String(), Type.Null()]),
  caseReference: Type.Union([Type.String(), Type.Null()]),
  evaluatedAt: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.String(), Type.Null()]),
})

function present(row: RuleSetVersionRow) {
  const { key: _key, content: _content, deployedAt, ...rest } = row
  return { ...rest, deployedAt: deployedAt.toISOString() }
}

function presentDecision(row: DecisionRow) {
  const { jobKey: _job, evaluatedAt, ...rest } = row
  return { ...rest, evaluatedAt: evaluatedAt.toISOString() }
}

export async function ruleRoutes(app: App) {
  app.post('/api/rule-sets', {
    config: { roles: DEPLOYERS },
    schema: {
      tags: ['rules'],
      summary: 'Deploy a rule set (the JSON of a rules/*.json file)',
      description:
        'Versioned per id: a new version when the rule set changed (its own "version" must then be raised), the existing version (200, isNew false) when it is the same rule set, byte for byte or after sorting keys and dropping whitespace. An invalid rule set gets 400 SAMFLYT_INVALID_DEFINITION with a detail per problem naming the rule and the field; nothing is stored.',
      body: Json,
      response: { 200: Type.Object({ ...RuleSetVersion.properties, isNew: Type.Boolean() }), 201: Type.Object({ ...RuleSetVersion.properties, isNew: Type.Boolean() }), ...errorResponses(400, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const { row, isNew } = await deployRuleSet(app.db.sql, request.body, principalOf(request).username)
    ruleWorkersOf(app.engine)?.ensure(row.ruleSetId)
    if (isNew) request.log.info({ ruleSet: `${row.ruleSetId}:${row.version}` }, 'rule set deployed')
    return reply.status(isNew ? 201 : 200).send({ ...present(row), isNew })
  })

  app.get('/api/rule-sets', {
    config: { roles: ANY_ROLE },
    schema: {
      tags: ['rules'],
      summary: 'Deployed rule sets: the latest version of each, and all its versions (newest first)',
      response: { 200: Type.Array(Type.Object({ id: Type.String(), latest: RuleSetVersion, versions: Type.Array(RuleSetVersion) })) },
    },
  }, async () => {
    const byId = new Map<string, RuleSetVersionRow[]>()
    for (const row of await listRuleSetVersions(app.db.sql)) byId.set(row.ruleSetId, [...(byId.get(row.ruleSetId) ?? []), row])
    return [...byId].map(([id, rows]) => ({ id, latest: present(rows[0]!), versions: rows.map(present) }))
  })

  app.get('/api/rule-sets/:id', {
    config: { roles: ANY_ROLE },
    schema: {
      tags: ['rules'],
      summary: 'One rule set with its rules: the latest version, or ?version=',
      params: Type.Object({ id: RuleSetId }),
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: Type.Object({ ...RuleSetVersion.properties, content: Json }), ...errorResponses(404) },
    },
  }, async (request) => {
    const { id } = request.params
    const { version } = request.query
    const row = version ? await ruleSetVersion(app.db.sql, id, version) : await latestRuleSetVersion(app.db.sql, id)
    if (!row) throw notFound('Rule set', version ? `${id} version ${version}` : id)
    return { ...present(row), content: JSON.parse(row.content) as Record<string, unknown> }
  })

  app.post('/api/rule-sets/:id/evaluate', {
    config: { roles: EVALUATORS },
    schema: {
      tags: ['rules'],
      summary: 'What if: evaluate a rule set on the facts given, without recording anything',
      description:
        'A what-if check: the answer is NOT recorded as a decision in any case (decisions are recorded when a process evaluates a rule set in a business-rule task). Evaluates the latest version unless `version` is given. `facts` are case facts (see src/rules/facts.ts); candidate rule sets (coordinator-suggestion) also take `candidates` from the coordinator register. `result` is what a business-rule task would leave in the process variable `resultVariable`.',
      params: Type.Object({ id: RuleSetId }),
      body: Type.Object({
        facts: Json,
        candidates: Type.Optional(Type.Array(Json)),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          ruleSetId: Type.String(),
          version: Type.Integer(),
          declaredVersion: Type.Integer(),
          recorded: Type.Literal(false, { description: 'Always false: what-if checks are not case decisions' }),
          events: Type.Array(Type.Unknown()),
          reasons: Type.Array(Reason),
          facts: Type.Unknown({ description: 'The facts the rules read and what they were derived from' }),
          resultVariable: Type.String(),
          result: Json,
        }),
        ...errorResponses(400, 404),
      },
    },
  }, async (request) => {
    const { id } = request.params
    const { facts, candidates, version } = request.body
    const row = version ? await ruleSetVersion(app.db.sql, id, version) : await latestRuleSetVersion(app.db.sql, id)
    if (!row) throw notFound('Rule set', version ? `${id} version ${version}` : id)
    let evaluation
    try {
      evaluation = await evaluateDeployed(row, candidates === undefined ? { facts } : { facts, candidates }, app.engine.clock())
    } catch (error) {
      if (error instanceof SamflytError && error.code === 'SAMFLYT_VALIDATION') {
        // Point into the request body; the details name facts, never their values.
        const details = error.details.map((d) => ({ path: d.path.startsWith('candidates') ? `/body/${d.path}` : `/body/facts/${d.path}`, message: d.message }))
        throw new SamflytError('SAMFLYT_VALIDATION', `The facts are not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details)
      }
      throw error
    }
    return {
      ruleSetId: evaluation.ruleSetId,
      version: evaluation.version,
      declaredVersion: evaluation.declaredVersion,
      recorded: false as const,
      events: evaluation.events,
      reasons: evaluation.reasons,
      facts: evaluation.facts,
      resultVariable: resultVariableName(id),
      result: ruleResult(evaluation, null),
    }
  })

  app.get('/api/decisions', {
    config: { roles: DECISION_READERS },
    schema: {
      tags: ['rules'],
      summary: 'Decisions recorded in a process instance or a case, in the order they were made',
      description: 'Give processInstanceKey or caseReference (or both). caseReference is the case\'s reference as its letters print it (KE-2026-00008); a case id (digits) is taken too, and a reference no case has is matched as the process recorded it.',
      querystring: Type.Object({
        processInstanceKey: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
        caseReference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The case reference (KE-2026-00008), or the case id' })),
        ruleSetId: Type.Optional(RuleSetId),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      }),
      response: { 200: Type.Array(Decision), ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const { limit = 100, offset = 0, ...filter } = request.query
    if (filter.processInstanceKey === undefined && filter.caseReference === undefined) {
      throw new SamflytError('SAMFLYT_VALIDATION', 'Say whose decisions: give processInstanceKey or caseReference', [
        { path: '/querystring/processInstanceKey', message: 'required unless caseReference is given' },
      ])
    }
    if (filter.caseReference !== undefined && !/^[0-9]+$/.test(filter.caseReference)) {
      // Decisions record the case by its id (the process's caseId); the reference names the same case.
      // A reference no case has is matched as recorded (a process outside the KE may record its own).
      const id = await caseIdByReference(app.db.sql, filter.caseReference)
      if (id) filter.caseReference = id
    }
    const decisions = await listDecisions(app.db.sql, { ...filter, limit, offset })
    // A case's decisions are case data (facts, reasons): only those who may read the case may
    // read them (a caseworker of another unit gets 404, as for the case), and reading them is a
    // read of the case.
    const principal = principalOf(request)
    // An instance a KE instance called belongs to the KE instance's case (src/cases/case-access-instances.ts).
    const byInstance = await casesOfInstances(app.db.sql, decisions.flatMap((d) => (d.processInstanceKey ? [d.processInstanceKey] : [])))
    const caseIds = [...new Set([...(await casesOfDecisions(app.db.sql, decisions)), ...[...byInstance.values()].flat()])]
    for (const id of caseIds) {
      const row = await getCase(app.db.sql, id)
      if (row) await checkCaseAccess(app.db.sql, principal, row)
    }
    await recordCaseReads(app.db.sql, caseIds, { principal, purpose: 'GET /api/decisions' })
    return decisions.map(presentDecision)
  })
}
