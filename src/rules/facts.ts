// The case-fact vocabulary: the only fact names a case rule set may use, and how the derived
// ones are computed from what the caseworker registered. A rule set naming anything else is
// refused when it is loaded (a typo must not silently make a rule never fire). Every fact is
// described in CASE_FACTS below (and so in the OpenAPI document, and docs/facts.md); values
// outside a fact's enumeration (a sector, a consent state) are refused with the fact named.
//
// Given facts are registered on the case and default to false / [] / null; "either" facts are
// derived when not registered; derived facts are always computed and cannot be registered.

import { SamflytError, type ErrorDetail } from '../errors.js'
import { ageAt, maskIdentityNumber, osloDate, validateIdentityNumber } from '../cases/identity.js'

import { CONSENT_STATES, HEALTH_SECTOR, SERVICE_FIELDS, WELFARE_SECTORS, type ConsentState, type FactDefinition, type FactType } from './vocabulary.js'

export { HEALTH_SECTOR, WELFARE_SECTORS, SECTORS, CONSENT_STATES, SERVICE_FIELDS, type ConsentState, type FactDefinition, type FactType } from './vocabulary.js'

export interface Service {
  name: string
  /** One of SECTORS: specialist and municipal health are the same sector, different providers. */
  sector: string
  /** The unit or agency that delivers it, e.g. "Helse Vest HF" or "Hjemmetjenesten sone nord". */
  provider: string
  longTerm?: boolean
  /** Must be seen together with the person's other services (coordinated delivery). */
  coordinated?: boolean
  /** Need areas the service covers; 'mental-health' and 'substance-use' make ROP. */
  areas?: string[]
}

export interface CaseFacts {
  identityNumber?: string
  birthDate?: string | null
  services?: Service[]
  mentalHealthNeeds?: boolean
  substanceUseNeeds?: boolean
  responsibilityDisputed?: boolean
  manualEscalation?: { reason: string } | null
  consentStatus?: ConsentState
  consentGiven?: boolean
  ipDeclined?: boolean
  childHasSeriousCondition?: boolean
  expectingChild?: boolean
  complex?: boolean
  needsChildCoordinator?: boolean
  coordinatorWish?: string | null
  intakeGroupCoordinator?: string | null
  needsLongTermHealthServices?: boolean
  needsOtherWelfareServices?: boolean
  longTermNeeds?: boolean
  coordinatedNeeds?: boolean
}

export interface DerivedCaseFacts extends Required<Omit<CaseFacts, 'identityNumber'>> {
  /** Masked (birth-date part only): a recorded decision never holds the full number. */
  identityNumber: string | null
  evaluationDate: string
  birthDate: string | null
  age: number | null
  childUnder18: boolean
  serviceCount: number
  longTermServiceCount: number
  coordinatedServiceCount: number
  sectors: string[]
  sectorCount: number
  providerCount: number
  ropNeeds: boolean
  manuallyEscalated: boolean
}

export const CASE_FACTS: Readonly<Record<keyof DerivedCaseFacts, FactDefinition>> = {
  identityNumber: { type: 'string', source: 'given', nullable: true, description: 'The person the case is about (in a child-coordinator case, the child; for an expecting family, the parent). Recorded masked; a process never carries it.' },
  services: { type: 'array', source: 'given', description: 'The services the person receives or needs: [{ name, sector, provider, longTerm?, coordinated?, areas? }] (see the service fields).' },
  mentalHealthNeeds: { type: 'boolean', source: 'given', description: 'The person has needs within mental health.' },
  substanceUseNeeds: { type: 'boolean', source: 'given', description: 'The person has needs within substance use.' },
  responsibilityDisputed: { type: 'boolean', source: 'given', description: 'The involved units disagree about who is responsible: a reason to take the case to the intake group, not a fact about the person\'s needs.' },
  manualEscalation: { type: 'object', source: 'given', nullable: true, properties: ['reason'], description: 'The caseworker sent the case to the intake group by hand: { reason } with a reason that is not blank.' },
  consentStatus: { type: 'string', source: 'given', values: CONSENT_STATES, description: 'Consent from the person or whoever may consent for them (pbrl chapter 4): missing (not yet asked), requested (asked, no answer), given, or refused. Refused is an answer; missing is not.' },
  consentGiven: { type: 'boolean', source: 'either', description: 'Consent is given; derived from consentStatus when not registered.' },
  ipDeclined: { type: 'boolean', source: 'given', description: 'The person (or whoever consents for them) has declined an individual plan; the coordinator offer still stands.' },
  childHasSeriousCondition: { type: 'boolean', source: 'given', description: 'The child has a serious illness, injury or disability (pbrl § 2-5 c).' },
  expectingChild: { type: 'boolean', source: 'given', description: 'The family is expecting a child with a known serious illness, injury or disability (pbrl § 2-5 c "venter barn"); the person is then the parent.' },
  complex: { type: 'boolean', source: 'given', description: 'The verdict of the complexity rule set (a routing decision: the case goes to the intake group), for rule sets that build on it.' },
  needsChildCoordinator: { type: 'boolean', source: 'given', description: 'The child-coordinator right was granted, for the coordinator suggestion.' },
  coordinatorWish: { type: 'string', source: 'given', nullable: true, description: 'The register id of the coordinator the person wishes (pbrl § 2-5 b: the wish is to be weighed).' },
  intakeGroupCoordinator: { type: 'string', source: 'given', nullable: true, description: 'The register id of the coordinator the intake group recommends, if it recommended one.' },
  needsLongTermHealthServices: { type: 'boolean', source: 'either', description: 'A long-term service in the health-and-care sector; derived from services when not registered.' },
  needsOtherWelfareServices: { type: 'boolean', source: 'either', description: 'A service in NAV, school, PPT, kindergarten, child welfare or housing; derived from services when not registered.' },
  longTermNeeds: { type: 'boolean', source: 'either', description: 'Any long-term service; derived from services when not registered.' },
  coordinatedNeeds: { type: 'boolean', source: 'either', description: 'Services that must be seen together, from two or more providers; derived from services when not registered.' },
  evaluationDate: { type: 'string', source: 'derived', description: "Norway's date at the evaluation, YYYY-MM-DD." },
  birthDate: { type: 'string', source: 'either', nullable: true, description: 'YYYY-MM-DD; read from the identity number when not registered (a process carries the birth date, never the number).' },
  age: { type: 'number', source: 'derived', nullable: true, description: 'Whole years at evaluationDate, from birthDate.' },
  childUnder18: { type: 'boolean', source: 'derived', description: 'The age is known and under 18.' },
  serviceCount: { type: 'number', source: 'derived', description: 'How many services are registered.' },
  longTermServiceCount: { type: 'number', source: 'derived', description: 'How many of them are long-term.' },
  coordinatedServiceCount: { type: 'number', source: 'derived', description: 'How many of them must be seen together.' },
  sectors: { type: 'array', source: 'derived', description: 'The distinct sectors of the services, sorted.' },
  sectorCount: { type: 'number', source: 'derived', description: 'How many distinct sectors.' },
  providerCount: { type: 'number', source: 'derived', description: 'How many distinct providers.' },
  ropNeeds: { type: 'boolean', source: 'derived', description: 'Mental-health and substance-use needs together (ROP), from the flags or the services\' areas.' },
  manuallyEscalated: { type: 'boolean', source: 'derived', description: 'manualEscalation with a reason that is not blank.' },
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/** Every problem with registered facts: unknown names, derived names, wrong types. */
export function checkCaseFacts(input: unknown): ErrorDetail[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: '(root)', message: 'case facts must be an object' }]
  const problems: ErrorDetail[] = []
  for (const [name, value] of Object.entries(input)) {
    const definition = (CASE_FACTS as Record<string, FactDefinition>)[name]
    if (!definition) problems.push({ path: name, message: `unknown case fact "${name}"` })
    else if (definition.source === 'derived') problems.push({ path: name, message: 'is derived, not registered' })
    else if (value === undefined || (value === null && definition.nullable)) continue
    else if (typeOf(value) !== definition.type) problems.push({ path: name, message: `must be ${definition.type}${definition.nullable ? ' or null' : ''}` })
    else if (definition.values && !definition.values.includes(value as string)) problems.push({ path: name, message: `unknown value "${String(value).slice(0, 40)}": must be one of ${definition.values.join(', ')}` })
  }
  const record = input as Record<string, unknown>
  if (Array.isArray(record.services)) {
    record.services.forEach((service: unknown, i) => {
      if (typeOf(service) !== 'object') return problems.push({ path: `services[${i}]`, message: 'must be an object' })
      for (const [field, value] of Object.entries(service as object)) {
        const definition = SERVICE_FIELDS[field]
        const at = `services[${i}].${field}`
        if (!definition) problems.push({ path: at, message: `unknown service field "${field}"` })
        else if (typeOf(value) !== definition.type) problems.push({ path: at, message: `must be ${definition.type}` })
        else if (definition.type === 'string' && definition.required && (value as string).trim() === '') problems.push({ path: at, message: 'must not be blank' })
        else if (definition.values) {
          const unknown = (Array.isArray(value) ? value : [value]).find((v) => !definition.values!.includes(v as string))
          if (unknown !== undefined) problems.push({ path: at, message: `unknown value "${String(unknown).slice(0, 40)}": must be one of ${definition.values.join(', ')}` })
        }
      }
      for (const [field, definition] of Object.entries(SERVICE_FIELDS)) {
        if (definition.required && !(field in (service as object))) problems.push({ path: `services[${i}].${field}`, message: 'required' })
      }
    })
  }
  if (typeof record.birthDate === 'string' && !isRealDate(record.birthDate)) {
    problems.push({ path: 'birthDate', message: 'must be a date, YYYY-MM-DD' })
  }
  if (typeOf(record.manualEscalation) === 'object') {
    const reason = (record.manualEscalation as { reason?: unknown }).reason
    if (typeof reason !== 'string') problems.push({ path: 'manualEscalation.reason', message: 'must be string' })
    else if (reason.trim() === '') problems.push({ path: 'manualEscalation.reason', message: 'must not be blank: say why the case goes to the intake group' })
  }
  return problems
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

function distinctCount(values: string[]): number {
  return new Set(values).size
}

/**
 * The facts a case rule set is evaluated on: the registered ones with defaults, plus the
 * derived ones, at `now` (Norway's date). Throws SAMFLYT_VALIDATION listing every problem.
 */
export function deriveCaseFacts(input: CaseFacts, now: Date): DerivedCaseFacts {
  const problems = checkCaseFacts(input)
  if (problems.length) throw new SamflytError('SAMFLYT_VALIDATION', 'The case facts are not valid', problems)

  const services = input.services ?? []
  const evaluationDate = osloDate(now)
  let birthDate: string | null = null
  let age: number | null = null
  if (input.birthDate) {
    birthDate = input.birthDate
    age = ageAt(birthDate, evaluationDate)
  } else if (input.identityNumber) {
    // Whether test numbers are acceptable was decided when the case was registered; here
    // only the birth date matters, and it reads the same for every kind.
    const identity = validateIdentityNumber(input.identityNumber, { now, allowSynthetic: true })
    if (!identity.valid) {
      throw new SamflytError('SAMFLYT_VALIDATION', 'The case facts are not valid', [{ path: 'identityNumber', message: identity.reason }])
    }
    birthDate = identity.birthDate
    age = identity.age
  }

  const longTermServices = services.filter((s) => s.longTerm === true)
  const coordinatedServices = services.filter((s) => s.coordinated === true)
  const sectors = [...new Set(services.map((s) => s.sector))].sort()
  const hasArea = (area: string) => services.some((s) => s.areas?.includes(area) ?? false)
  const reason = input.manualEscalation?.reason.trim() ?? ''

  return {
    identityNumber: input.identityNumber ? maskIdentityNumber(input.identityNumber) : null,
    services,
    mentalHealthNeeds: input.mentalHealthNeeds ?? false,
    substanceUseNeeds: input.substanceUseNeeds ?? false,
    responsibilityDisputed: input.responsibilityDisputed ?? false,
    manualEscalation: input.manualEscalation ?? null,
    consentStatus: input.consentStatus ?? (input.consentGiven === true ? 'given' : 'missing'),
    consentGiven: input.consentGiven ?? input.consentStatus === 'given',
    ipDeclined: input.ipDeclined ?? false,
    childHasSeriousCondition: input.childHasSeriousCondition ?? false,
    expectingChild: input.expectingChild ?? false,
    complex: input.complex ?? false,
    needsChildCoordinator: input.needsChildCoordinator ?? false,
    coordinatorWish: input.coordinatorWish ?? null,
    intakeGroupCoordinator: input.intakeGroupCoordinator ?? null,
    needsLongTermHealthServices: input.needsLongTermHealthServices ?? longTermServices.some((s) => s.sector === HEALTH_SECTOR),
    needsOtherWelfareServices:
      input.needsOtherWelfareServices ?? services.some((s) => (WELFARE_SECTORS as readonly string[]).includes(s.sector)),
    longTermNeeds: input.longTermNeeds ?? longTermServices.length > 0,
    coordinatedNeeds: input.coordinatedNeeds ?? distinctCount(coordinatedServices.map((s) => s.provider)) >= 2,
    evaluationDate,
    birthDate,
    age,
    childUnder18: age !== null && age < 18,
    serviceCount: services.length,
    longTermServiceCount: longTermServices.length,
    coordinatedServiceCount: coordinatedServices.length,
    sectors,
    sectorCount: sectors.length,
    providerCount: distinctCount(services.map((s) => s.provider)),
    ropNeeds: (input.mentalHealthNeeds === true || hasArea('mental-health')) && (input.substanceUseNeeds === true || hasArea('substance-use')),
    manuallyEscalated: reason.length > 0,
  }
}
