// Writes processes/ke-sak.bpmn from the layout in ke-sak.ts:
//   node --import tsx src/cases/diagram/write.ts [--flat]
// --flat leaves out sub-process boxes, boundary and event sub-processes (for an engine without them).
import { writeFileSync } from 'node:fs'
import { writeBpmn } from './bpmn-writer.js'
import { KE_SAK } from './ke-sak.js'

const target = new URL('../../../processes/ke-sak.bpmn', import.meta.url).pathname
writeFileSync(target, writeBpmn(KE_SAK, { flat: process.argv.includes('--flat') }))
console.log(`wrote ${target}`)
