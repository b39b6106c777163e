// A call activity starts an instance of another process (the latest version of
// `processId`, through the store) and waits for it to complete (completeChild).
// Variables, as in Zeebe: down go every variable visible here
// (propagateAllParentVariables, default) or only the input mappings; back come
// every child variable (propagateAllChildVariables, default) unless output
// mappings are defined, which then decide.
import { evaluateAs } from '../../feel.js'
import type { CallActivity } from '../../types.js'
import { describe } from '../describe.js'
import type { ElementBehaviour } from './behaviour.js'

export const callActivity: ElementBehaviour<CallActivity> = {
  activate(run, instance, element) {
    const visible = run.variablesFor(instance)
    const processId = evaluateAs(element.processId, 'string', visible, run.now)
    if (!processId.ok) return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the called process id of ${describe(element)}: ${processId.error}`)
    const variables = element.propagateAllParentVariables ? { ...visible } : { ...instance.variables }
    instance.status = 'waiting'
    const ref = { elementInstanceId: instance.id, elementId: element.id }
    run.effects.push({ type: 'startChild', ...ref, processId: processId.value, variables, businessKey: run.state.businessKey })
    run.events.push({ type: 'childStarted', ...ref, processId: processId.value, variables })
  },
  terminate(run, instance) {
    if (instance.status === 'waiting') run.effects.push({ type: 'cancelChild', elementInstanceId: instance.id })
  },
}
