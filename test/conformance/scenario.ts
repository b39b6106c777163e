// A conformance scenario: BPMN, a script of commands, and what must be true at the end. Written
// from Zeebe's documented semantics, so that the embedded engine and Camunda 8 answer alike.
import type { Variables } from '../../src/engine/types.js'

export type Step =
  /** Starts another instance (of `start`, a process id); the first one started is the root the checks look at. */
  | { start: string; variables?: Variables }
  | { completeJob: string; variables?: Variables; nth?: number }
  | { failJob: string; retries: number; message?: string }
  | { throwError: string; code: string; message?: string }
  | { completeUserTask: string; variables?: Variables; nth?: number }
  | { publish: string; correlationKey: string; variables?: Variables; ttl?: string | number }
  /** ISO 8601 duration (PT1H) or milliseconds. */
  | { advance: string | number }
  | { cancel: true }
  | { resolveIncidents: true }
  | { setVariables: Variables }
  | { restart: true }
  /** Deploys more BPMN mid-script (a new version, a missing called process). */
  | { deploy: string }
  /** Checks in the middle of the script. */
  | { expect: Expectation }

export interface Expectation {
  /** Element ids completed in the root instance, in order. */
  trail?: string[]
  /** Live element ids of the root instance, sorted. */
  waitingAt?: string[]
  status?: 'active' | 'completed' | 'cancelled'
  variables?: Variables
  incidents?: { elementId: string; type: string }[]
  /** Per process id: the trails of its instances (children, or started by timer/message), oldest first. */
  instances?: Record<string, { trail?: string[]; status?: 'active' | 'completed' | 'cancelled'; variables?: Variables }[]>
}

export interface Scenario extends Expectation {
  name: string
  /** One or more BPMN files; the first process of the first file is started unless `process` says otherwise. */
  bpmn: string | string[]
  /** The process started before the script runs (default: the first process in the first file). */
  process?: string
  /** Its start variables. */
  input?: Variables
  /** Don't start one: the script starts instances, or timers and messages do. */
  noStart?: boolean
  script: Step[]
  /** Variables of the root instance at the end (exactly). */
  finalVariables?: Variables
}
