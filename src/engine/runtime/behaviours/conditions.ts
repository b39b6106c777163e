// Evaluating the conditions on a gateway's outgoing flows.
import { evaluateCondition } from '../../feel.js'
import type { Gateway } from '../../types.js'
import { describe } from '../describe.js'
import type { Run } from '../run.js'
import type { ElementInstanceState } from '../../types.js'
import type { Leave } from './behaviour.js'

/**
 * The non-default outgoing flows, in document order, with whether each one's
 * condition holds (a flow without a condition always holds). `stopAtFirst`
 * stops evaluating at the first true condition, as an exclusive gateway does.
 */
export function matchingFlows(run: Run, instance: ElementInstanceState, gateway: Gateway, stopAtFirst: boolean): Leave {
  const variables = run.variablesFor(instance)
  const matched: string[] = []
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlow) continue
    const condition = run.model.flows[flowId]?.condition ?? null
    if (condition !== null) {
      const result = evaluateCondition(condition, variables, run.now)
      if (!result.ok) {
        return {
          incident: 'CONDITION_ERROR',
          message: `Failed to evaluate the condition '=${condition}' of sequence flow '${flowId}' leaving ${describe(gateway)}: ${result.error}`,
        }
      }
      if (!result.value) continue
    }
    matched.push(flowId)
    if (stopAtFirst) break
  }
  if (matched.length > 0) return matched
  if (gateway.defaultFlow !== null) return [gateway.defaultFlow]
  return {
    incident: 'CONDITION_ERROR',
    message: `Expected at least one condition to evaluate to true at ${describe(gateway)}, or to have a default flow, but no condition was true and there is no default flow.`,
  }
}
