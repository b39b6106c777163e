// Variable scopes. The process scope is `state.variables` (scope 0); an element
// instance with input mappings has its own local scope. Reads see the closest
// scope first; writes follow Zeebe's propagation rule: a variable is set in the
// closest scope that already has it, else in the process scope.
import type { ElementInstanceState, HistoryEvent, InstanceState, JsonValue, Variables } from '../types.js'

const PROCESS_SCOPE = 0

/** The chain of scopes from `scope` outwards, ending before the process scope. */
function localScopes(state: InstanceState, scope: number): ElementInstanceState[] {
  const chain: ElementInstanceState[] = []
  for (let id = scope; id !== PROCESS_SCOPE; ) {
    const instance = state.elements.find((candidate) => candidate.id === id)
    if (!instance) break
    chain.push(instance)
    id = instance.scope
  }
  return chain
}

/** Everything visible from `scope`: the process scope overlaid by each local scope, innermost last. */
export function visibleVariables(state: InstanceState, scope: number): Variables {
  const chain = localScopes(state, scope).filter((instance) => instance.variables !== undefined)
  if (chain.length === 0) return state.variables
  const visible: Variables = { ...state.variables }
  for (let index = chain.length - 1; index >= 0; index--) Object.assign(visible, chain[index]?.variables)
  return visible
}

/**
 * Sets variables from `scope` outwards (Zeebe's propagation). Appends one
 * `variablesSet` event per scope that changed, with only the names written there.
 */
export function propagateVariables(state: InstanceState, scope: number, variables: Variables, events: HistoryEvent[]): void {
  const chain = localScopes(state, scope)
  const written = new Map<number, Variables>()
  for (const [name, value] of Object.entries(variables)) {
    const owner = chain.find((instance) => instance.variables !== undefined && name in instance.variables)
    const target = owner?.variables ?? state.variables
    if (name in target && sameValue(target[name], value)) continue
    target[name] = value
    const scopeId = owner?.id ?? PROCESS_SCOPE
    const changes = written.get(scopeId) ?? {}
    changes[name] = value
    written.set(scopeId, changes)
  }
  for (const [scopeId, changes] of written) events.push({ type: 'variablesSet', scope: scopeId, variables: changes })
}

/** Sets variables in the element instance's own scope, creating it if needed. */
export function setLocalVariables(instance: ElementInstanceState, variables: Variables, events: HistoryEvent[]): void {
  instance.variables = { ...instance.variables, ...variables }
  if (Object.keys(variables).length > 0) events.push({ type: 'variablesSet', scope: instance.id, variables })
}

/**
 * Writes `value` at a dotted path (`customer.address.city`) into a copy of
 * `current`, creating contexts on the way and keeping their other entries.
 */
export function setAtPath(current: JsonValue | undefined, path: readonly string[], value: JsonValue): JsonValue {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string, ...string[]]
  const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {}
  return { ...base, [head]: setAtPath(base[head], rest, value) }
}

function sameValue(a: JsonValue | undefined, b: JsonValue): boolean {
  if (a === b) return true
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b)
}
