import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { CaseFacts, Service } from '../../src/rules/facts.js'
import { makeIdentityNumber } from './fixtures/identity-numbers.js'
import { decide, fired, reasonsOf, shipped } from './fixtures/shipped.js'

const NOW = new Date('2025-06-15T12:00:00Z')
const service = (name: string, sector: string, provider: string, extra: Partial<Service> = {}): Service => ({ name, sector, provider, ...extra })
const tenYearOld = makeIdentityNumber('2015-01-10', { kind: 'synthetic-tenor' })

/** Each criterion alone: the smallest case that meets it and no other. */
const CRITERIA: [rule: string, facts: CaseFacts][] = [
  ['sectors-and-providers', { services: [service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten'), service('Arbeidsavklaringspenger', 'nav', 'NAV Sentrum')] }],
  ['three-coordinated-services', {
    services: [
      service('Fysioterapi', 'health-and-care', 'Helsehuset', { coordinated: true }),
      service('Ergoterapi', 'health-and-care', 'Helsehuset', { coordinated: true }),
      service('Praktisk bistand', 'health-and-care', 'Helsehuset', { coordinated: true }),
    ],
  }],
  ['rop', { mentalHealthNeeds: true, substanceUseNeeds: true }],
  ['child-coordinator-case', { identityNumber: tenYearOld, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true, coordinatedNeeds: true }],
  ['responsibility-disputed', { responsibilityDisputed: true }],
  ['manual-escalation', { manualEscalation: { reason: 'Sammensatt familiesituasjon som krever tverretatlig drøfting' } }],
]

test('a plain case fires no criterion, and says why it is not complex', async () => {
  const decision = await decide('complexity', { services: [service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten', { longTerm: true })], consentGiven: true }, NOW)
  assert.equal(decision.events.map((e) => e.type), ['not-complex'])
  assert.equal(decision.reasons, [reasonsOf(await shipped('complexity'), 'not-complex')])
  assert.match(decision.reasons[0]!.reason, /ikke kompleks/)
  assert.is(decision.ruleSetId, 'complexity')
  assert.is(decision.version, (await shipped('complexity')).version)
})

for (const [rule, facts] of CRITERIA) {
  test(`criterion ${rule} alone fires with its own reason, and only it`, async () => {
    const ruleSet = await shipped('complexity')
    const decision = await decide('complexity', facts, NOW)
    assert.equal(fired(decision), [rule])
    assert.equal(decision.reasons, [reasonsOf(ruleSet, rule)])
    assert.is(decision.events[0]!.type, 'complex')
    assert.is(decision.events[0]!.params.criterion, rule)
    assert.ok(decision.reasons[0]!.reason.length > 20, 'a reason a letter can quote')
  })
}

test('every criterion is its own rule in the shipped file, with its reason in bokmål and nynorsk and the law it rests on', async () => {
  const ruleSet = await shipped('complexity')
  assert.equal(ruleSet.rules.map((r) => r.name).sort(), [...CRITERIA.map(([rule]) => rule), 'not-complex'].sort())
  for (const rule of ruleSet.rules) {
    const { reason, reasonNn, law } = rule.event.params
    assert.ok(reason.length > 20 && reasonNn.length > 20, rule.name)
    assert.is.not(reason, reasonNn, `${rule.name}: the nynorsk text is its own`)
    assert.match(law ?? '', /(loven|lova) § \d/, `${rule.name} names its law`)
  }
  assert.match(ruleSet.rules.find((r) => r.name === 'child-coordinator-case')!.event.params.law!, /§ 2-5 c/)
})

test('just below each threshold nothing fires', async () => {
  const below: CaseFacts[] = [
    { services: [service('A', 'health-and-care', 'P1'), service('B', 'nav', 'P1')] }, // two sectors, one provider
    { services: [service('A', 'health-and-care', 'P1'), service('B', 'health-and-care', 'P2')] }, // two providers, one sector
    { services: [service('A', 'health-and-care', 'P1', { coordinated: true }), service('B', 'health-and-care', 'P1', { coordinated: true })] },
    { mentalHealthNeeds: true }, // mental health without substance use
    { substanceUseNeeds: true },
    { identityNumber: tenYearOld, childHasSeriousCondition: true, needsLongTermHealthServices: true, coordinatedNeeds: true }, // no other welfare services
  ]
  for (const facts of below) assert.equal(fired(await decide('complexity', facts, NOW)), ['not-complex'], JSON.stringify(facts))
})

test('an escalation with a blank reason is refused, naming the fact', async () => {
  try {
    await decide('complexity', { manualEscalation: { reason: '   ' } }, NOW)
    assert.unreachable('a blank reason must be refused')
  } catch (error) {
    assert.equal((error as { details: unknown }).details, [{ path: 'manualEscalation.reason', message: 'must not be blank: say why the case goes to the intake group' }])
  }
})

test('ROP from the services\' need areas counts as well as the flags', async () => {
  const facts: CaseFacts = {
    services: [service('Poliklinikk', 'health-and-care', 'DPS', { areas: ['mental-health', 'substance-use'] })],
  }
  assert.equal(fired(await decide('complexity', facts, NOW)), ['rop'])
})

test('an expected child with a serious condition is a child-coordinator case', async () => {
  const facts: CaseFacts = { expectingChild: true, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true, coordinatedNeeds: true }
  assert.equal(fired(await decide('complexity', facts, NOW)), ['child-coordinator-case'])
})

test('all criteria at once: every reason, in the rule set\'s order, whatever order the facts come in', async () => {
  const ruleSet = await shipped('complexity')
  const all = Object.assign({}, ...CRITERIA.map(([, facts]) => facts)) as CaseFacts
  all.services = CRITERIA.flatMap(([, facts]) => facts.services ?? [])
  const reversed = Object.fromEntries(Object.entries(all).reverse()) as CaseFacts
  const [first, second] = await Promise.all([decide('complexity', all, NOW), decide('complexity', reversed, NOW)])
  assert.equal(fired(first), ruleSet.rules.map((r) => r.name).filter((name) => name !== 'not-complex'))
  assert.equal(first.events, second.events)
  assert.equal(first.reasons, second.reasons)
})

test('a child-coordinator case ends as a criterion when the child turns 18', async () => {
  const child = makeIdentityNumber('2007-06-16')
  const facts: CaseFacts = { identityNumber: child, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true, coordinatedNeeds: true }
  assert.equal(fired(await decide('complexity', facts, new Date('2025-06-15T12:00:00Z'))), ['child-coordinator-case'])
  assert.equal(fired(await decide('complexity', facts, new Date('2025-06-16T12:00:00Z'))), ['not-complex'])
})

test.run()
