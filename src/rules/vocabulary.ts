// The case-fact vocabulary as documentation and schema: each fact's type, where it comes from,
// the values it may take, and what it means, in words a process owner and an auditor can read.
// facts.ts checks and derives facts from this table; the API publishes it in the OpenAPI
// document (caseFactsSchema), and docs/facts.md explains it at length.

export const HEALTH_SECTOR = 'health-and-care'
/** The "other welfare services" of pbrl § 2-5 c (NAV, school, kindergarten, child welfare...). */
export const WELFARE_SECTORS = ['nav', 'school', 'ppt', 'kindergarten', 'child-welfare', 'housing'] as const
/**
 * The sectors a service belongs to: an enumeration, so that "health" and "health-and-care" can
 * never count as two sectors. Municipal and specialist health care are one sector (different
 * providers).
 */
export const SECTORS = [HEALTH_SECTOR, ...WELFARE_SECTORS, 'other'] as const
export type Sector = (typeof SECTORS)[number]

/** Need areas a service covers; mental health and substance use together make ROP. */
export const NEED_AREAS = ['mental-health', 'substance-use', 'somatic', 'rehabilitation', 'learning', 'work', 'housing', 'family', 'other'] as const

/** Consent (pbrl chapter 4): not yet asked, asked and not answered, given, or refused. */
export const CONSENT_STATES = ['missing', 'requested', 'given', 'refused'] as const
export type ConsentState = (typeof CONSENT_STATES)[number]

export type FactType = 'boolean' | 'number' | 'string' | 'array' | 'object'
export interface FactDefinition {
  type: FactType
  /** given: registered on the case; derived: computed here; either: registered, or derived when absent. */
  source: 'given' | 'derived' | 'either'
  nullable?: boolean
  /** For string facts: the only values it may take. */
  values?: readonly string[]
  /** For object facts: the properties a condition's `path` may name. */
  properties?: readonly string[]
  description: string
}

export interface ServiceField {
  type: FactType
  required?: boolean
  values?: readonly string[]
  description: string
}

export const SERVICE_FIELDS: Readonly<Record<string, ServiceField>> = {
  name: { type: 'string', required: true, description: 'What the service is, e.g. "Hjemmesykepleie".' },
  sector: { type: 'string', required: true, values: SECTORS, description: `The sector it belongs to: one of ${SECTORS.join(', ')}. Municipal and specialist health care are both ${HEALTH_SECTOR}.` },
  provider: { type: 'string', required: true, description: 'The unit or agency that delivers it, e.g. "Helse Bergen HF" or "NAV Sentrum".' },
  longTerm: { type: 'boolean', description: 'The need for it is long-term (langvarig).' },
  coordinated: { type: 'boolean', description: "It must be seen together with the person's other services (koordinert)." },
  areas: { type: 'array', values: NEED_AREAS, description: `Need areas it covers: ${NEED_AREAS.join(', ')}; mental-health and substance-use together make ROP.` },
}
