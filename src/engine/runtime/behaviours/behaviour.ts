// The shape of one element behaviour. The lifecycle around it (input mappings,
// output mappings, taking flows, incidents, termination) is shared, in ../run.ts.
import type { Element, ElementInstanceState, IncidentType } from '../../types.js'
import type { Run } from '../run.js'

export type Leave = readonly string[] | { incident: IncidentType; message: string }

export interface ElementBehaviour<E extends Element = Element> {
  /** When set, tokens arriving on several incoming flows wait for each other here. */
  readonly join?: 'parallel' | 'inclusive'
  /**
   * Called once the input mappings are applied. Must either complete the
   * element (`run.complete`), put it in a wait state (`instance.status =
   * 'waiting'` plus an effect), or raise an incident (`run.raiseIncident`).
   */
  activate(run: Run, instance: ElementInstanceState, element: E): void
  /** The outgoing flows to take on completion, or an incident. Without it, all outgoing flows are taken. */
  leave?(run: Run, instance: ElementInstanceState, element: E): Leave
  /** Re-enters the wait state after an incident raised there was resolved (re-creates the job). */
  retryWait?(run: Run, instance: ElementInstanceState, element: E): void
  /** Tells the outside world the element instance is gone (cancels its job or user task). */
  terminate?(run: Run, instance: ElementInstanceState, element: E): void
}

