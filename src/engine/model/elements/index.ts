// The supported BPMN element types. An element type that is not listed here is
// refused at deploy time as "not supported yet"; supporting one is adding a
// reader here and a behaviour in ../../runtime/behaviours/.
import { readCallActivity, readEventBasedGateway, readSubProcess } from './containers.js'
import { readEndEvent } from './end-event.js'
import { readGateway } from './gateway.js'
import { readBoundaryEvent, readIntermediateCatchEvent, readIntermediateThrowEvent } from './intermediate-events.js'
import { readJobTask } from './job-task.js'
import type { ElementReader } from './reader.js'
import { readReceiveTask } from './receive-task.js'
import { readScriptTask } from './script-task.js'
import { readStartEvent } from './start-event.js'
import { readTask } from './task.js'
import { readUserTask } from './user-task.js'

export const elementReaders: Readonly<Record<string, ElementReader>> = {
  'bpmn:StartEvent': readStartEvent,
  'bpmn:EndEvent': readEndEvent,
  'bpmn:IntermediateCatchEvent': readIntermediateCatchEvent,
  'bpmn:IntermediateThrowEvent': readIntermediateThrowEvent,
  'bpmn:BoundaryEvent': readBoundaryEvent,
  'bpmn:Task': readTask,
  'bpmn:ServiceTask': readJobTask,
  'bpmn:BusinessRuleTask': readJobTask,
  'bpmn:SendTask': readJobTask,
  'bpmn:ScriptTask': readScriptTask,
  'bpmn:UserTask': readUserTask,
  'bpmn:ReceiveTask': readReceiveTask,
  'bpmn:ExclusiveGateway': readGateway,
  'bpmn:ParallelGateway': readGateway,
  'bpmn:InclusiveGateway': readGateway,
  'bpmn:EventBasedGateway': readEventBasedGateway,
  'bpmn:SubProcess': readSubProcess,
  'bpmn:CallActivity': readCallActivity,
}

/** Flow elements that carry no behaviour and that Zeebe ignores too. */
export const ignoredTypes: ReadonlySet<string> = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'])

/** Element kinds that are activities: they can carry boundary events and be multi-instance. */
export const activityKinds: ReadonlySet<string> = new Set([
  'task',
  'serviceTask',
  'businessRuleTask',
  'sendTask',
  'scriptTask',
  'userTask',
  'receiveTask',
  'subProcess',
  'callActivity',
])

export type { Container, ElementReader, ElementSpecific } from './reader.js'
