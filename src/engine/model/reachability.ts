// An inclusive join waits only for tokens that can still arrive. Which elements
// can reach the join is fixed by the diagram, so it is computed once at deploy time.
import type { Element, SequenceFlow } from '../types.js'

/**
 * The ids of the elements from which some path of sequence flows leads to
 * `gatewayId` without passing through it, in a stable (sorted) order.
 */
export function inclusiveJoinUpstream(
  gatewayId: string,
  elements: Readonly<Record<string, Element>>,
  flows: readonly SequenceFlow[],
): string[] {
  const sourcesOf = new Map<string, string[]>()
  for (const flow of flows) {
    const list = sourcesOf.get(flow.targetId)
    if (list) list.push(flow.sourceId)
    else sourcesOf.set(flow.targetId, [flow.sourceId])
  }
  const found = new Set<string>()
  const queue = [...(sourcesOf.get(gatewayId) ?? [])]
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    // A path that comes back through the join itself reaches it again only after the join fired.
    if (id === gatewayId || found.has(id) || !(id in elements)) continue
    found.add(id)
    queue.push(...(sourcesOf.get(id) ?? []))
  }
  return [...found].sort()
}
