// One command's worth of work on one instance: a mutable working copy of the
// state, the effects and history events produced so far, and the queue of
// tokens still moving. The shared element lifecycle lives here:
//
//   enter -> activate (input mappings, boundary subscriptions, behaviour) -> [wait]
//         -> complete -> finish (output mappings, choose flows) -> take flows -> enter ...
//
// An incident stops one element instance where it failed (status 'activating'
// or 'completing'); resolving it runs that step again with current variables.
// Scopes (sub-processes, multi-instance bodies) complete when nothing is left
// inside them; see `completeEmptyScopes`.
import { CommandRejectedError } from '../errors.js'
import type { Effect, Element, ElementInstanceState, HistoryEvent, IncidentType, InstanceState, ProcessModel, RuntimeLimits, Variables } from '../types.js'
import { behaviourOf } from './behaviours/index.js'
import { describe } from './describe.js'
import { JoinBook } from './joins.js'
import { applyInputs, applyOutputs } from './mappings.js'
import { activateBody, innerBase, innerCompleted } from './multi-instance.js'
import { boundarySpecs, closeOwned, commitSubscriptions, prepareSubscriptions } from './subscriptions.js'
import { propagateVariables, setLocalVariables, visibleVariables } from './variables.js'

/**
 * A runaway loop without wait states would otherwise never return, and a huge multi-instance
 * would write a history the size of its collection in one transaction. A step is an element
 * instance entered (each inner instance of a multi-instance counts); a command over its steps
 * stops the token at a STEP_LIMIT_EXCEEDED incident, which an operator may resolve (the next
 * command counts afresh) or cancel.
 */
export const DEFAULT_RUNTIME_LIMITS: RuntimeLimits = { maxSteps: 10_000, maxMultiInstance: 10_000 }
/** Flows taken without entering anything (tokens joining) are bounded too, as a last resort. */
const ARRIVALS_PER_STEP = 4

interface Arrival {
  flowId: string
  scope: number
}

export interface EnterOptions {
  /** The element is entered because its event fired (a boundary event, an event sub-process start, a branch of an event-based gateway): it completes at once with these variables. */
  triggered?: Variables
  /** An inner instance of a multi-instance body: its place in the collection and its first local variables. */
  loopIndex?: number
  locals?: Variables
}

export class Run {
  readonly effects: Effect[] = []
  readonly events: HistoryEvent[] = []
  private readonly queue: Arrival[] = []
  private readonly joins: JoinBook
  private steps = 0
  private arrivals = 0

  constructor(
    readonly model: ProcessModel,
    readonly state: InstanceState,
    readonly now: Date,
    readonly limits: RuntimeLimits = DEFAULT_RUNTIME_LIMITS,
  ) {
    this.joins = new JoinBook(model, state)
  }

  element(instance: ElementInstanceState): Element {
    return this.elementById(instance.elementId)
  }

  elementById(elementId: string): Element {
    const element = this.model.elements[elementId]
    if (!element) throw new Error(`element '${elementId}' is not in process '${this.model.processId}'`)
    return element
  }

  find(elementInstanceId: number): ElementInstanceState | undefined {
    return this.state.elements.find((instance) => instance.id === elementInstanceId)
  }

  /** What an expression on this element instance sees: its own scope and every scope around it. */
  variablesFor(instance: ElementInstanceState): Variables {
    return visibleVariables(this.state, instance.id)
  }

  setVariables(scope: number, variables: Variables): void {
    propagateVariables(this.state, scope, variables, this.events)
  }

  setLocalVariables(instance: ElementInstanceState, variables: Variables): void {
    setLocalVariables(instance, variables, this.events)
  }

  /** A token enters an element: a new element instance (a multi-instance body for a multi-instance activity). */
  enter(elementId: string, scope: number, options: EnterOptions = {}): ElementInstanceState {
    const element = this.elementById(elementId)
    const instance: ElementInstanceState = { id: this.state.next++, elementId, scope, status: 'activating' }
    const multiInstance = 'multiInstance' in element && element.multiInstance !== null
    if (options.loopIndex !== undefined) instance.loopIndex = options.loopIndex
    else if (multiInstance) instance.body = { count: 0, started: 0, completed: 0 }
    this.state.elements.push(instance)
    this.events.push({ type: 'elementActivated', elementInstanceId: instance.id, elementId, elementKind: element.kind, scope })
    if (options.locals && Object.keys(options.locals).length > 0) this.setLocalVariables(instance, options.locals)
    // An event that fired completes at once and cannot loop by itself: it is counted, never stopped.
    if (++this.steps > this.limits.maxSteps && options.triggered === undefined) {
      this.raiseIncident(instance, 'STEP_LIMIT_EXCEEDED', `The command took more than ${this.limits.maxSteps} steps (SAMFLYT_STEPS_MAX) without every token reaching a wait state, so it stopped before ${describe(element)}; is there a loop without a wait state? Resolving the incident goes on from here.`)
      return instance
    }
    this.activate(instance, options.triggered)
    return instance
  }

  /** Steps this command may still take. */
  stepsLeft(): number {
    return Math.max(0, this.limits.maxSteps - this.steps)
  }

  activate(instance: ElementInstanceState, triggered?: Variables): void {
    const element = this.element(instance)
    instance.status = 'activating'
    if (instance.body) return activateBody(this, instance, element)
    if (element.inputs.length > 0) {
      const error = applyInputs(this.state, instance, element, this.now, this.events, innerBase(this, instance))
      if (error !== null) return this.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to activate ${describe(element)}: ${error}`)
    }
    if (triggered !== undefined) return this.complete(instance, triggered)
    // Boundary events belong to the multi-instance body, not to its inner instances.
    const specs = instance.loopIndex === undefined ? boundarySpecs(this, element) : []
    const prepared = prepareSubscriptions(this, specs, instance)
    if (typeof prepared === 'string') return this.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', prepared)
    behaviourOf(element).activate(this, instance, element)
    // The behaviour may have put it in a wait state, completed it, or raised an incident.
    if (prepared.length > 0 && (instance.status as string) === 'waiting' && this.find(instance.id)) commitSubscriptions(this, instance.id, prepared)
  }

  /**
   * The element's work is done. `result` (a job's or user task's variables)
   * goes to the element's own scope when it has output mappings, which then
   * decide what leaves; otherwise it propagates outwards as Zeebe does.
   */
  complete(instance: ElementInstanceState, result?: Variables): void {
    const element = this.element(instance)
    instance.status = 'completing'
    if (result && Object.keys(result).length > 0) {
      if (element.outputs.length > 0) this.setLocalVariables(instance, result)
      else this.setVariables(instance.id, result)
    }
    this.finish(instance)
  }

  finish(instance: ElementInstanceState): void {
    const element = this.element(instance)
    // A multi-instance activity's mappings belong to its inner instances.
    if (element.outputs.length > 0 && !instance.body) {
      const error = applyOutputs(this.state, instance, element, this.now, this.events)
      if (error !== null) return this.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to complete ${describe(element)}: ${error}`)
    }
    if (instance.loopIndex !== undefined) return innerCompleted(this, instance, element)
    const collection = instance.body && 'multiInstance' in element ? element.multiInstance?.outputCollection : undefined
    if (collection) this.setVariables(instance.scope, { [collection]: instance.variables?.[collection] ?? [] })
    const leave = instance.body ? element.outgoing : (behaviourOf(element).leave?.(this, instance, element) ?? element.outgoing)
    if (!Array.isArray(leave)) {
      const incident = leave as Exclude<typeof leave, readonly string[]>
      return this.raiseIncident(instance, incident.incident, incident.message)
    }
    this.completed(instance)
    for (const flowId of leave) this.takeFlow(flowId, instance.scope)
  }

  /** The element instance is gone, completed: its subscriptions close. */
  completed(instance: ElementInstanceState): void {
    this.remove(instance)
    this.events.push({ type: 'elementCompleted', elementInstanceId: instance.id, elementId: instance.elementId, elementKind: this.element(instance).kind })
  }

  takeFlow(flowId: string, scope: number): void {
    const flow = this.model.flows[flowId]
    if (!flow) throw new Error(`flow '${flowId}' is not in process '${this.model.processId}'`)
    this.events.push({ type: 'flowTaken', flowId, sourceId: flow.sourceId, targetId: flow.targetId })
    this.queue.push({ flowId, scope })
  }

  /** Takes a flow and enters its target at once, already triggered (the winning branch of an event-based gateway). */
  takeFlowNow(flowId: string, scope: number, triggered: Variables): void {
    const flow = this.model.flows[flowId]
    if (!flow) throw new Error(`flow '${flowId}' is not in process '${this.model.processId}'`)
    this.events.push({ type: 'flowTaken', flowId, sourceId: flow.sourceId, targetId: flow.targetId })
    this.enter(flow.targetId, scope, { triggered })
  }

  raiseIncident(instance: ElementInstanceState, type: IncidentType, message: string): void {
    const incidentId = this.state.next++
    const { elementId } = instance
    this.state.incidents.push({ id: incidentId, elementInstanceId: instance.id, elementId, type, message })
    this.effects.push({ type: 'raiseIncident', incidentId, elementInstanceId: instance.id, elementId, incidentType: type, message })
    this.events.push({ type: 'incidentRaised', incidentId, elementInstanceId: instance.id, elementId, incidentType: type, message })
  }

  resolveIncident(incidentId: number): void {
    const index = this.state.incidents.findIndex((incident) => incident.id === incidentId)
    const incident = this.state.incidents[index]
    if (!incident) throw new CommandRejectedError('INCIDENT_NOT_FOUND', `There is no open incident ${incidentId} in this instance.`)
    this.state.incidents.splice(index, 1)
    this.effects.push({ type: 'resolveIncident', incidentId })
    this.events.push({ type: 'incidentResolved', incidentId, elementInstanceId: incident.elementInstanceId, elementId: incident.elementId })
  }

  hasIncident(instance: ElementInstanceState): boolean {
    return this.state.incidents.some((incident) => incident.elementInstanceId === instance.id)
  }

  /**
   * Ends one element instance and everything inside it: its jobs, tasks and
   * child instances are cancelled, its subscriptions closed, its incidents resolved.
   */
  terminate(instance: ElementInstanceState): void {
    this.terminateScope(instance.id)
    const element = this.element(instance)
    if (!instance.body) behaviourOf(element).terminate?.(this, instance, element)
    for (const incident of this.state.incidents.filter((open) => open.elementInstanceId === instance.id)) this.resolveIncident(incident.id)
    this.remove(instance)
    this.events.push({ type: 'elementTerminated', elementInstanceId: instance.id, elementId: element.id, elementKind: element.kind })
  }

  /**
   * Ends every token in `scope` except `keep`: element instances are terminated,
   * waiting join tokens and tokens still on their way are dropped.
   */
  terminateScope(scope: number, keep?: ElementInstanceState): void {
    for (const instance of [...this.state.elements]) {
      if (instance.scope !== scope || instance === keep || !this.find(instance.id)) continue
      this.terminate(instance)
    }
    this.joins.dropScope(scope)
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index]?.scope === scope) this.queue.splice(index, 1)
    }
  }

  /** Moves tokens until every one of them is in a wait state, an incident, a join, or gone. */
  drain(): void {
    for (;;) {
      for (let arrival = this.queue.shift(); arrival; arrival = this.queue.shift()) {
        if (++this.arrivals > this.limits.maxSteps * ARRIVALS_PER_STEP) {
          throw new CommandRejectedError('STEP_LIMIT_EXCEEDED', `The instance took more than ${this.limits.maxSteps * ARRIVALS_PER_STEP} flows without reaching a wait state; is there a loop without one?`)
        }
        this.arrive(arrival)
      }
      // Inclusive joins, and scopes with nothing left inside, can only be judged once nothing else moves.
      const fired = this.joins.fireInclusive()
      if (fired) {
        this.enter(fired.gatewayId, fired.scope)
        continue
      }
      if (!this.completeEmptyScopes()) break
    }
    if (this.state.status === 'active' && this.state.elements.length === 0 && this.state.joins.length === 0) {
      closeOwned(this, 0)
      this.state.status = 'completed'
      this.events.push({ type: 'instanceCompleted' })
      this.effects.push({ type: 'instanceCompleted' })
    }
  }

  /** Completes one embedded or event sub-process that has no token left inside; true when it did. */
  private completeEmptyScopes(): boolean {
    for (const instance of this.state.elements) {
      if (instance.status !== 'waiting' || instance.body) continue
      const kind = this.element(instance).kind
      if (kind !== 'subProcess' && kind !== 'eventSubProcess') continue
      const busy = this.state.elements.some((other) => other.scope === instance.id) || this.state.joins.some((join) => join.scope === instance.id)
      if (busy) continue
      this.complete(instance)
      return true
    }
    return false
  }

  private arrive({ flowId, scope }: Arrival): void {
    const flow = this.model.flows[flowId]
    const target = flow && this.model.elements[flow.targetId]
    if (!flow || !target) throw new Error(`flow '${flowId}' has no target in process '${this.model.processId}'`)
    const join = behaviourOf(target).join
    if (join === undefined || target.incoming.length < 2) {
      this.enter(target.id, scope)
      return
    }
    const ready = this.joins.arrive(scope, target, flowId, join)
    if (ready) this.enter(target.id, scope)
  }

  private remove(instance: ElementInstanceState): void {
    closeOwned(this, instance.id)
    const index = this.state.elements.indexOf(instance)
    if (index >= 0) this.state.elements.splice(index, 1)
  }
}
