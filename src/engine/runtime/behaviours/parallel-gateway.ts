// Forks to every outgoing flow; joins one token from each incoming flow.
import type { Gateway } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'

export const parallelGateway: ElementBehaviour<Gateway> = {
  join: 'parallel',
  activate: (run, instance) => run.complete(instance),
}
