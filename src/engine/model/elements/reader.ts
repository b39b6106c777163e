// What an element reader is: one per BPMN element type, registered in ./index.ts.
import type { Element } from '../../types.js'
import type { ReadContext } from '../extensions.js'
import type { ModdleElement } from '../moddle.js'

/** The fields every element has; the builder fills them in, so readers return only the rest. */
export type CommonField = 'id' | 'name' | 'parentId' | 'incoming' | 'outgoing' | 'inputs' | 'outputs' | 'boundaryEvents' | 'multiInstance'

/** Distributes over the union, so each kind keeps its own fields. */
export type ElementSpecific = Element extends infer E ? (E extends Element ? Omit<E, CommonField> : never) : never

/** Where an element sits: some rules (which start events are allowed) depend on it. */
export type Container = 'process' | 'subProcess' | 'eventSubProcess'

/**
 * Reads the kind-specific part of one element. Reports problems to `context`
 * and returns null when the element cannot run at all.
 */
export type ElementReader = (source: ModdleElement, context: ReadContext, container: Container) => ElementSpecific | null
