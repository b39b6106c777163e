// Placeholder for element kinds whose model reader does not exist yet: the
// model refuses them at deploy, so no instance can reach these.
import type { ElementBehaviour } from './behaviour.js'

export const pending: ElementBehaviour<never> = {
  activate() {
    throw new Error('this element kind is not supported yet')
  },
}
