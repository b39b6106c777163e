import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { SamflytError } from '../../src/errors.js'
import { CASE_FACTS, checkCaseFacts, deriveCaseFacts, type Service } from '../../src/rules/facts.js'
import { makeIdentityNumber } from './fixtures/identity-numbers.js'

const NOW = new Date('2025-06-15T12:00:00Z')
const service = (name: string, sector: string, provider: string, extra: Partial<Service> = {}): Service => ({ name, sector, provider, ...extra })

test('distinct sectors and providers, and the service counts', () => {
  const facts = deriveCaseFacts({
    services: [
      service('Hjemmesykepleie', 'health-and-care', 'Hjemmetjenesten', { longTerm: true, coordinated: true }),
      service('Fysioterapi', 'health-and-care', 'Helsehuset', { coordinated: true }),
      service('Ergoterapi', 'health-and-care', 'Helsehuset'),
      service('Arbeidsavklaring', 'nav', 'NAV Sentrum', { longTerm: true, coordinated: true }),
      service('Startlån', 'housing', 'NAV Sentrum'),
    ],
  }, NOW)
  assert.equal(facts.sectors, ['health-and-care', 'housing', 'nav'])
  assert.is(facts.sectorCount, 3)
  assert.is(facts.providerCount, 3)
  assert.is(facts.serviceCount, 5)
  assert.is(facts.longTermServiceCount, 2)
  assert.is(facts.coordinatedServiceCount, 3)
  assert.is(facts.longTermNeeds, true)
  assert.is(facts.coordinatedNeeds, true)
  assert.is(facts.needsLongTermHealthServices, true)
  assert.is(facts.needsOtherWelfareServices, true)
})

test('coordinated needs need coordinated services from two providers', () => {
  const sameProvider = deriveCaseFacts({ services: [service('A', 'health-and-care', 'P', { coordinated: true }), service('B', 'nav', 'P', { coordinated: true })] }, NOW)
  assert.is(sameProvider.coordinatedNeeds, false)
  const twoProviders = deriveCaseFacts({ services: [service('A', 'health-and-care', 'P', { coordinated: true }), service('B', 'nav', 'Q', { coordinated: true })] }, NOW)
  assert.is(twoProviders.coordinatedNeeds, true)
})

test('ROP: mental-health and substance-use needs together, from flags, services or a mix', () => {
  const rop = (input: Parameters<typeof deriveCaseFacts>[0]) => deriveCaseFacts(input, NOW).ropNeeds
  assert.is(rop({ mentalHealthNeeds: true, substanceUseNeeds: true }), true)
  assert.is(rop({ mentalHealthNeeds: true }), false)
  assert.is(rop({ mentalHealthNeeds: true, services: [service('LAR', 'health-and-care', 'Helse Vest HF', { areas: ['substance-use'] })] }), true)
  assert.is(rop({ services: [service('DPS', 'health-and-care', 'DPS', { areas: ['mental-health'] })] }), false)
})

test('a registered value wins over the derived one', () => {
  const services = [service('Avlastning', 'health-and-care', 'Avlastningsboligen', { longTerm: true })]
  assert.is(deriveCaseFacts({ services }, NOW).needsLongTermHealthServices, true)
  assert.is(deriveCaseFacts({ services, needsLongTermHealthServices: false }, NOW).needsLongTermHealthServices, false)
  assert.is(deriveCaseFacts({ needsOtherWelfareServices: true }, NOW).needsOtherWelfareServices, true)
})

test('age and child under 18 from the identity number at the evaluation date; the number is masked', () => {
  const number = makeIdentityNumber('2008-01-01')
  const before = deriveCaseFacts({ identityNumber: number }, new Date('2025-12-31T12:00:00Z'))
  assert.is(before.age, 17)
  assert.is(before.childUnder18, true)
  assert.is(before.birthDate, '2008-01-01')
  assert.is(before.identityNumber, '010108*****')
  assert.not.ok(JSON.stringify(before).includes(number), 'the full number is nowhere in the facts')
  const after = deriveCaseFacts({ identityNumber: number }, new Date('2026-01-01T12:00:00Z'))
  assert.is(after.age, 18)
  assert.is(after.childUnder18, false)
  const unknown = deriveCaseFacts({}, NOW)
  assert.is(unknown.age, null)
  assert.is(unknown.childUnder18, false)
  assert.is(unknown.evaluationDate, '2025-06-15')
})

test('a registered birth date gives age and child under 18 without the identity number (what a KE process carries)', () => {
  const before = deriveCaseFacts({ birthDate: '2008-01-01' }, new Date('2025-12-31T12:00:00Z'))
  assert.equal([before.birthDate, before.age, before.childUnder18, before.identityNumber], ['2008-01-01', 17, true, null])
  const after = deriveCaseFacts({ birthDate: '2008-01-01' }, new Date('2026-01-01T12:00:00Z'))
  assert.equal([after.age, after.childUnder18], [18, false])
  assert.equal(checkCaseFacts({ birthDate: '2008-02-30' }).map((p) => p.path), ['birthDate'])
  assert.equal(checkCaseFacts({ birthDate: 20080101 }).map((p) => p.path), ['birthDate'])
})

test('every vocabulary fact is present after deriving, so no rule meets an undefined fact', () => {
  assert.equal(Object.keys(deriveCaseFacts({}, NOW)).sort(), Object.keys(CASE_FACTS).sort())
})

test('manual escalation counts only with a reason; a blank reason is refused', () => {
  assert.is(deriveCaseFacts({ manualEscalation: { reason: 'Uklart ansvar mellom NAV og skole' } }, NOW).manuallyEscalated, true)
  assert.equal(checkCaseFacts({ manualEscalation: { reason: ' ' } }).map((p) => p.path), ['manualEscalation.reason'])
  assert.is(deriveCaseFacts({ manualEscalation: null }, NOW).manuallyEscalated, false)
})

test('sectors and need areas are enumerations: "health" is not a second health sector, it is refused by name', () => {
  const problems = checkCaseFacts({ services: [{ name: 'A', sector: 'health', provider: 'P' }, { name: 'B', sector: 'health-and-care', provider: 'Q', areas: ['mental-health', 'psyche'] }] })
  assert.equal(problems.map((p) => p.path), ['services[0].sector', 'services[1].areas'])
  assert.match(problems[0]!.message, /unknown value "health": must be one of health-and-care, nav/)
  assert.match(problems[1]!.message, /"psyche"/)
})

test('every fact and service field is described', () => {
  for (const [name, definition] of Object.entries(CASE_FACTS)) assert.ok(definition.description.length > 15, name)
})

test('consent: missing, given and refused are kept apart; consentGiven follows consentStatus', () => {
  assert.equal([deriveCaseFacts({}, NOW).consentStatus, deriveCaseFacts({}, NOW).consentGiven], ['missing', false])
  assert.equal([deriveCaseFacts({ consentStatus: 'refused' }, NOW).consentStatus, deriveCaseFacts({ consentStatus: 'refused' }, NOW).consentGiven], ['refused', false])
  assert.equal(deriveCaseFacts({ consentStatus: 'given' }, NOW).consentGiven, true)
})

test('wrong case facts are refused, every problem named', () => {
  const problems = checkCaseFacts({
    responsibilityDisputd: true,
    age: 12,
    consentGiven: 'yes',
    services: [{ name: 'A', sector: 'nav' }, 'B', { name: 'C', sector: 'nav', provider: 'P', longterm: true }],
    manualEscalation: {},
  })
  assert.equal(problems.map((p) => p.path), [
    'responsibilityDisputd', 'age', 'consentGiven',
    'services[0].provider', 'services[1]', 'services[2].longterm', 'manualEscalation.reason',
  ])
  try {
    deriveCaseFacts({ identityNumber: '12345678901' }, NOW)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, SamflytError)
    assert.is((error as SamflytError).status, 400)
    assert.is((error as SamflytError).details[0]!.path, 'identityNumber')
    assert.not.match(JSON.stringify((error as SamflytError).details), /12345678901/)
  }
})

test.run()
