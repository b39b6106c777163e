// The rights rule sets: individual plan, coordinator, child coordinator (DOMAIN.md's table).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { CaseFacts, Service } from '../../src/rules/facts.js'
import { makeIdentityNumber } from './fixtures/identity-numbers.js'
import { decide, fired, reasonsOf, shipped } from './fixtures/shipped.js'

const NOW = new Date('2025-06-15T12:00:00Z')
const service = (name: string, sector: string, provider: string, extra: Partial<Service> = {}): Service => ({ name, sector, provider, ...extra })

/** Long-term needs from two providers that must be seen together. */
const LONG_TERM_COORDINATED: Service[] = [
  service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten', { longTerm: true, coordinated: true }),
  service('Psykisk helsetjeneste', 'health-and-care', 'Helse Vest HF', { longTerm: true, coordinated: true }),
]
const types = (decision: { events: { type: string }[] }) => decision.events.map((event) => event.type)

test('individual plan: long-term and coordinated needs with consent give the right and a plan', async () => {
  const decision = await decide('individual-plan', { services: LONG_TERM_COORDINATED, consentGiven: true }, NOW)
  assert.equal(types(decision), ['individual-plan-right', 'individual-plan-establish'])
  const right = decision.reasons[0]!
  assert.equal(right, reasonsOf(await shipped('individual-plan'), 'right-to-individual-plan'))
  assert.match(right.law!, /§ 2-5/)
  assert.match(right.law!, /§ 7-1/)
})

test('individual plan: without consent the right stands, and consent is asked for', async () => {
  const decision = await decide('individual-plan', { services: LONG_TERM_COORDINATED }, NOW)
  assert.equal(types(decision), ['individual-plan-right', 'individual-plan-consent-needed'])
})

test('individual plan: long-term needs alone, or coordinated needs alone, give no right', async () => {
  const longTermOnly = [service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten', { longTerm: true })]
  const coordinatedShortTerm = LONG_TERM_COORDINATED.map((s) => ({ ...s, longTerm: false }))
  for (const services of [longTermOnly, coordinatedShortTerm]) {
    const decision = await decide('individual-plan', { services, consentGiven: true }, NOW)
    assert.equal(fired(decision), ['no-right-to-individual-plan'])
  }
})

test('IP declined but coordinator still offered', async () => {
  const facts: CaseFacts = { services: LONG_TERM_COORDINATED, consentGiven: true, ipDeclined: true }
  const plan = await decide('individual-plan', facts, NOW)
  assert.equal(types(plan), ['individual-plan-right', 'individual-plan-declined'])
  const coordinator = await decide('coordinator', facts, NOW)
  assert.equal(types(coordinator), ['coordinator-right', 'coordinator-offered-without-plan'])
  assert.match(coordinator.reasons[0]!.law!, /§ 2-5 b/)
  assert.match(coordinator.reasons[0]!.law!, /§ 7-2/)
})

test('coordinator: the law\'s test, not the routing: a dispute or an escalation makes a case complex but gives no right', async () => {
  for (const base of [{ responsibilityDisputed: true }, { manualEscalation: { reason: 'Familien ønsker at saken drøftes i gruppen' } }] as CaseFacts[]) {
    const complexity = await decide('complexity', base, NOW)
    assert.equal(complexity.events.map((e) => e.type), ['complex'])
    const coordinator = await decide('coordinator', { ...base, complex: true, consentStatus: 'given' }, NOW)
    assert.equal(fired(coordinator), ['no-right-to-coordinator'], JSON.stringify(base))
  }
})

test('coordinator: complex services (two sectors, two providers) give the right without long-term coordinated needs', async () => {
  const services = [service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten'), service('Arbeidsavklaring', 'nav', 'NAV Sentrum')]
  const decision = await decide('coordinator', { services, consentStatus: 'given' }, NOW)
  assert.equal(fired(decision), ['right-complex-services'])
  assert.match(decision.reasons[0]!.reason, /komplekse tjenester/)
  assert.match(decision.reasons[0]!.reasonParent!, /Barnet ditt/)
})

test('consent: refused is an answer, kept apart from missing, in both rights', async () => {
  const refused = { services: LONG_TERM_COORDINATED, consentStatus: 'refused', ipDeclined: true } as CaseFacts
  assert.equal(fired(await decide('coordinator', refused, NOW)), ['right-long-term-coordinated', 'consent-refused'])
  const plan = await decide('individual-plan', refused, NOW)
  assert.equal(fired(plan), ['right-to-individual-plan', 'consent-refused'])
  assert.match(plan.reasons[1]!.reason, /sagt nei/)
  assert.not.match(plan.reasons[1]!.reason, /ikke fått svar/)
  for (const consentStatus of ['missing', 'requested'] as const) {
    const pending = await decide('coordinator', { services: LONG_TERM_COORDINATED, consentStatus }, NOW)
    assert.equal(fired(pending), ['right-long-term-coordinated', 'consent-needed'])
    assert.match(pending.reasons[1]!.reason, /ikke fått svar/)
  }
})

test('an unknown consent state is refused, naming the fact and the values it may take', async () => {
  try {
    await decide('coordinator', { consentStatus: 'maybe' } as never, NOW)
    assert.unreachable()
  } catch (error) {
    assert.match((error as { details: { path: string; message: string }[] }).details[0]!.path, 'consentStatus')
    assert.match((error as { details: { path: string; message: string }[] }).details[0]!.message, /missing, requested, given, refused/)
  }
})

test('coordinator: without consent the right stands and consent is asked for', async () => {
  const decision = await decide('coordinator', { services: LONG_TERM_COORDINATED }, NOW)
  assert.equal(types(decision), ['coordinator-right', 'coordinator-consent-needed'])
})

const CHILD_WITH_NEEDS = (identityNumber?: string): CaseFacts => ({
  ...(identityNumber ? { identityNumber } : {}),
  childHasSeriousCondition: true,
  services: [
    service('Avlastning', 'health-and-care', 'Avlastningsboligen', { longTerm: true }),
    service('Spesialundervisning', 'school', 'Nordby skole'),
  ],
})

test('child coordinator: a child under 18 with a serious condition, long-term health and other welfare services', async () => {
  const child = makeIdentityNumber('2015-02-03', { kind: 'synthetic-tenor' })
  const decision = await decide('child-coordinator', CHILD_WITH_NEEDS(child), NOW)
  assert.equal(types(decision), ['child-coordinator-right'])
  assert.equal(decision.reasons[0], reasonsOf(await shipped('child-coordinator'), 'right-to-child-coordinator'))
  assert.match(decision.reasons[0]!.law!, /§ 2-5 c/)
  assert.match(decision.reasons[0]!.law!, /§ 7-2 a/)
  assert.is(decision.facts.age, 10)
  assert.is(decision.facts.needsLongTermHealthServices, true, 'derived from the long-term health service')
  assert.is(decision.facts.needsOtherWelfareServices, true, 'derived from the school service')
})

test('child coordinator: a family expecting a child with a serious condition', async () => {
  const decision = await decide('child-coordinator', { ...CHILD_WITH_NEEDS(), expectingChild: true }, NOW)
  assert.equal(types(decision), ['child-coordinator-right'])
})

test('child coordinator: health services alone, or without a serious condition, give no right', async () => {
  const child = makeIdentityNumber('2015-02-03')
  const healthOnly = { ...CHILD_WITH_NEEDS(child), services: CHILD_WITH_NEEDS().services!.slice(0, 1) }
  const notSerious = { ...CHILD_WITH_NEEDS(child), childHasSeriousCondition: false }
  for (const facts of [healthOnly, notSerious]) {
    assert.equal(fired(await decide('child-coordinator', facts, NOW)), ['no-right-to-child-coordinator'])
  }
})

test('child coordinator: the right lasts until the child turns 18, by the identity number at the evaluation date', async () => {
  const child = makeIdentityNumber('2007-11-20')
  const facts = CHILD_WITH_NEEDS(child)
  const dayBefore = await decide('child-coordinator', facts, new Date('2025-11-19T12:00:00Z'))
  assert.is(dayBefore.facts.age, 17)
  assert.equal(fired(dayBefore), ['right-to-child-coordinator'])
  const birthday = await decide('child-coordinator', facts, new Date('2025-11-20T12:00:00Z'))
  assert.is(birthday.facts.age, 18)
  assert.equal(fired(birthday), ['child-has-turned-18'])
  assert.match(birthday.reasons[0]!.reason, /18 år/)
  assert.ok(birthday.reasons[0]!.reasonNn.length > 0)
})

test('child coordinator: an adult case gets no reason about a child', async () => {
  const adult = makeIdentityNumber('1980-02-03')
  const decision = await decide('child-coordinator', { identityNumber: adult, services: LONG_TERM_COORDINATED }, NOW)
  assert.equal(decision.events.map((e) => e.type), ['child-coordinator-not-relevant'])
  assert.not.match(decision.reasons[0]!.reason, /fylt 18/)
})

test('child coordinator: "langvarige og sammensatte eller koordinerte": health and welfare from one provider, not coordinated, still qualify by two sectors', async () => {
  const child = makeIdentityNumber('2015-02-03')
  const services = [service('Avlastning', 'health-and-care', 'Kommunen', { longTerm: true }), service('Barnehageplass', 'kindergarten', 'Kommunen')]
  assert.equal(fired(await decide('child-coordinator', { identityNumber: child, childHasSeriousCondition: true, services }, NOW)), ['right-to-child-coordinator'])
  const shortTerm = services.map((s) => ({ ...s, longTerm: false }))
  assert.equal(fired(await decide('child-coordinator', { identityNumber: child, childHasSeriousCondition: true, services: shortTerm }, NOW)), ['no-right-to-child-coordinator'])
})

test('every reason in the rights rule sets has bokmål and nynorsk that differ where the languages do', async () => {
  for (const id of ['individual-plan', 'coordinator', 'child-coordinator']) {
    const ruleSet = await shipped(id)
    for (const rule of ruleSet.rules) {
      assert.ok(rule.event.params.reason.trim().length > 0)
      assert.ok(rule.event.params.reasonNn.trim().length > 0)
      assert.is.not(rule.event.params.reason, rule.event.params.reasonNn, `${id}/${rule.name}`)
    }
  }
})

test.run()
