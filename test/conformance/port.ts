// What the conformance runner needs from an engine. Small on purpose: the embedded engine
// implements it here, and the Camunda 8 adapter will implement it against Zeebe, so the same
// scenarios judge both.
import type { Variables } from '../../src/engine/types.js'

export interface Resource {
  name: string
  xml: string
}

export interface ConformancePort {
  /** Forget every earlier scenario's instances, subscriptions, timers and buffered messages. */
  reset(): Promise<void>
  deploy(resources: Resource[]): Promise<void>
  /** Starts an instance by its none start event; returns its key. */
  start(processId: string, variables: Variables): Promise<string>
  /** Acts on the open job (or user task) of `elementId` in the tree of instance `root`; `nth` picks among several, oldest first. */
  completeJob(root: string, elementId: string, variables: Variables, nth?: number): Promise<void>
  failJob(root: string, elementId: string, retries: number, errorMessage: string): Promise<void>
  throwError(root: string, elementId: string, errorCode: string, errorMessage: string): Promise<void>
  completeUserTask(root: string, elementId: string, variables: Variables, nth?: number): Promise<void>
  publishMessage(message: { name: string; correlationKey: string; variables?: Variables; timeToLiveMs?: number }): Promise<void>
  /** Moves the engine clock forward and lets every timer due by then fire. */
  advanceClock(ms: number): Promise<void>
  cancel(instanceKey: string): Promise<void>
  resolveIncidents(root: string): Promise<void>
  setVariables(instanceKey: string, variables: Variables): Promise<void>
  /** Stops the engine and starts a new one on the same database (what survives is what was stored). */
  restart(): Promise<void>

  /** Element ids completed, in order, in this instance (not its children). */
  completedElements(instanceKey: string): Promise<string[]>
  variables(instanceKey: string): Promise<Variables>
  status(instanceKey: string): Promise<'active' | 'completed' | 'cancelled'>
  /** Live element ids, sorted. */
  activeElements(instanceKey: string): Promise<string[]>
  /** Open incidents in the tree: their element ids and types. */
  incidents(root: string): Promise<{ elementId: string; type: string }[]>
  /** Instances of a process, oldest first (children, or instances started by timers or messages). */
  instancesOf(processId: string): Promise<string[]>
  close(): Promise<void>
}
