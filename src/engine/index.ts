// The embedded engine's pure core: read a definition, run commands on instances.
export { parseDefinition } from './model/index.js'
export { execute } from './runtime/index.js'
export { DeploymentError, CommandRejectedError } from './errors.js'
export type { DeploymentProblem, CommandRejectionCode } from './errors.js'
export type * from './types.js'
