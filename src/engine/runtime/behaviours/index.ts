// Every element kind's behaviour, in one typed map: adding a kind to
// ElementKind without a behaviour here does not compile.
import type { Element, ElementKind, ElementOfKind } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'
import { boundaryEvent } from './boundary-event.js'
import { callActivity } from './call-activity.js'
import { intermediateCatchEvent, receiveTask } from './catch-events.js'
import { eventBasedGateway } from './event-based-gateway.js'
import { endEvent, errorEndEvent, intermediateThrowEvent, messageEndEvent, startEvent, terminateEndEvent } from './events.js'
import { exclusiveGateway } from './exclusive-gateway.js'
import { inclusiveGateway } from './inclusive-gateway.js'
import { jobTask } from './job-task.js'
import { parallelGateway } from './parallel-gateway.js'
import { scriptTask } from './script-task.js'
import { eventSubProcess, subProcess } from './sub-process.js'
import { task } from './task.js'
import { userTask } from './user-task.js'

const behaviours: { readonly [K in ElementKind]: ElementBehaviour<ElementOfKind<K>> } = {
  startEvent,
  endEvent,
  terminateEndEvent,
  task,
  serviceTask: jobTask,
  businessRuleTask: jobTask,
  sendTask: jobTask,
  scriptTask,
  userTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  intermediateCatchEvent,
  intermediateThrowEvent,
  receiveTask,
  boundaryEvent,
  errorEndEvent,
  messageEndEvent,
  subProcess,
  eventSubProcess,
  callActivity,
}

export function behaviourOf(element: Element): ElementBehaviour {
  // The map pairs each kind with the behaviour for that kind's element type.
  return behaviours[element.kind] as ElementBehaviour
}

/** Elements whose wait state is a job (so completeJob, failJob and throwError apply to them). */
export function isJobElement(element: Element): boolean {
  switch (element.kind) {
    case 'serviceTask':
    case 'businessRuleTask':
    case 'sendTask':
      return true
    case 'messageEndEvent':
      return true
    case 'scriptTask':
    case 'intermediateThrowEvent':
      return element.job !== null
    default:
      return false
  }
}
