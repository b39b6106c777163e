// Rule sets through the API: deploying, reading, what-if checks, and recorded decisions.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { definition, startEvent, endEvent, chain } from '../engine/helpers.js'
import { makeIdentityNumber } from '../rules/fixtures/identity-numbers.js'
import { shipped } from '../rules/fixtures/shipped.js'

let t: TestApp
const auth: Record<string, { authorization: string }> = {}
test.before(async () => {
  t = await testApp()
  for (const user of ['per', 'kari', 'ola', 'ingrid', 'randi', 'admin']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
})
test.after(async () => {
  await t.close()
})

const deploy = (body: unknown, user = 'per') => t.app.inject({ method: 'POST', url: '/api/rule-sets', headers: auth[user], payload: body as object })
const evaluate = (id: string, body: unknown, user = 'kari') => t.app.inject({ method: 'POST', url: `/api/rule-sets/${id}/evaluate`, headers: auth[user], payload: body as object })

test('a process owner deploys a rule set: 201 and version 1; the same again is 200 and the same version; a raised version is the next', async () => {
  const complexity = await shipped('complexity')
  const first = await deploy(complexity)
  assert.is(first.statusCode, 201, first.body)
  assert.equal([json(first).ruleSetId, json(first).version, json(first).declaredVersion, json(first).isNew, json(first).deployedBy], ['complexity', 1, complexity.version, true, 'per'])
  const again = await deploy(complexity, 'admin')
  assert.is(again.statusCode, 200)
  assert.equal([json(again).version, json(again).isNew], [1, false])
  const changed = structuredClone(complexity)
  changed.version += 1
  changed.rules[1]!.conditions = { all: [{ fact: 'coordinatedServiceCount', operator: 'greaterThanInclusive', value: 4 }] }
  const second = await deploy(changed)
  assert.equal([second.statusCode, json(second).version, json(second).declaredVersion], [201, 2, complexity.version + 1])

  const list = json(await t.app.inject({ url: '/api/rule-sets', headers: auth.ingrid }))
  const entry = list.find((r: any) => r.id === 'complexity')
  assert.equal([entry.latest.version, entry.versions.map((v: any) => v.version)], [2, [2, 1]])
  const latest = json(await t.app.inject({ url: '/api/rule-sets/complexity', headers: auth.kari }))
  assert.is(latest.content.rules[1].conditions.all[0].value, 4)
  const v1 = json(await t.app.inject({ url: '/api/rule-sets/complexity?version=1', headers: auth.kari }))
  assert.equal(v1.content, JSON.parse(JSON.stringify(complexity)))
  assert.is((await t.app.inject({ url: '/api/rule-sets/complexity?version=9', headers: auth.kari })).statusCode, 404)
  assert.is((await t.app.inject({ url: '/api/rule-sets/nothing-here', headers: auth.kari })).statusCode, 404)
})

test('only process owners and admins deploy', async () => {
  for (const user of ['kari', 'ola', 'ingrid', 'randi']) assert.is((await deploy(await shipped('coordinator'), user)).statusCode, 403, user)
})

test('a broken rule set gets 400 naming the rule and the field, and nothing is deployed', async () => {
  const broken = structuredClone(await shipped('individual-plan')) as any
  broken.rules[0].conditions.all[1].fact = 'coordinatedNeed'
  const establish = broken.rules.findIndex((r: any) => r.name === 'establish-individual-plan')
  broken.rules[establish].event.params.reasonNn = ''
  const response = await deploy(broken)
  assert.is(response.statusCode, 400)
  const body = json(response)
  assert.is(body.code, 'SAMFLYT_INVALID_DEFINITION')
  const fact = body.details.find((d: any) => d.path === 'rules[0].conditions.all[1].fact')
  assert.match(fact.message, /^rule "right-to-individual-plan": unknown fact "coordinatedNeed" \(did you mean "coordinatedNeeds"\?\)/)
  assert.ok(body.details.some((d: any) => d.path === `rules[${establish}].event.params.reasonNn` && d.message.startsWith('rule "establish-individual-plan"')))
  assert.is((await t.app.inject({ url: '/api/rule-sets/individual-plan', headers: auth.per })).statusCode, 404)
  assert.is((await deploy([1, 2])).statusCode, 400, 'not an object')
})

test('a changed rule set that does not raise its version gets 409', async () => {
  const changed = structuredClone(await shipped('complexity'))
  changed.version += 1 // the version deployed now
  changed.description = 'Endret'
  const response = await deploy(changed)
  assert.is(response.statusCode, 409)
  assert.equal(json(response).details, [{ path: 'version', message: `must be more than ${changed.version}, the version deployed now` }])
})

test('what if: events, reasons, the version and the result a process would get; nothing is recorded', async () => {
  const child = makeIdentityNumber('2015-01-10', { kind: 'synthetic-tenor' })
  const response = await evaluate('complexity', {
    facts: { identityNumber: child, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true, coordinatedNeeds: true, mentalHealthNeeds: true, substanceUseNeeds: true },
    version: 1,
  })
  assert.is(response.statusCode, 200, response.body)
  const body = json(response)
  assert.equal([body.ruleSetId, body.version, body.recorded], ['complexity', 1, false])
  assert.equal(body.reasons.map((r: any) => r.rule), ['rop', 'child-coordinator-case'])
  assert.ok(body.reasons.every((r: any) => r.reason && r.reasonNn && r.law))
  assert.equal(body.events.map((e: any) => e.type), ['complex', 'complex'])
  assert.is(body.resultVariable, 'complexityResult')
  assert.equal([body.result.complex, body.result.decisionId, body.result.version], [true, null, 1])
  assert.is(body.facts.identityNumber, `${child.slice(0, 6)}*****`)
  assert.not.ok(response.body.includes(child), 'the full identity number does not come back')
  assert.not.ok(t.logs().includes(child), 'nor is it logged')
  assert.is((await t.db.sql`select count(*)::int as n from decisions`)[0]!.n, 0)

  const latest = json(await evaluate('complexity', { facts: {} }, 'randi'))
  assert.equal([latest.version, latest.events.map((e: any) => e.type), latest.result.complex], [2, ['not-complex'], false])
})

test('what if: bad facts get 400 pointing into the body; an unknown rule set 404; coordinators and admins may not', async () => {
  const bad = await evaluate('complexity', { facts: { services: [{ name: 'A', sector: 'nav' }], ropNeeds: true } })
  assert.is(bad.statusCode, 400)
  const paths = json(bad).details.map((d: any) => d.path)
  assert.ok(paths.includes('/body/facts/services[0].provider') && paths.includes('/body/facts/ropNeeds'), paths.join(', '))
  assert.is((await evaluate('no-such-set', { facts: {} })).statusCode, 404)
  for (const user of ['ingrid', 'admin']) assert.is((await evaluate('complexity', { facts: {} }, user)).statusCode, 403, user)
  for (const user of ['ola', 'per', 'randi']) assert.is((await evaluate('complexity', { facts: {} }, user)).statusCode, 200, user)
})

test('what if on a coordinator suggestion ranks the candidates sent', async () => {
  await deploy(await shipped('coordinator-suggestion'))
  const candidate = (id: string, currentLoad: number) => ({ id, name: id, unit: 'Helsehuset', profession: 'vernepleier', trainingCompleted: true, childCoordinatorQualified: false, capacity: 5, currentLoad })
  const body = json(await evaluate('coordinator-suggestion', { facts: {}, candidates: [candidate('a', 5), candidate('b', 0)] }))
  assert.equal([body.result.suggested, body.events.map((e: any) => e.candidateId)], ['b', ['b', 'a']])
  const missing = await evaluate('coordinator-suggestion', { facts: {} })
  assert.equal([missing.statusCode, json(missing).details[0].path], [400, '/body/candidates'])
})

test('a deployed rule set gets its worker at once: a process evaluates it and its decision is listed for auditors and caseworkers', async () => {
  const ruleSet = {
    id: 'disputes', version: 1, description: 'Uenighet',
    rules: [{ name: 'disputed', conditions: { all: [{ fact: 'responsibilityDisputed', operator: 'equal', value: true }] }, event: { type: 'disputed', params: { reason: 'Enhetene er uenige om ansvaret.', reasonNn: 'Einingane er usamde om ansvaret.', law: 'helse- og omsorgstjenesteloven § 7-3' } } }],
  }
  assert.is((await deploy(ruleSet)).statusCode, 201)
  const xml = definition(startEvent(), '<bpmn:businessRuleTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="rules:disputes"/></bpmn:extensionElements></bpmn:businessRuleTask>', endEvent(), chain('start', 'check', 'end'))
  await t.engine.deploy([{ name: 'disputes.bpmn', xml }], 'per')
  const { key } = await t.engine.startInstance({ processId: 'p', variables: { responsibilityDisputed: true, caseId: 'SAK-77' } }, 'kari')
  const decisions = await eventually(async () => {
    const response = await t.app.inject({ url: `/api/decisions?processInstanceKey=${key}`, headers: auth.randi })
    return json(response).length ? json(response) : null
  })
  assert.equal(decisions.map((d: any) => [d.ruleSetId, d.version, d.elementId, d.caseReference, d.reasons[0].rule]), [['disputes', 1, 'check', 'SAK-77', 'disputed']])
  assert.is(decisions[0].reasons[0].reasonNn, 'Einingane er usamde om ansvaret.')
  const byCase = json(await t.app.inject({ url: '/api/decisions?caseReference=SAK-77', headers: auth.kari }))
  assert.equal(byCase.map((d: any) => d.id), [decisions[0].id])
  assert.is((await t.app.inject({ url: `/api/decisions?processInstanceKey=${key}`, headers: auth.ingrid })).statusCode, 403)
  const unfiltered = await t.app.inject({ url: '/api/decisions', headers: auth.randi })
  assert.is(unfiltered.statusCode, 400)
})

test('the OpenAPI document says that what-if checks are not recorded', async () => {
  const doc = json(await t.app.inject({ url: '/openapi.json' }))
  const operation = doc.paths['/api/rule-sets/{id}/evaluate'].post
  assert.match(operation.description, /NOT recorded/)
  assert.ok(doc.paths['/api/decisions'].get)
})

test.run()
