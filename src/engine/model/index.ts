export { parseDefinition } from './parse.js'
