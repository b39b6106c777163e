// The variables a KE process instance starts with. The case facts are top-level variables under
// their rule-vocabulary names (services, mentalHealthNeeds, ...), so the `rules:<id>` business-rule
// tasks read them as they are and the forms show and change them by the same keys.
//
// The identity number is not a variable: variables are copied into the history, every task
// and every job, and are kept for good. The rules need only the age (a child-coordinator case
// ends at 18), so the process carries the birth date read from the number at intake, and a
// reference to the person (personId); the full number lives in the people table alone.
import type { Variables } from '../engine/types.js'
import type { CaseRow } from './cases.js'
import { consentScope, type ConsentAnswer } from './consents.js'
import { startOfOsloDay, addDays } from './deadlines.js'

/** The case fields the process starts with (a case about to be inserted has them all). */
export type CaseBasics = Pick<CaseRow, 'id' | 'reference' | 'personId' | 'channel' | 'receivedOn' | 'deadline' | 'interimReplyDue' | 'language' | 'unit' | 'summary' | 'linkedCaseId' | 'facts'>

export function processVariables(row: CaseBasics, person: { name: string; birthDate: string; representedByParent: boolean }, consent: ConsentAnswer | null): Variables {
  return {
    caseId: row.id,
    caseReference: row.reference,
    channel: row.channel,
    // names the registration form (forms/registration.form) shows and edits
    receivedDate: row.receivedOn,
    personName: person.name,
    description: row.summary,
    deadline: row.deadline,
    interimReplyDue: row.interimReplyDue,
    // Timer due instants: the start of the day in Norway. Overdue is the day after the deadline.
    interimReplyAt: startOfOsloDay(row.interimReplyDue).toISOString(),
    overdueAt: startOfOsloDay(addDays(row.deadline, 1)).toISOString(),
    language: row.language,
    unit: row.unit,
    // A notice from health personnel is to be followed up "as soon as possible" (hpl § 38 a).
    priority: row.channel === 'health-personnel-notice' ? 80 : 50,
    duplicateOf: row.linkedCaseId,
    personId: row.personId,
    birthDate: person.birthDate,
    consentStatus: consent === null ? 'missing' : consent.consentGiven ? 'given' : 'refused',
    consentGiven: consent?.consentGiven ?? false,
    ipDeclined: consent?.ipDeclined ?? false,
    // consent to a coordinator: given with the enquiry, or in the consent form's scope
    coordinatorConsent: consentScope(consent).includes('coordinator'),
    // consent to share information with the intake group and the agencies involved
    sharingConsent: consentScope(consent).includes('information-sharing'),
    // an under-16's case is spoken to the parents (letters, texts): AGE_OF_CONSENT
    representedByParent: person.representedByParent,
    ...(row.facts as Variables),
  }
}
