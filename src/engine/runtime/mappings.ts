// zeebe:ioMapping. Inputs create local variables on the element instance
// (later inputs may read earlier ones); outputs are evaluated against the
// element's scope, which holds the job or task result, and written outwards
// from the parent scope. Each side is all-or-nothing: nothing is written
// unless every mapping evaluated.
import { evaluateExpression } from '../feel.js'
import type { Element, ElementInstanceState, HistoryEvent, InstanceState, JsonValue, Mapping, Variables } from '../types.js'
import { propagateVariables, setAtPath, setLocalVariables, visibleVariables } from './variables.js'

type MappingOutcome = { ok: true; values: Variables } | { ok: false; error: string }

/**
 * @param base local variables the element instance starts with before its
 *   inputs (a multi-instance inner instance's loopCounter and input element);
 *   the input mappings see them and may overwrite them.
 */
export function applyInputs(
  state: InstanceState,
  instance: ElementInstanceState,
  element: Element,
  now: Date,
  events: HistoryEvent[],
  base: Variables = {},
): string | null {
  const outer = visibleVariables(state, instance.scope)
  const locals: Variables = {}
  const read = (name: string) => (name in locals ? locals[name] : name in base ? base[name] : outer[name])
  const outcome = evaluateMappings(element.inputs, 'input', now, read, () => ({ ...outer, ...base, ...locals }), locals)
  if (!outcome.ok) return outcome.error
  // A retried activation starts from a fresh local scope, as the first attempt did.
  instance.variables = Object.keys(base).length > 0 ? { ...base } : undefined
  setLocalVariables(instance, outcome.values, events)
  return null
}

export function applyOutputs(
  state: InstanceState,
  instance: ElementInstanceState,
  element: Element,
  now: Date,
  events: HistoryEvent[],
): string | null {
  const context = visibleVariables(state, instance.id)
  const outer = visibleVariables(state, instance.scope)
  const values: Variables = {}
  const outcome = evaluateMappings(element.outputs, 'output', now, (name) => (name in values ? values[name] : outer[name]), () => context, values)
  if (!outcome.ok) return outcome.error
  propagateVariables(state, instance.scope, outcome.values, events)
  return null
}

/**
 * @param current the value a nested target builds on (`customer.name` keeps the rest of `customer`)
 * @param context the variables an expression sees
 * @param into collects the results, by top-level name
 */
function evaluateMappings(
  mappings: readonly Mapping[],
  direction: 'input' | 'output',
  now: Date,
  current: (name: string) => JsonValue | undefined,
  context: () => Variables,
  into: Variables,
): MappingOutcome {
  for (const mapping of mappings) {
    const result = evaluateExpression(mapping.source, context(), now)
    if (!result.ok) return { ok: false, error: `the ${direction} mapping to '${mapping.target}' failed: ${result.error}` }
    const [name, ...path] = mapping.target.split('.') as [string, ...string[]]
    into[name] = setAtPath(current(name), path, result.value)
  }
  return { ok: true, values: into }
}
