// Tokens waiting at joining gateways, kept in `state.joins` per scope and gateway.
//
// Parallel join: fires when every incoming flow has a token, consuming one from
//   each. A second token on a flow that already has one waits for the next round.
// Inclusive join: fires when no other token in the scope can still reach it
//   (the gateway's precomputed `upstream` elements), consuming one token from
//   each flow that has any.
import type { Element, InstanceState, JoinState, ProcessModel } from '../types.js'

export class JoinBook {
  constructor(
    private readonly model: ProcessModel,
    private readonly state: InstanceState,
  ) {}

  /** Records a token on `flowId`; true when a parallel join is now complete (its tokens are consumed). */
  arrive(scope: number, gateway: Element, flowId: string, kind: 'parallel' | 'inclusive'): boolean {
    let join = this.state.joins.find((candidate) => candidate.scope === scope && candidate.gatewayId === gateway.id)
    if (!join) {
      join = { scope, gatewayId: gateway.id, arrived: {} }
      this.state.joins.push(join)
    }
    join.arrived[flowId] = (join.arrived[flowId] ?? 0) + 1
    if (kind === 'inclusive' || !gateway.incoming.every((incoming) => (join.arrived[incoming] ?? 0) > 0)) return false
    this.consume(join)
    return true
  }

  /** Finds an inclusive join that nothing can reach any more, consumes its tokens and returns where to fire it. */
  fireInclusive(): { gatewayId: string; scope: number } | null {
    for (const join of this.state.joins) {
      const gateway = this.model.elements[join.gatewayId]
      if (gateway?.kind !== 'inclusiveGateway') continue
      const upstream = gateway.upstream
      const reachable =
        this.state.elements.some((instance) => instance.scope === join.scope && upstream.includes(instance.elementId)) ||
        this.state.joins.some((other) => other !== join && other.scope === join.scope && upstream.includes(other.gatewayId))
      if (reachable) continue
      this.consume(join)
      return { gatewayId: join.gatewayId, scope: join.scope }
    }
    return null
  }

  dropScope(scope: number): void {
    this.state.joins = this.state.joins.filter((join) => join.scope !== scope)
  }

  /** Takes one token from every flow that has one; forgets the join once it holds none. */
  private consume(join: JoinState): void {
    for (const flowId of Object.keys(join.arrived)) {
      const left = (join.arrived[flowId] ?? 0) - 1
      if (left > 0) join.arrived[flowId] = left
      else delete join.arrived[flowId]
    }
    if (Object.keys(join.arrived).length === 0) this.state.joins.splice(this.state.joins.indexOf(join), 1)
  }
}
