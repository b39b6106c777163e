import type { ElementReader } from './reader.js'

const kinds = {
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
} as const

// The default flow is checked by the builder, which knows the flows. `upstream`
// is filled in there too, once the whole graph is known.
export const readGateway: ElementReader = (source) => ({
  kind: kinds[source.$type as keyof typeof kinds],
  defaultFlow: source.default?.id ?? null,
  upstream: [],
})
