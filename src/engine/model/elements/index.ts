// The supported BPMN element types. An element type that is not listed here is
// refused at deploy time as "not supported yet"; supporting one is adding a
// reader here and a behaviour in ../../runtime/behaviours/.
import { readEndEvent } from './end-event.js'
import { readGateway } from './gateway.js'
import { readJobTask } from './job-task.js'
import type { ElementReader } from './reader.js'
import { readScriptTask } from './script-task.js'
import { readStartEvent } from './start-event.js'
import { readTask } from './task.js'
import { readUserTask } from './user-task.js'

export const elementReaders: Readonly<Record<string, ElementReader>> = {
  'bpmn:StartEvent': readStartEvent,
  'bpmn:EndEvent': readEndEvent,
  'bpmn:Task': readTask,
  'bpmn:ServiceTask': readJobTask,
  'bpmn:BusinessRuleTask': readJobTask,
  'bpmn:SendTask': readJobTask,
  'bpmn:ScriptTask': readScriptTask,
  'bpmn:UserTask': readUserTask,
  'bpmn:ExclusiveGateway': readGateway,
  'bpmn:ParallelGateway': readGateway,
  'bpmn:InclusiveGateway': readGateway,
}

/** Flow elements that carry no behaviour and that Zeebe ignores too. */
export const ignoredTypes: ReadonlySet<string> = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'])

export type { ElementReader, ElementSpecific } from './reader.js'
