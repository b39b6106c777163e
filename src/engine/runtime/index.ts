export { execute } from './execute.js'
export { startSubscriptions, nextTimerStart } from './timers.js'
export type { StartSubscriptions } from './timers.js'
