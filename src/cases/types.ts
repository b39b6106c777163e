// The KE domain's types. Terms (see docs/domain.md for the Norwegian words and the law):
//
//   enquiry        what arrives at the KE (søknad, melding, henvisning); every enquiry is a case row
//   case           one enquiry and what the KE does with it (sak), driven by one `ke-sak` process
//                  instance whose business key is the case id
//   channel        how the enquiry came: an application, a notice from health personnel
//                  (helsepersonelloven § 38 a), a NAV referral, an internal notice
//   person         who the case is about (in a child-coordinator case, the child)
//   guardian       a parent, guardian (verge) or next of kin; some may consent for the person
//   consent        samtykke (pbrl chapter 4): missing, requested, then given or refused, with a scope
//   sharing basis  what allows a case's information to go to the intake group (consent, another
//                  legal basis, anonymous discussion) or none, when the KE handles it alone
//   route          simple (the caseworker assesses) or complex (the intake group takes it)
//   duplicate      an enquiry about a person who already has an open case: linked, not opened twice
//   coordinator    koordinator or barnekoordinator, from the KE's register
//   intake group   tverretatlig mottaksgruppe, meeting on a schedule with an agenda of cases
//   interim reply  foreløpig svar (forvaltningsloven § 11 a), due when a case is not answered in a month
//   access log     every read of a case: who, when, and why

export const CHANNELS = ['application', 'health-personnel-notice', 'nav-referral', 'internal-notice'] as const
export type Channel = (typeof CHANNELS)[number]

export const SENDER_ROLES = ['person', 'guardian', 'parent', 'health-personnel', 'nav', 'internal'] as const
export type SenderRole = (typeof SENDER_ROLES)[number]

export const CASE_STATUSES = [
  'received', 'registered', 'awaiting-consent', 'assessment', 'intake-group',
  'coordinator-appointment', 'decision-letter', 'closed', 'withdrawn', 'linked',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
/** A case in one of these is finished: a new enquiry about the same person opens a new case. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn', 'linked']

export type Route = 'simple' | 'complex'
export type Language = 'nb' | 'nn'
export type Decision = 'granted' | 'refused'
export const GUARDIAN_RELATIONS = ['parent', 'guardian', 'next-of-kin'] as const
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number]
export const CONSENT_STATUSES = ['missing', 'requested', 'given', 'refused'] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]
/** What a consent covers (forms/consent.form consentScope). */
export const CONSENT_SCOPES = ['individual-plan', 'coordinator', 'information-sharing'] as const
export type ConsentScope = (typeof CONSENT_SCOPES)[number]
/**
 * On what basis a complex case's information goes to the intake group and the agencies
 * involved: the person's consent to share, another legal basis the caseworker names
 * (helsepersonelloven § 21 ff., forvaltningsloven § 13), anonymous discussion, or none: then
 * the KE handles the case alone.
 */
export const SHARING_BASES = ['consent', 'legal-basis', 'anonymous', 'none'] as const
export type SharingBasis = (typeof SHARING_BASES)[number]
/** Below this age a parent or guardian consents and acts for the person (pbrl §§ 4-3, 4-4). */
export const AGE_OF_CONSENT = 16

/** The BPMN process every case runs (processes/ke-sak.bpmn). */
export const KE_PROCESS_ID = 'ke-sak'
/** The message that withdraws a case, correlated by the case id. */
export const WITHDRAWAL_MESSAGE = 'ke-withdrawn'

export const CHANNEL_NAMES: Record<Channel, string> = {
  application: 'Søknad',
  'health-personnel-notice': 'Melding fra helsepersonell (helsepersonelloven § 38 a)',
  'nav-referral': 'Henvisning fra NAV',
  'internal-notice': 'Intern melding',
}
