import type { ElementReader } from './reader.js'

// A plain task has no behaviour: Zeebe passes the token straight through it.
export const readTask: ElementReader = () => ({ kind: 'task' })
