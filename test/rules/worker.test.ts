// Business-rule tasks `rules:<id>` run through the rule workers on a real database: the decision
// is recorded with the instance and element, and gateways branch on the result variable.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testEngine, eventually, type TestEngine } from '../helpers/engine.js'
import { definition, startEvent, endEvent, userTask, gateway, flow, chain } from '../engine/helpers.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { listIncidents } from '../../src/engine/store/incidents.js'
import { deployRuleSet, deployShippedRuleSets } from '../../src/rules/deploy.js'
import { listDecisions } from '../../src/rules/decisions.js'
import { registerRuleWorkers, ruleSetJobHandler, ruleWorkersOf } from '../../src/rules/worker.js'
import { makeIdentityNumber } from './fixtures/identity-numbers.js'
import { RULES_DIR, shipped } from './fixtures/shipped.js'

const ruleTask = (id: string, type: string, extra = '') =>
  `<bpmn:businessRuleTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"${extra}/></bpmn:extensionElements></bpmn:businessRuleTask>`

/** Assess, then complex cases to the intake group and the rest to the caseworker. */
const ASSESSMENT = definition(
  startEvent(),
  ruleTask('assess', 'rules:complexity'),
  gateway('exclusive', 'route', 'to-caseworker'),
  userTask('intake-group-review'),
  userTask('caseworker-assessment'),
  endEvent(),
  chain('start', 'assess', 'route'),
  flow('route', 'intake-group-review', '=complexityResult.complex', 'to-intake-group'),
  flow('route', 'caseworker-assessment', undefined, 'to-caseworker'),
  flow('intake-group-review', 'end'),
  flow('caseworker-assessment', 'end'),
).replace('id="p"', 'id="assessment"')

const singleTask = (processId: string, type: string, extra = '') =>
  definition(startEvent(), ruleTask('evaluate', type, extra), endEvent(), chain('start', 'evaluate', 'end')).replace('id="p"', `id="${processId}"`)

let t: TestEngine
const first: unknown[] = []
test.before(async () => {
  t = await testEngine()
  await deployShippedRuleSets(t.db.sql, RULES_DIR)
  await registerRuleWorkers(t.engine, t.db.sql)
  await t.engine.deploy([
    { name: 'assessment.bpmn', xml: ASSESSMENT },
    { name: 'suggest.bpmn', xml: singleTask('suggest', 'rules:coordinator-suggestion') },
    { name: 'unknown.bpmn', xml: singleTask('unknown', 'rules:not-yet-written', ' retries="1"') },
    { name: 'twice.bpmn', xml: singleTask('twice', 'rerun:complexity') },
  ], 'per')
  // A job whose lease ran out after its decision was recorded runs again: here the real
  // handler runs twice for the same job, as the executor would after a crash.
  const handler = ruleSetJobHandler(t.engine, t.db.sql, 'complexity')
  t.engine.worker('rerun:complexity', async (job) => {
    first.push(await handler(job))
    return handler(job)
  })
})
test.after(async () => {
  await t.close()
})

const openTasks = async (instanceKey: string) =>
  (await t.db.sql<{ elementId: string }[]>`select element_id as "elementId" from user_tasks where instance_key = ${instanceKey} and state = 'created'`).map((r) => r.elementId)
const waitForTask = (instanceKey: string) => eventually(async () => (await openTasks(instanceKey))[0])
const variables = async (instanceKey: string) => (await getInstance(t.db.sql, instanceKey))!.state.variables as Record<string, any>
const activeIncidents = (instanceKey: string) => listIncidents(t.db.sql, { instanceKey, state: 'active', limit: 10, offset: 0 })

const TWO_SECTORS = [
  { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten' },
  { name: 'Arbeidsavklaringspenger', sector: 'nav', provider: 'NAV Sentrum' },
]

test('a complex case: the worker evaluates, records the decision with the instance and element, and the gateway sends it to the intake group', async () => {
  const { key } = await t.engine.startInstance({ processId: 'assessment', variables: { caseId: 'SAK-2025-0001', services: TWO_SECTORS, responsibilityDisputed: true, note: 'not a fact' } }, 'kari')
  assert.is(await waitForTask(key), 'intake-group-review')

  const [decision, ...more] = await listDecisions(t.db.sql, { processInstanceKey: key, limit: 10, offset: 0 })
  assert.is(more.length, 0)
  const complexity = await shipped('complexity')
  assert.equal([decision!.ruleSetId, decision!.version, decision!.declaredVersion], ['complexity', 1, complexity.version])
  assert.equal([decision!.processInstanceKey, decision!.elementId, decision!.caseReference], [key, 'assess', 'SAK-2025-0001'])
  assert.match(decision!.actor!, /\/rules:complexity$/)
  assert.equal(decision!.reasons.map((r) => r.rule), ['sectors-and-providers', 'responsibility-disputed'])
  assert.ok(decision!.reasons.every((r) => r.reason && r.reasonNn && r.law))
  assert.equal((decision!.events as { type: string }[]).map((e) => e.type), ['complex', 'complex'])
  // The facts the rules read, and the services they were derived from; nothing else the case holds.
  assert.is(decision!.facts.sectorCount, 2)
  assert.equal(decision!.facts.services, TWO_SECTORS)
  assert.is(decision!.facts.responsibilityDisputed, true)
  assert.not.ok('note' in decision!.facts)
  assert.not.ok('consentGiven' in decision!.facts, 'complexity does not read consent')

  const result = (await variables(key)).complexityResult
  assert.equal(result, {
    complex: true,
    notComplex: false,
    ruleSetId: 'complexity',
    version: 1,
    declaredVersion: complexity.version,
    decisionId: decision!.id,
    reasons: decision!.reasons,
    events: ['complex'],
  })
})

test('a plain case fires only its not-complex reason, complex is false, and the gateway takes the default flow to the caseworker', async () => {
  const { key } = await t.engine.startInstance({ processId: 'assessment', variables: { services: [TWO_SECTORS[0]!] } }, 'kari')
  assert.is(await waitForTask(key), 'caseworker-assessment')
  const result = (await variables(key)).complexityResult
  assert.equal([result.complex, result.notComplex, result.events], [false, true, ['not-complex']])
  const [decision] = await listDecisions(t.db.sql, { processInstanceKey: key, limit: 10, offset: 0 })
  assert.equal([decision!.reasons.map((r) => r.rule), decision!.caseReference], [['not-complex'], null])
})

test('facts from a `facts` variable; an identity number is recorded masked, with the age the rule read', async () => {
  const child = makeIdentityNumber('2015-01-10', { kind: 'synthetic-tenor' })
  const facts = { identityNumber: child, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true, coordinatedNeeds: true }
  const { key } = await t.engine.startInstance({ processId: 'assessment', variables: { facts, mentalHealthNeeds: true, substanceUseNeeds: true } }, 'kari')
  assert.is(await waitForTask(key), 'intake-group-review')
  const [decision] = await listDecisions(t.db.sql, { processInstanceKey: key, limit: 10, offset: 0 })
  assert.equal(decision!.reasons.map((r) => r.rule), ['child-coordinator-case'], 'only the facts variable counts, not the ROP flags beside it')
  assert.is(decision!.facts.childUnder18, true)
  assert.is(decision!.facts.birthDate, '2015-01-10')
  assert.is(decision!.facts.identityNumber, `${child.slice(0, 6)}*****`)
  const stored = JSON.stringify((await t.db.sql`select facts, events, reasons from decisions where id = ${decision!.id}`)[0])
  assert.not.ok(stored.includes(child), 'the full number is nowhere in the decision')
})

test('a job run twice records one decision, and the second run goes on with the first run\'s decision', async () => {
  const { key } = await t.engine.startInstance({ processId: 'twice', variables: { services: TWO_SECTORS } }, 'kari')
  await eventually(async () => ((await getInstance(t.db.sql, key))!.status !== 'active' ? true : undefined))
  const decisions = await listDecisions(t.db.sql, { processInstanceKey: key, limit: 10, offset: 0 })
  assert.is(decisions.length, 1, 'one decision for one instance, step and job')
  assert.is(first.length, 1)
  assert.is((await variables(key)).complexityResult.decisionId, decisions[0]!.id)
  assert.equal((await variables(key)).complexityResult.events, ['complex'])
})

test('facts that break the vocabulary: an incident at once naming the fact, and no decision', async () => {
  const { key } = await t.engine.startInstance({ processId: 'assessment', variables: { services: 'many', responsibilityDisputed: 'yes' } }, 'kari')
  const [incident] = await eventually(async () => {
    const rows = await activeIncidents(key)
    return rows.length ? rows : null
  })
  assert.match(incident!.message, /Rule set complexity \(version 1\) cannot be evaluated/)
  assert.match(incident!.message, /services: must be array/)
  assert.match(incident!.message, /responsibilityDisputed: must be boolean/)
  assert.equal([...await listDecisions(t.db.sql, { processInstanceKey: key, limit: 10, offset: 0 })], [])
})

test('an identity number that does not validate: the incident says why, without the number', async () => {
  const child = makeIdentityNumber('2015-01-10', { kind: 'synthetic-tenor' })
  const wrong = `${child.slice(0, 10)}${(Number(child[10]) + 1) % 10}`
  const { key } = await t.engine.startInstance({ processId: 'assessment', variables: { identityNumber: wrong } }, 'kari')
  const [incident] = await eventually(async () => {
    const rows = await activeIncidents(key)
    return rows.length ? rows : null
  })
  assert.match(incident!.message, /identityNumber: the control digits do not match/)
  assert.not.ok(incident!.message.includes(wrong))
})

test('a rule set that is not deployed fails the job clearly; deployed later, resolving the incident runs it', async () => {
  const { key } = await t.engine.startInstance({ processId: 'unknown', variables: { responsibilityDisputed: true } }, 'kari')
  const [incident] = await eventually(async () => {
    const rows = await activeIncidents(key)
    return rows.length ? rows : null
  })
  assert.match(incident!.message, /Rule set "not-yet-written" is not deployed/)
  assert.ok(ruleWorkersOf(t.engine)!.ruleSetIds.has('not-yet-written'), 'a worker came for the job type')

  await deployRuleSet(t.db.sql, {
    id: 'not-yet-written', version: 1, description: 'Ny',
    rules: [{ name: 'disputed', conditions: { all: [{ fact: 'responsibilityDisputed', operator: 'equal', value: true }] }, event: { type: 'escalate', params: { reason: 'Uenighet om ansvar.', reasonNn: 'Usemje om ansvar.' } } }],
  }, 'per')
  await t.engine.resolveIncident(incident!.key, 'admin')
  await eventually(async () => (await getInstance(t.db.sql, key))!.status === 'completed')
  assert.equal((await variables(key)).notYetWrittenResult.escalate, true)
})

test('a coordinator suggestion ranks the candidates given and names the first eligible one', async () => {
  const candidate = (id: string, capacity: number, currentLoad: number) => ({
    id, name: `Koordinator ${id}`, unit: 'Helsehuset', profession: 'sykepleier', trainingCompleted: true, childCoordinatorQualified: false, capacity, currentLoad,
  })
  const { key } = await t.engine.startInstance({
    processId: 'suggest',
    variables: { coordinatorWish: 'full', candidates: [candidate('full', 3, 3), candidate('roomy', 10, 1)], caseId: 'SAK-9' },
  }, 'kari')
  await eventually(async () => (await getInstance(t.db.sql, key))!.status === 'completed')
  const result = (await variables(key)).coordinatorSuggestionResult
  assert.is(result.suggested, 'roomy')
  assert.equal(result.ranked.map((r: any) => [r.candidateId, r.excluded]), [['roomy', false], ['full', true]])
  const [decision] = await listDecisions(t.db.sql, { caseReference: 'SAK-9', limit: 10, offset: 0 })
  assert.equal(decision!.events, result.ranked)
  assert.ok(decision!.reasons.some((r) => r.candidateId === 'full' && /kapasitet/.test(r.reason)))
  assert.equal((decision!.facts.candidates as { id: string }[]).map((c) => c.id), ['roomy', 'full'])
  assert.is((decision!.facts.case as { coordinatorWish: string }).coordinatorWish, 'full')
})

test.run()
