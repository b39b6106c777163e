import type { Element, ElementKind } from '../types.js'

/** "serviceTask" -> "service task", for messages people read. */
export function kindInWords(kind: ElementKind): string {
  return kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

/** How incident messages name an element: "service task 'charge'". */
export function describe(element: Element): string {
  return `${kindInWords(element.kind)} '${element.id}'`
}
