// The case-fact vocabulary: the only fact names a case rule set may use, and how the derived
// ones are computed from what the caseworker registered. A rule set naming anything else is
// refused when it is loaded (a typo must not silently make a rule never fire).
//
// Given facts (registered on the case; every one is optional and defaults as shown):
//   identityNumber         string   the person the case is about; in a child-coordinator case the child
//   services               Service[] the services the person needs (below); default []
//   mentalHealthNeeds      boolean  needs within mental health
//   substanceUseNeeds      boolean  needs within substance use
//   responsibilityDisputed boolean  the involved units disagree about who is responsible
//   manualEscalation       { reason } | null  the caseworker escalated the case by hand, and why
//   consentGiven           boolean  consent from the person or whoever may consent for them (pbrl ch. 4)
//   ipDeclined             boolean  the person has declined an individual plan
//   childHasSeriousCondition boolean the child has a serious illness, injury or disability
//   expectingChild         boolean  the family is expecting a child (known condition before birth)
//   complex                boolean  the verdict of the complexity rule set, for rule sets that build on it
//   needsChildCoordinator  boolean  the verdict of the child-coordinator rule set, for coordinator suggestions
//   coordinatorWish        string | null  id of the coordinator the person wishes (register id)
// Given or derived (a registered value wins; when absent it is derived):
//   birthDate       string|null  YYYY-MM-DD; from the identity number when not registered (a
//                                process carries the birth date, not the number: see
//                                src/cases/variables.ts)
// Derived from `services` unless registered:
//   needsLongTermHealthServices  a long-term service in the health-and-care sector
//   needsOtherWelfareServices    a service in NAV, school, PPT, kindergarten, child welfare or housing
//   longTermNeeds                any long-term service
//   coordinatedNeeds             services that must be seen together, from two or more providers
// Derived (always computed; registering them is refused):
//   evaluationDate  YYYY-MM-DD   Norway's date at the evaluation
//   age             number|null  whole years at evaluationDate, from birthDate
//   childUnder18    boolean      age is known and under 18
//   serviceCount, longTermServiceCount, coordinatedServiceCount (services that must be seen together)
//   sectors         string[]     distinct sectors, sorted
//   sectorCount, providerCount   distinct sectors and providers
//   ropNeeds        boolean      mental-health and substance-use needs together (ROP), from the flags or the services
//   manuallyEscalated boolean    manualEscalation with a non-empty reason

import { SamflytError, type ErrorDetail } from '../errors.js'
import { ageAt, maskIdentityNumber, osloDate, validateIdentityNumber } from '../cases/identity.js'

export const HEALTH_SECTOR = 'health-and-care'
/** The "other welfare services" of pbrl § 2-5 c (NAV, school, kindergarten, child welfare...). */
export const WELFARE_SECTORS = ['nav', 'school', 'ppt', 'kindergarten', 'child-welfare', 'housing'] as const
export const SECTORS = [HEALTH_SECTOR, ...WELFARE_SECTORS, 'other'] as const

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
  consentGiven?: boolean
  ipDeclined?: boolean
  childHasSeriousCondition?: boolean
  expectingChild?: boolean
  complex?: boolean
  needsChildCoordinator?: boolean
  coordinatorWish?: string | null
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

export type FactType = 'boolean' | 'number' | 'string' | 'array' | 'object'
export interface FactDefinition {
  type: FactType
  /** given: registered on the case; derived: computed here; either: registered, or derived when absent. */
  source: 'given' | 'derived' | 'either'
  nullable?: boolean
  /** For object facts: the properties a condition's `path` may name. */
  properties?: readonly string[]
}

export const CASE_FACTS: Readonly<Record<keyof DerivedCaseFacts, FactDefinition>> = {
  identityNumber: { type: 'string', source: 'given', nullable: true },
  services: { type: 'array', source: 'given' },
  mentalHealthNeeds: { type: 'boolean', source: 'given' },
  substanceUseNeeds: { type: 'boolean', source: 'given' },
  responsibilityDisputed: { type: 'boolean', source: 'given' },
  manualEscalation: { type: 'object', source: 'given', nullable: true, properties: ['reason'] },
  consentGiven: { type: 'boolean', source: 'given' },
  ipDeclined: { type: 'boolean', source: 'given' },
  childHasSeriousCondition: { type: 'boolean', source: 'given' },
  expectingChild: { type: 'boolean', source: 'given' },
  complex: { type: 'boolean', source: 'given' },
  needsChildCoordinator: { type: 'boolean', source: 'given' },
  coordinatorWish: { type: 'string', source: 'given', nullable: true },
  needsLongTermHealthServices: { type: 'boolean', source: 'either' },
  needsOtherWelfareServices: { type: 'boolean', source: 'either' },
  longTermNeeds: { type: 'boolean', source: 'either' },
  coordinatedNeeds: { type: 'boolean', source: 'either' },
  evaluationDate: { type: 'string', source: 'derived' },
  birthDate: { type: 'string', source: 'either', nullable: true },
  age: { type: 'number', source: 'derived', nullable: true },
  childUnder18: { type: 'boolean', source: 'derived' },
  serviceCount: { type: 'number', source: 'derived' },
  longTermServiceCount: { type: 'number', source: 'derived' },
  coordinatedServiceCount: { type: 'number', source: 'derived' },
  sectors: { type: 'array', source: 'derived' },
  sectorCount: { type: 'number', source: 'derived' },
  providerCount: { type: 'number', source: 'derived' },
  ropNeeds: { type: 'boolean', source: 'derived' },
  manuallyEscalated: { type: 'boolean', source: 'derived' },
}

const SERVICE_FIELDS: Record<string, FactType> = {
  name: 'string', sector: 'string', provider: 'string', longTerm: 'boolean', coordinated: 'boolean', areas: 'array',
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
  }
  const record = input as Record<string, unknown>
  if (Array.isArray(record.services)) {
    record.services.forEach((service: unknown, i) => {
      if (typeOf(service) !== 'object') return problems.push({ path: `services[${i}]`, message: 'must be an object' })
      for (const [field, value] of Object.entries(service as object)) {
        const type = SERVICE_FIELDS[field]
        if (!type) problems.push({ path: `services[${i}].${field}`, message: `unknown service field "${field}"` })
        else if (typeOf(value) !== type) problems.push({ path: `services[${i}].${field}`, message: `must be ${type}` })
      }
      for (const field of ['name', 'sector', 'provider']) {
        if (!(field in (service as object))) problems.push({ path: `services[${i}].${field}`, message: 'required' })
      }
    })
  }
  if (typeof record.birthDate === 'string' && !isRealDate(record.birthDate)) {
    problems.push({ path: 'birthDate', message: 'must be a date, YYYY-MM-DD' })
  }
  if (typeOf(record.manualEscalation) === 'object' && typeof (record.manualEscalation as { reason?: unknown }).reason !== 'string') {
    problems.push({ path: 'manualEscalation.reason', message: 'must be string' })
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
    consentGiven: input.consentGiven ?? false,
    ipDeclined: input.ipDeclined ?? false,
    childHasSeriousCondition: input.childHasSeriousCondition ?? false,
    expectingChild: input.expectingChild ?? false,
    complex: input.complex ?? false,
    needsChildCoordinator: input.needsChildCoordinator ?? false,
    coordinatorWish: input.coordinatorWish ?? null,
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
