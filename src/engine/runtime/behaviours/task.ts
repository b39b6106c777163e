// A plain bpmn:task does nothing and lets the token through, as in Zeebe.
import type { PlainTask } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'

export const task: ElementBehaviour<PlainTask> = {
  activate: (run, instance) => run.complete(instance),
}
