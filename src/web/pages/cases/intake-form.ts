// The one door's form as data: what a caseworker has typed, the checks made before sending (the
// identity number by the server's own rules, from src/shared), the request body for
// POST /api/cases, and the server's problems put back at their fields.
import type { paths } from '../../api/client.js'
import type { ErrorDetail } from '../../api/client.js'
import type { MessageKey, Translate } from '../../i18n/index.js'
import { validateIdentityNumber } from '../../../shared/identity.js'

export type IntakeBody = paths['/api/cases']['post']['requestBody']['content']['application/json']
export type Channel = IntakeBody['channel']
export type Relation = NonNullable<IntakeBody['guardians']>[number]['relation']
export type Answerer = 'person' | 'parent' | 'guardian'

export const CHANNELS: Channel[] = ['application', 'health-personnel-notice', 'nav-referral', 'internal-notice']
export const APPLICANTS: Answerer[] = ['person', 'parent', 'guardian']
export const RELATIONS: Relation[] = ['parent', 'guardian', 'next-of-kin']

export interface GuardianDraft {
  /** Stable per row, for field ids and React keys. */
  key: number
  name: string
  relation: Relation
  identityNumber: string
  phone: string
  email: string
  mayConsent: boolean
}

export interface IntakeDraft {
  channel: Channel
  /** Who applies, for an application (the other channels have one sender each). */
  applicant: Answerer
  senderName: string
  senderOrganisation: string
  receivedOn: string
  identityNumber: string
  name: string
  address: string
  postalCode: string
  city: string
  phone: string
  email: string
  language: 'nb' | 'nn'
  guardians: GuardianDraft[]
  summary: string
  consent: 'missing' | 'given' | 'refused'
  consentGivenBy: Answerer
  ipDeclined: boolean
}

export const emptyDraft = (today: string, language: 'nb' | 'nn'): IntakeDraft => ({
  channel: 'application', applicant: 'person', senderName: '', senderOrganisation: '', receivedOn: today,
  identityNumber: '', name: '', address: '', postalCode: '', city: '', phone: '', email: '', language,
  guardians: [], summary: '', consent: 'missing', consentGivenBy: 'person', ipDeclined: false,
})

export const emptyGuardian = (key: number): GuardianDraft => ({ key, name: '', relation: 'parent', identityNumber: '', phone: '', email: '', mayConsent: false })

/** Field ids: each input's id, so the error summary links to it. */
export const guardianField = (key: number, field: 'name' | 'identityNumber' | 'email') => `guardian-${key}-${field}`

export interface IdentityRules {
  now: Date
  allowSynthetic: boolean
}

/** The Norwegian message for an identity number, or null when it is valid. Same rules as the server. */
export function identityProblem(value: string, rules: IdentityRules, t: Translate): string | null {
  const number = value.replace(/\s/g, '')
  if (number === '') return t('newCase.error.identity.required')
  const result = validateIdentityNumber(number, { now: rules.now, allowSynthetic: rules.allowSynthetic })
  return result.valid ? null : t(`newCase.error.identity.${result.problem}` as MessageKey)
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Every problem with the draft, by field id, in the order the fields come. */
export function checkDraft(draft: IntakeDraft, rules: IdentityRules & { today: string }, t: Translate): Map<string, string> {
  const problems = new Map<string, string>()
  if (!draft.receivedOn) problems.set('receivedOn', t('newCase.error.receivedOnRequired'))
  else if (draft.receivedOn > rules.today) problems.set('receivedOn', t('newCase.error.receivedOnFuture'))
  const identity = identityProblem(draft.identityNumber, rules, t)
  if (identity) problems.set('identityNumber', identity)
  if (!draft.name.trim()) problems.set('name', t('newCase.error.name'))
  if (draft.postalCode.trim() && !/^\d{4}$/.test(draft.postalCode.trim())) problems.set('postalCode', t('newCase.error.postalCode'))
  if (draft.email.trim() && !EMAIL.test(draft.email.trim())) problems.set('email', t('newCase.error.email'))
  draft.guardians.forEach((guardian, i) => {
    const n = i + 1
    if (!guardian.name.trim()) problems.set(guardianField(guardian.key, 'name'), t('newCase.error.guardianName', { n }))
    if (guardian.identityNumber.trim()) {
      const problem = identityProblem(guardian.identityNumber, rules, t)
      if (problem) problems.set(guardianField(guardian.key, 'identityNumber'), t('newCase.error.guardianIdentity', { n, message: problem }))
    }
    if (guardian.email.trim() && !EMAIL.test(guardian.email.trim())) problems.set(guardianField(guardian.key, 'email'), t('newCase.error.email'))
  })
  return problems
}

const given = (text: string) => (text.trim() ? text.trim() : undefined)

export function toBody(draft: IntakeDraft): IntakeBody {
  const sender = {
    ...(draft.channel === 'application' ? { role: draft.applicant } : {}),
    ...(given(draft.senderName) ? { name: given(draft.senderName) } : {}),
    ...(given(draft.senderOrganisation) ? { organisation: given(draft.senderOrganisation) } : {}),
  }
  return {
    channel: draft.channel,
    receivedOn: draft.receivedOn,
    person: {
      identityNumber: draft.identityNumber.replace(/\s/g, ''),
      name: draft.name.trim(),
      address: given(draft.address),
      postalCode: given(draft.postalCode),
      city: given(draft.city),
      phone: given(draft.phone),
      email: given(draft.email),
      language: draft.language,
    },
    guardians: draft.guardians.map((g) => ({
      name: g.name.trim(),
      relation: g.relation,
      identityNumber: given(g.identityNumber)?.replace(/\s/g, ''),
      phone: given(g.phone),
      email: given(g.email),
      mayConsent: g.mayConsent,
    })),
    sender,
    summary: given(draft.summary),
    consent: draft.consent === 'missing' ? null : { consentGiven: draft.consent === 'given', ipDeclined: draft.ipDeclined, givenBy: draft.consentGivenBy },
    language: draft.language,
  }
}

/** The server's problems (400 details) at the fields they are about; the rest under `other`. */
export function serverProblems(details: ErrorDetail[], draft: IntakeDraft, t: Translate): Map<string, string> {
  const problems = new Map<string, string>()
  for (const detail of details) {
    const path = detail.path.replace(/^\/body/, '')
    const guardian = /^\/guardians\/(\d+)\/(\w+)/.exec(path)
    const row = guardian ? draft.guardians[Number(guardian[1])] : undefined
    if (row && guardian![2] === 'identityNumber') problems.set(guardianField(row.key, 'identityNumber'), t('newCase.error.guardianIdentity', { n: Number(guardian![1]) + 1, message: t('newCase.error.identity.checksum') }))
    else if (row && guardian![2] === 'name') problems.set(guardianField(row.key, 'name'), t('newCase.error.guardianName', { n: Number(guardian![1]) + 1 }))
    else if (row && guardian![2] === 'email') problems.set(guardianField(row.key, 'email'), t('newCase.error.email'))
    else if (path === '/person/identityNumber') problems.set('identityNumber', t('newCase.error.identity.checksum'))
    else if (path === '/person/name') problems.set('name', t('newCase.error.name'))
    else if (path === '/person/postalCode') problems.set('postalCode', t('newCase.error.postalCode'))
    else if (path === '/person/email') problems.set('email', t('newCase.error.email'))
    else if (path === '/receivedOn') problems.set('receivedOn', t('newCase.error.receivedOnFuture'))
    else if (path === '/consent/givenBy') problems.set('consentGivenBy', t('newCase.error.consentGivenBy'))
    else if (path.startsWith('/sender')) problems.set('channel', t('newCase.error.senderRole'))
    else problems.set(`other:${path}`, t('newCase.error.other', { path }))
  }
  return problems
}
