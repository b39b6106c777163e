// Intake (mottak): an enquiry from any channel becomes a case. Everything is validated first and
// every problem reported at once; then the person, guardians, case and consent are written and
// the KE process started (the case id its business key) in one transaction, which runs the
// process on to the caseworker's registration task: from an enquiry to a task in one commit.
//
// Duplicates: the person's row is locked while the case is written, so of two enquiries about
// one person arriving together the second sees the first. An enquiry about a person with an
// open case is linked to that case (status "linked", duplicateOf in its process); its process
// records the link and ends. This is the one duplicate check: cases are made nowhere else.
import type { Sql } from '../db/connect.js'
import { SamflytError, type ErrorDetail } from '../errors.js'
import type { Engine } from '../engine/engine.js'
import { definitionRef } from '../engine/store/definitions.js'
import { checkCaseFacts, type CaseFacts } from '../rules/index.js'
import { validateIdentityNumber } from './identity.js'
import { addGuardians, upsertPerson, type GuardianInput, type PersonInput } from './people.js'
import { caseReference, insertCase, nextCaseId, openCaseOf, type CaseRow } from './cases.js'
import { insertConsent, type ConsentAnswer } from './consents.js'
import { coordinatorOptions, getCoordinator } from './coordinators.js'
import { deadlinesFor, osloDate } from './deadlines.js'
import { processVariables } from './variables.js'
import { AGE_OF_CONSENT, KE_PROCESS_ID, type Channel, type Language, type SenderRole } from './types.js'

export interface IntakeInput {
  channel: Channel
  /** YYYY-MM-DD; default today (Norway). */
  receivedOn?: string | undefined
  person: PersonInput
  guardians?: GuardianInput[] | undefined
  sender?: { role?: SenderRole | undefined; name?: string | undefined; organisation?: string | undefined } | undefined
  summary?: string | undefined
  /** The registered case facts (services, needs); the identity number comes from `person`. */
  facts?: CaseFacts | undefined
  /** Consent given or refused with the enquiry; absent means it is to be requested. */
  consent?: ConsentAnswer | null | undefined
  /** Letters in bokmål or nynorsk; default the person's language. */
  language?: Language | undefined
  /** The unit handling the case; default the registering user's unit. */
  unit?: string | undefined
}

export interface IntakeOptions {
  /** Accept synthetic test identity numbers (Dolly, Tenor): demo and test installations only. */
  allowSyntheticIdentities: boolean
  now: Date
}

/** Who may send each channel's enquiries, and who sends it when nobody is named. */
const SENDERS: Record<Channel, { allowed: SenderRole[]; default: SenderRole }> = {
  application: { allowed: ['person', 'guardian', 'parent'], default: 'person' },
  'health-personnel-notice': { allowed: ['health-personnel'], default: 'health-personnel' },
  'nav-referral': { allowed: ['nav'], default: 'nav' },
  'internal-notice': { allowed: ['internal'], default: 'internal' },
}

interface Checked {
  identity: { kind: string; birthDate: string; age: number | null }
  receivedOn: string
  senderRole: SenderRole
}

/** Every problem with an enquiry, with where it is; identity numbers never appear in a message. */
export function checkIntake(input: IntakeInput, options: IntakeOptions): { problems: ErrorDetail[]; checked?: Checked } {
  const problems: ErrorDetail[] = []
  const validation = { now: options.now, allowSynthetic: options.allowSyntheticIdentities }
  const identity = validateIdentityNumber(input.person.identityNumber, validation)
  if (!identity.valid) problems.push({ path: '/person/identityNumber', message: identity.reason })
  input.guardians?.forEach((guardian, i) => {
    if (guardian.identityNumber === undefined) return
    const result = validateIdentityNumber(guardian.identityNumber, validation)
    if (!result.valid) problems.push({ path: `/guardians/${i}/identityNumber`, message: result.reason })
  })

  const today = osloDate(options.now)
  const receivedOn = input.receivedOn ?? today
  if (receivedOn > today) problems.push({ path: '/receivedOn', message: `cannot be after today (${today})` })

  const senders = SENDERS[input.channel]
  const senderRole = input.sender?.role ?? senders.default
  if (!senders.allowed.includes(senderRole)) {
    problems.push({ path: '/sender/role', message: `a ${input.channel} is sent by ${senders.allowed.join(' or ')}, not ${senderRole}` })
  }

  if (input.facts !== undefined) {
    if ('identityNumber' in input.facts) problems.push({ path: '/facts/identityNumber', message: 'give the identity number in /person, not among the facts' })
    if ('birthDate' in input.facts) problems.push({ path: '/facts/birthDate', message: 'the birth date is read from the identity number in /person' })
    const { identityNumber: _ignored, birthDate: _derived, ...facts } = input.facts
    for (const problem of checkCaseFacts(facts)) problems.push({ path: `/facts/${problem.path}`, message: problem.message })
  }

  const consent = input.consent
  if (consent && identity.valid) {
    const givenBy = consent.givenBy ?? 'person'
    if (givenBy === 'person' && identity.age !== null && identity.age < AGE_OF_CONSENT) {
      problems.push({ path: '/consent/givenBy', message: `the person is under ${AGE_OF_CONSENT}: a parent or guardian consents on their behalf (pasient- og brukerrettighetsloven § 4-4)` })
    }
    if (!consent.consentGiven && consent.scope?.length) {
      problems.push({ path: '/consent/scope', message: 'a refused consent covers nothing: leave out the scope' })
    }
    if (givenBy !== 'person' && !input.guardians?.some((g) => g.mayConsent)) {
      problems.push({ path: '/consent/givenBy', message: 'consent from a parent or guardian needs a guardian registered with mayConsent: true' })
    }
  }

  if (problems.length > 0 || !identity.valid) return { problems }
  return { problems, checked: { identity: { kind: identity.kind, birthDate: identity.birthDate, age: identity.age }, receivedOn, senderRole } }
}

export interface IntakeResult {
  case: CaseRow
  /** The open case this enquiry was linked to, when it is a duplicate. */
  linkedTo: { id: string; reference: string } | null
}

/**
 * Registers an enquiry and starts its process, in one transaction: the case never exists
 * without its process, nor the process without its case. Throws SAMFLYT_VALIDATION listing
 * every problem.
 */
export async function intake(sql: Sql, engine: Engine, input: IntakeInput, actor: { username: string; unit: string | null }, options: IntakeOptions): Promise<IntakeResult> {
  const { problems, checked } = checkIntake(input, options)
  if (!checked) throw new SamflytError('SAMFLYT_VALIDATION', `The enquiry is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
  const wish = input.facts?.coordinatorWish
  if (wish !== undefined && wish !== null) {
    const coordinator = /^[0-9]{1,18}$/.test(wish) ? await getCoordinator(sql, wish) : undefined
    if (!coordinator?.active) {
      const problem = { path: '/facts/coordinatorWish', message: 'is not an active coordinator in the register: give the register id (GET /api/coordinators)' }
      throw new SamflytError('SAMFLYT_VALIDATION', `The enquiry is not valid: ${problem.path}: ${problem.message}`, [problem])
    }
  }
  return engine.transact(actor.username, async (session, tx) => {
    // Queries that do not wait for each other go out together (one write, one round trip): a
    // dozen statements per enquiry, and on a busy server each round trip counts.
    // The person's row stays locked until commit (insert or update both lock it): two enquiries
    // about one person at once are handled one after the other, so the second sees the first.
    const [person, definition, id, options] = await Promise.all([
      upsertPerson(tx, { ...input.person, language: input.person.language ?? input.language }, checked.identity),
      // The latest version, as engine.startInstance would take it (a light row, not the XML).
      definitionRef(tx, KE_PROCESS_ID),
      nextCaseId(tx),
      // The registration form offers the person's coordinator wish from the register.
      coordinatorOptions(tx),
    ])
    if (!definition) throw new SamflytError('SAMFLYT_NOT_READY', `The KE process (${KE_PROCESS_ID}) is not deployed; deploy processes/ first`)
    const [open] = await Promise.all([openCaseOf(tx, person.id), input.guardians?.length ? addGuardians(tx, person.id, input.guardians) : undefined])
    const draft = {
      id,
      reference: caseReference(checked.receivedOn, id),
      personId: person.id,
      channel: input.channel,
      senderRole: checked.senderRole,
      senderName: input.sender?.name ?? null,
      senderOrganisation: input.sender?.organisation ?? null,
      receivedOn: checked.receivedOn,
      ...deadlinesFor(checked.receivedOn),
      unit: input.unit ?? actor.unit ?? 'KE',
      language: input.language ?? person.language,
      summary: input.summary ?? null,
      facts: input.facts ?? {},
      linkedCaseId: open?.id ?? null,
      createdBy: actor.username,
    }
    const variables = {
      ...processVariables(draft, {
        name: input.person.name,
        birthDate: checked.identity.birthDate,
        representedByParent: checked.identity.age !== null && checked.identity.age < AGE_OF_CONSENT,
      }, input.consent ?? null),
      ...(open ? {} : { coordinatorOptions: options }),
    }
    // The process first (the case id is its business key), then the case with its instance.
    const instanceKey = await session.start({ definition, variables, businessKey: id })
    const [row] = await Promise.all([insertCase(tx, { ...draft, instanceKey }), insertConsent(tx, id, input.consent ?? null, actor.username)])
    return { case: row, linkedTo: open ? { id: open.id, reference: open.reference } : null }
  })
}
