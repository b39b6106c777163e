// Multi-instance activities, as Zeebe runs them. The token enters a body (an
// element instance of the activity carrying `body`), which reads the input
// collection once and runs one inner instance of the activity per item, all at
// once (parallel) or one after another (sequential). Each inner instance has
// local `loopCounter` (from 1) and the input element; its output element is
// written into the body's output collection at the item's place (the list
// starts as nulls, one per item). The completion condition is checked after
// each inner instance completes; true terminates the rest. The body takes the
// activity's outgoing flows and carries its boundary events; the activity's
// input and output mappings apply to each inner instance.
import { evaluateCondition, evaluateFeel } from '../feel.js'
import type { Element, ElementInstanceState, JsonValue, MultiInstanceDefinition, Variables } from '../types.js'
import { describe } from './describe.js'
import type { Run } from './run.js'
import { boundarySpecs, commitSubscriptions, prepareSubscriptions } from './subscriptions.js'

function definitionOf(element: Element): MultiInstanceDefinition {
  if (!('multiInstance' in element) || !element.multiInstance) throw new Error(`'${element.id}' is not multi-instance`)
  return element.multiInstance
}

export function activateBody(run: Run, body: ElementInstanceState, element: Element): void {
  const definition = definitionOf(element)
  const collection = evaluateFeel(definition.inputCollection, run.variablesFor(body), run.now)
  if (!collection.ok || !Array.isArray(collection.value)) {
    const why = collection.ok ? `it gave ${JSON.stringify(collection.value)}${collection.warnings ? ` (${collection.warnings})` : ''}, not a list` : collection.error
    return run.raiseIncident(body, 'EXTRACT_VALUE_ERROR', `Failed to read the input collection '=${definition.inputCollection}' of ${describe(element)}: ${why}`)
  }
  const items = collection.value
  const { maxMultiInstance } = run.limits
  if (items.length > maxMultiInstance) {
    return run.raiseIncident(body, 'EXTRACT_VALUE_ERROR', `The input collection '=${definition.inputCollection}' of ${describe(element)} has ${items.length} items; the limit is ${maxMultiInstance} (SAMFLYT_MULTI_INSTANCE_MAX)`)
  }
  // All inner instances of a parallel body start in this command: each is a step.
  if (!definition.sequential && items.length > run.stepsLeft()) {
    return run.raiseIncident(body, 'STEP_LIMIT_EXCEEDED', `The input collection '=${definition.inputCollection}' of ${describe(element)} has ${items.length} items, more than the ${run.stepsLeft()} steps this command has left of its ${run.limits.maxSteps} (SAMFLYT_STEPS_MAX); resolving the incident starts them in a command of their own`)
  }
  const prepared = prepareSubscriptions(run, boundarySpecs(run, element), body)
  if (typeof prepared === 'string') return run.raiseIncident(body, 'EXTRACT_VALUE_ERROR', prepared)
  body.body = { count: items.length, started: 0, completed: 0, ...(definition.sequential && items.length > 1 ? { items } : {}) }
  body.variables = undefined
  if (definition.outputCollection) run.setLocalVariables(body, { [definition.outputCollection]: items.map(() => null) })
  body.status = 'waiting'
  commitSubscriptions(run, body.id, prepared)
  if (items.length === 0) return run.complete(body)
  if (definition.sequential) startInner(run, body, element, 0, items[0] as JsonValue)
  else items.forEach((item, index) => run.find(body.id) && startInner(run, body, element, index, item))
}

function startInner(run: Run, body: ElementInstanceState, element: Element, index: number, item: JsonValue): void {
  const definition = definitionOf(element)
  const state = body.body
  if (!state) throw new Error(`element instance ${body.id} is not a multi-instance body`)
  state.started++
  const locals: Variables = { loopCounter: index + 1 }
  if (definition.inputElement) locals[definition.inputElement] = item
  run.enter(element.id, body.id, { loopIndex: index, locals })
}

/** What an inner instance starts each activation with (its input mappings come on top); empty for anything else. */
export function innerBase(run: Run, instance: ElementInstanceState): Variables {
  if (instance.loopIndex === undefined) return {}
  const definition = definitionOf(run.element(instance))
  const base: Variables = { loopCounter: instance.loopIndex + 1 }
  if (definition.inputElement && instance.variables && definition.inputElement in instance.variables) {
    base[definition.inputElement] = instance.variables[definition.inputElement] as JsonValue
  }
  return base
}

/** An inner instance finished its work (and its output mappings): collect its output, then decide what the body does next. */
export function innerCompleted(run: Run, inner: ElementInstanceState, element: Element): void {
  const definition = definitionOf(element)
  const body = run.find(inner.scope)
  const state = body?.body
  if (!body || !state || inner.loopIndex === undefined) throw new Error(`inner instance ${inner.id} has no multi-instance body`)
  const variables = run.variablesFor(inner)

  let output: JsonValue = null
  if (definition.outputElement) {
    const value = evaluateFeel(definition.outputElement, variables, run.now)
    if (!value.ok) return run.raiseIncident(inner, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the output element '=${definition.outputElement}' of ${describe(element)}: ${value.error}`)
    output = value.value
  }
  const active = run.state.elements.filter((other) => other.scope === body.id && other !== inner).length
  let done = false
  if (definition.completionCondition) {
    const counters = { numberOfInstances: state.count, numberOfActiveInstances: active, numberOfCompletedInstances: state.completed + 1, numberOfTerminatedInstances: 0 }
    const condition = evaluateCondition(definition.completionCondition, { ...variables, ...counters }, run.now)
    if (!condition.ok) return run.raiseIncident(inner, 'CONDITION_ERROR', `Failed to evaluate the completion condition of ${describe(element)}: ${condition.error}`)
    done = condition.value
  }

  if (definition.outputCollection) {
    const current = body.variables?.[definition.outputCollection]
    const list = Array.isArray(current) ? [...current] : []
    list[inner.loopIndex] = output
    for (let index = 0; index < list.length; index++) list[index] ??= null
    run.setLocalVariables(body, { [definition.outputCollection]: list })
  }
  run.completed(inner)
  state.completed++

  if (done) {
    run.terminateScope(body.id)
    return run.complete(body)
  }
  if (definition.sequential && state.started < state.count) {
    const next = state.items?.[state.started] ?? null
    if (state.started + 1 >= state.count) delete state.items
    return startInner(run, body, element, state.started, next)
  }
  if (state.completed >= state.count && !run.state.elements.some((other) => other.scope === body.id)) run.complete(body)
}
