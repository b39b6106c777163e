// What a case's letters say, built from the case (src/letters renders, stores and sends them):
// the addressee, the rights granted or refused, the facts relied on, the rules' recorded
// reasons, the caseworker's assessment and the appointed coordinator; for an interim reply,
// why the case takes longer and when to expect an answer. In the case's language (nb or nn).
//
// - The addressee is the person, or their guardian: a verge (relation "guardian"), or for a
//   child under 16 a parent (one who may consent first), who acts for the child (pbrl §§ 4-4,
//   3-4): the letter then speaks to the parents ("barnet ditt", "dere"). From 16 a young person
//   consents to health care and is a party in their own right (pbrl § 4-3), and is written to.
//   Next of kin never are. A guardian's own address is not registered, so the letter goes to
//   the person's address.
// - A person with no postal address registered gets the letter in care of the unit (below).
// - A case with nothing to write about (no right decided, no assessment) is a LetterDataError,
//   which the worker turns into an incident for the caseworker.
import type { Sql } from '../db/connect.js'
import type { Contact, DecisionLetterData, InterimReplyData, Language, RightDecision, RuleReason } from '../letters/index.js'
import { localText, type Municipality } from '../letters/municipality.js'
import { deriveCaseFacts, type CaseFacts, type DecisionEvent, type DecisionReason } from '../rules/index.js'
import type { CaseRow } from './cases.js'
import { getConsent } from './consents.js'
import { getCoordinator } from './coordinators.js'
import { ageAt, osloDate } from './identity.js'
import { agendaItemsOfCase } from './meetings.js'
import { getPerson, listGuardians, type GuardianRow, type PersonRow } from './people.js'
import { AGE_OF_CONSENT, type Channel } from './types.js'
import { FACT_WORDS, OUTCOME_WORDS, delayReason } from './letter-words.js'

/** A letter cannot be made from this case until a person fixes it (the message says what). */
export class LetterDataError extends Error {
  override name = 'LetterDataError'
}


/** The letter's shared parts: the person, who it goes to, and the caseworker who signs it. */
async function parties(sql: Sql, found: CaseRow, signer: string | null, municipality: Municipality, today: string) {
  const person = await getPerson(sql, found.personId)
  if (!person) throw new LetterDataError(`Case ${found.reference} has no person`)
  const guardian = addresseeGuardian(person, await listGuardians(sql, found.personId), today)
  const identityNumber = guardian ? (guardian.identityNumber ?? undefined) : person.identityNumber
  return {
    person,
    shared: {
      language: found.language,
      caseReference: found.reference,
      date: today,
      person: { name: person.name },
      addressee: {
        name: guardian?.name ?? person.name,
        ...postalAddress(person, found.language, municipality),
        role: guardian ? (guardian.relation === 'parent' ? ('parent' as const) : ('guardian' as const)) : ('person' as const),
        ...(identityNumber ? { identityNumber } : {}),
      },
      caseworker: await signerContact(sql, signer, found.language, municipality),
    },
  }
}

/**
 * The person's postal address. Without one (an enquiry need not give it), the letter goes in
 * care of the coordinating unit, which hands it over or forwards it; digital delivery goes
 * by the identity number all the same, and the approver sees the c/o in the draft.
 */
function postalAddress(person: PersonRow, language: Language, municipality: Municipality) {
  if (person.postalCode && person.city) {
    return { addressLines: (person.address ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean), postalCode: person.postalCode, postalTown: person.city }
  }
  return { addressLines: [`c/o ${localText(municipality.unit, language)}`, ...municipality.address], postalCode: municipality.postalCode, postalTown: municipality.postalTown }
}

export function addresseeGuardian(person: Pick<PersonRow, 'birthDate'>, guardians: GuardianRow[], today: string): GuardianRow | undefined {
  const age = ageAt(person.birthDate, today)
  const child = age === null || age < AGE_OF_CONSENT
  const eligible = guardians.filter((g) => g.relation === 'guardian' || (child && g.relation === 'parent'))
  return eligible.find((g) => g.mayConsent) ?? eligible[0]
}

/** The caseworker's name as users see it ("Kari Nordmann", without the role in brackets); else the unit. */
async function signerContact(sql: Sql, username: string | null, language: Language, municipality: Municipality): Promise<Contact> {
  const [user] = username ? await sql<{ displayName: string }[]>`select display_name as "displayName" from users where username = ${username}` : []
  const name = user?.displayName.replace(/\s*\([^)]*\)\s*$/, '').trim()
  return { name: name || localText(municipality.unit, language) }
}

/** An event saying there is no right (`individual-plan-no-right`, `child-coordinator-ended`, `-not-relevant`). */
const NO_RIGHT = /-(no-right|ended|not-relevant)$/

/**
 * The latest recorded reasons of each rule set, in the order asked for. A right's rule set is
 * quoted only when the caseworker's outcome agrees with it: where they decided otherwise, their
 * own assessment gives the reasons, and the letter must not argue against itself.
 */
async function ruleReasons(sql: Sql, instanceKey: string | null, wanted: { ruleSetId: string; outcome?: 'granted' | 'refused' }[]): Promise<RuleReason[]> {
  if (!instanceKey || wanted.length === 0) return []
  const rows = await sql<{ ruleSetId: string; events: DecisionEvent[]; reasons: DecisionReason[] }[]>`
    select distinct on (rule_set_id) rule_set_id as "ruleSetId", events, reasons from decisions
    where process_instance_key = ${instanceKey} and rule_set_id = any(${wanted.map((w) => w.ruleSetId)})
    order by rule_set_id, id desc`
  return wanted.flatMap(({ ruleSetId, outcome }) => {
    const row = rows.find((r) => r.ruleSetId === ruleSetId)
    if (!row) return []
    const rulesRefuse = row.events.some((event) => NO_RIGHT.test(event.type))
    if (outcome && (outcome === 'refused') !== rulesRefuse) return []
    return row.reasons.map((r) => ({ rule: r.rule, reason: r.reason, reasonNn: r.reasonNn, law: r.law, reasonParent: r.reasonParent, reasonParentNn: r.reasonParentNn }))
  })
}

const RIGHTS = [
  { key: 'individualPlan', right: 'individual-plan', ruleSet: 'individual-plan' },
  { key: 'coordinator', right: 'coordinator', ruleSet: 'coordinator' },
  { key: 'childCoordinator', right: 'child-coordinator', ruleSet: 'child-coordinator' },
] as const

export interface AssessmentText {
  /** The caseworker's assessment (forms/assessment.form `assessment`). */
  assessment: string | null
  /** The reasons for the decision, written to be quoted (`reasons`). */
  reasons: string | null
}

/** The decision letter's data, signed by the caseworker who decided. */
export async function decisionLetterData(sql: Sql, found: CaseRow, text: AssessmentText, now: Date, municipality: Municipality): Promise<DecisionLetterData> {
  const today = osloDate(now)
  const l = found.language
  const rights = found.rights ?? {}
  const decisions: RightDecision[] = RIGHTS.flatMap(({ key, right }) => {
    const outcome = rights[key]
    return outcome === 'granted' || outcome === 'refused' ? [{ right, outcome }] : []
  })
  if (!found.decision || decisions.length === 0) {
    throw new LetterDataError(`Sak ${found.reference} har ikke noe vedtak om individuell plan, koordinator eller barnekoordinator å skrive brev om. / Case ${found.reference} has no right granted or refused.`)
  }
  const { person, shared } = await parties(sql, found, found.decidedBy ?? found.createdBy, municipality, today)
  const assessment = [...new Set([text.assessment, text.reasons ?? found.decisionReason].filter((t): t is string => !!t?.trim()))].join('\n\n')
  if (!assessment) throw new LetterDataError(`Sak ${found.reference} har ingen vurdering eller begrunnelse fra saksbehandleren. / The case has no assessment to quote.`)
  const reasons = await ruleReasons(sql, found.instanceKey, [
    { ruleSetId: 'complexity' },
    ...decisions.map((d) => ({ ruleSetId: RIGHTS.find((r) => r.right === d.right)!.ruleSet, outcome: d.outcome })),
  ])
  return {
    kind: 'decision',
    ...shared,
    decisions,
    facts: await factsRelied(sql, found, person, now, shared.addressee.role === 'parent'),
    ruleReasons: reasons,
    assessment,
    coordinator: await coordinatorContact(sql, found, l, municipality, shared.addressee.role === 'parent'),
  }
}

/** The appointed coordinator; a coordinator granted without consent to appoint one yet: the unit, which appoints when consent is given. */
async function coordinatorContact(sql: Sql, found: CaseRow, l: Language, municipality: Municipality, toParent: boolean): Promise<Contact | null> {
  // One appointed in an earlier round, before a letter was sent back and the right refused, is not named.
  const granted = found.rights?.coordinator === 'granted' || found.rights?.childCoordinator === 'granted'
  if (!granted) return null
  if (found.coordinatorId) {
    const c = await getCoordinator(sql, found.coordinatorId)
    if (c) return { name: c.name, unit: c.unit, phone: c.phone ?? undefined, email: c.email ?? undefined }
  }
  const consent = await getConsent(sql, found.id)
  const words = OUTCOME_WORDS[l]
  const unit = localText(municipality.unit, l)
  const name = consent?.status === 'refused' ? words.coordinatorAfterRefusal(unit, toParent) : words.coordinatorNotYetAppointed(unit, toParent)
  return { name, phone: municipality.phone, email: municipality.email }
}

/** The facts relied on, in the letter's language: the registered needs and what the rules derived from them. */
async function factsRelied(sql: Sql, found: CaseRow, person: PersonRow, now: Date, toParent: boolean): Promise<{ label: string; value: string }[]> {
  const w = FACT_WORDS[found.language]
  const facts = deriveCaseFacts({ ...(found.facts as CaseFacts), birthDate: person.birthDate }, now)
  const consent = await getConsent(sql, found.id)
  // Only a meeting that has been held, and whose outcome was recorded at or after it.
  const meetings = (await agendaItemsOfCase(sql, found.id)).filter((item) => item.recordedAt && item.recordedAt >= item.startsAt && item.startsAt <= now)
  const rows: [string, string | null][] = [
    [w.received, `${formatDay(found.receivedOn)} (${w.channel[found.channel as Channel]})`],
    [w.age, facts.age === null ? null : `${facts.age} år`],
    [w.services, facts.services.map((s) => `${s.name} (${s.provider})`).join(', ') || null],
    [w.sectors, facts.sectors.map((s) => w.sector[s] ?? s).join(', ') || null],
    [w.longTerm, facts.longTermNeeds ? w.yes : w.no],
    [w.coordinated, facts.coordinatedNeeds ? w.yes : w.no],
    [w.rop, facts.ropNeeds ? w.ropValue : null],
    [w.disputed, facts.responsibilityDisputed ? w.disputedValue : null],
    [w.childCondition, facts.childHasSeriousCondition ? w.childConditionValue : null],
    [w.consent, consent ? w.consentStatus(consent.status, toParent) : null],
    [w.ipDeclined, consent?.status !== 'refused' && (found.rights?.individualPlan === 'declined' || consent?.ipDeclined || found.ipPartClosed) ? w.ipDeclinedValue(toParent) : null],
    [w.sharing, found.sharingBasis ? w.sharingValue[found.sharingBasis] : null],
    [w.intakeGroup, meetings.length ? w.intakeGroupValue(formatDay(osloDate(meetings.at(-1)!.startsAt))) : null],
  ]
  return rows.filter((row): row is [string, string] => row[1] !== null).map(([label, value]) => ({ label, value }))
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']
/** "3. desember 2026" (the same in bokmål and nynorsk). */
const formatDay = (day: string) => `${Number(day.slice(8, 10))}. ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`

/** The interim reply's data (fvl. § 11 a): why the case is not answered yet, and by when it will be. */
export async function interimReplyData(sql: Sql, found: CaseRow, expectedBy: string, now: Date, municipality: Municipality): Promise<InterimReplyData> {
  const today = osloDate(now)
  const signer = found.instanceKey ? await latestActor(sql, found.instanceKey) : null
  const { shared } = await parties(sql, found, signer ?? found.createdBy, municipality, today)
  const meeting = (await agendaItemsOfCase(sql, found.id)).find((item) => !item.recordedAt && item.startsAt >= now)
  return {
    kind: 'interim-reply',
    ...shared,
    receivedDate: found.receivedOn,
    delayReason: delayReason(found.language, found.status, meeting ? formatDay(osloDate(meeting.startsAt)) : null, shared.addressee.role === 'parent'),
    expectedBy,
  }
}

/** Who last completed a task in the case: the caseworker who has it now. */
async function latestActor(sql: Sql, instanceKey: string): Promise<string | null> {
  const [row] = await sql<{ completedBy: string }[]>`
    select completed_by as "completedBy" from user_tasks
    where instance_key = ${instanceKey} and state = 'completed' and completed_by is not null
    order by key desc limit 1`
  return row?.completedBy ?? null
}
