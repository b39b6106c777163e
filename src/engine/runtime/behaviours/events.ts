// Start, end and throw events.
import { evaluateAs } from '../../feel.js'
import type { EndEvent, ErrorEndEvent, IntermediateThrowEvent, MessageEndEvent, StartEvent } from '../../types.js'
import { throwBpmnError } from '../bpmn-errors.js'
import { describe } from '../describe.js'
import { commitSubscriptions, eventSubProcessSpecs, prepareSubscriptions } from '../subscriptions.js'
import type { ElementBehaviour } from './behaviour.js'
import { cancelJob, createJob } from './job.js'

/**
 * A start event passes the token on. A process-level one first opens the
 * subscriptions of the process's event sub-processes (timer and message starts),
 * so that a failing expression there is an incident on this start event.
 */
export const startEvent: ElementBehaviour<StartEvent> = {
  activate(run, instance, element) {
    if (element.parentId === null && run.model.eventSubProcesses.length > 0) {
      const prepared = prepareSubscriptions(run, eventSubProcessSpecs(run, run.model.eventSubProcesses), 0)
      if (typeof prepared === 'string') return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', prepared)
      commitSubscriptions(run, 0, prepared)
    }
    run.complete(instance)
  },
}

/** A none end event consumes its token; the scope completes when no token is left. */
export const endEvent: ElementBehaviour<EndEvent> = {
  activate: (run, instance) => run.complete(instance),
}

/**
 * A terminate end event ends every other token in its scope (cancelling their
 * jobs and tasks) and then completes: in a sub-process only that sub-process
 * ends (and completes); at process level the instance completes. Zeebe reports
 * such an instance as completed, not cancelled, and so do we.
 */
export const terminateEndEvent: ElementBehaviour<EndEvent> = {
  activate(run, instance) {
    run.terminateScope(instance.scope, instance)
    run.complete(instance)
  },
}

/** Throws its error; see ../bpmn-errors.ts for who catches it. */
export const errorEndEvent: ElementBehaviour<ErrorEndEvent> = {
  activate(run, instance, element) {
    const code = evaluateAs(element.errorCode, 'string', run.variablesFor(instance), run.now)
    if (!code.ok) return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the error code of ${describe(element)}: ${code.error}`)
    run.events.push({ type: 'errorThrown', errorCode: code.value, errorMessage: '', elementInstanceId: instance.id, elementId: element.id })
    throwBpmnError(
      run,
      instance,
      code.value,
      '',
      `Expected to throw an error event with the code '${code.value}' from ${describe(element)}, but it was not caught. No error events are available in the scope.`,
    )
  },
}

/** A message end event is a job (a worker sends the message); the token ends when it completes. */
export const messageEndEvent: ElementBehaviour<MessageEndEvent> = {
  activate: (run, instance, element) => createJob(run, instance, element, element.job),
  retryWait: (run, instance, element) => createJob(run, instance, element, element.job),
  terminate: (run, instance) => cancelJob(run, instance),
}

/** A none throw event passes through; a message throw event waits for its job. */
export const intermediateThrowEvent: ElementBehaviour<IntermediateThrowEvent> = {
  activate: (run, instance, element) => (element.job ? createJob(run, instance, element, element.job) : run.complete(instance)),
  retryWait: (run, instance, element) => element.job && createJob(run, instance, element, element.job),
  terminate: (run, instance) => cancelJob(run, instance),
}
