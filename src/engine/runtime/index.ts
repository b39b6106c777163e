export { execute } from './execute.js'
