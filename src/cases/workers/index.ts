// The workers for every service-task type in processes/ke-sak.bpmn, one per file, in one typed
// map. A task type with no worker here (or in the rules layer, for `rules:<id>`) fails the
// consistency test, never silently at run time.
import type { Sql } from '../../db/connect.js'
import type { Engine } from '../../engine/engine.js'
import type { Worker } from '../../engine/executor/worker.js'
import type { CaseJobHandler, CaseWorkerContext } from './case-job.js'
import { linkDuplicate } from './link-duplicate.js'
import { updateRegistration } from './update-registration.js'
import { requestConsent } from './request-consent.js'
import { consentReminder } from './consent-reminder.js'
import { recordConsent } from './record-consent.js'
import { closeIpPart } from './close-ip-part.js'
import { recordAssessment } from './record-assessment.js'
import { putOnAgenda } from './put-on-agenda.js'
import { notifyAgencies } from './notify-agencies.js'
import { recordIntakeOutcome } from './record-intake-outcome.js'
import { recordDecision } from './record-decision.js'
import { loadCandidates } from './load-candidates.js'
import { appointCoordinator } from './appoint-coordinator.js'
import { decisionLetter } from './decision-letter.js'
import { sendInterimReply } from './interim-reply.js'
import { escalateOverdue } from './escalate-overdue.js'
import { recordWithdrawal } from './record-withdrawal.js'
import { closeCase } from './close-case.js'
import { escalateToIntakeGroup } from './escalate-to-intake-group.js'
import { checkSharing } from './check-sharing.js'
import { handleAlone } from './handle-alone.js'

export const CASE_WORKERS = {
  'ke-link-duplicate': linkDuplicate,
  'ke-update-registration': updateRegistration,
  'ke-request-consent': requestConsent,
  'ke-consent-reminder': consentReminder,
  'ke-record-consent': recordConsent,
  'ke-close-ip-part': closeIpPart,
  'ke-record-assessment': recordAssessment,
  'ke-put-on-agenda': putOnAgenda,
  'ke-notify-agencies': notifyAgencies,
  'ke-record-intake-outcome': recordIntakeOutcome,
  'ke-record-decision': recordDecision,
  'ke-load-candidates': loadCandidates,
  'ke-appoint-coordinator': appointCoordinator,
  'ke-decision-letter': decisionLetter,
  'ke-interim-reply': sendInterimReply,
  'ke-escalate-overdue': escalateOverdue,
  'ke-record-withdrawal': recordWithdrawal,
  'ke-close-case': closeCase,
  'ke-escalate-to-intake-group': escalateToIntakeGroup,
  'ke-check-sharing': checkSharing,
  'ke-handle-alone': handleAlone,
} as const satisfies Record<string, CaseJobHandler>

export type CaseTaskType = keyof typeof CASE_WORKERS

const registered = new WeakMap<Engine, Worker[]>()

/**
 * Starts a worker for every KE task type on this engine (once; they stop with the engine).
 * The letter steps need `letters`; without it they end in an incident saying so.
 */
export function registerCaseWorkers(engine: Engine, sql: Sql, services: Pick<CaseWorkerContext, 'letters'> = {}): Worker[] {
  const existing = registered.get(engine)
  if (existing) return existing
  const ctx: CaseWorkerContext = { sql, engine, letters: services.letters ?? null }
  const workers = Object.entries(CASE_WORKERS).map(([type, handler]) => engine.worker(type, (job) => handler(job, ctx)))
  registered.set(engine, workers)
  return workers
}
