// A script task evaluates its FEEL expression into its result variable and
// completes at once, or (with zeebe:taskDefinition instead) behaves as a job task.
import { evaluateFeel } from '../../feel.js'
import type { ScriptTask } from '../../types.js'
import { describe } from '../describe.js'
import type { ElementBehaviour } from './behaviour.js'
import { cancelJob, createJob } from './job.js'

export const scriptTask: ElementBehaviour<ScriptTask> = {
  activate(run, instance, element) {
    if (element.job) return createJob(run, instance, element, element.job)
    if (!element.script) throw new Error(`script task '${element.id}' has neither a script nor a job`)
    const result = evaluateFeel(element.script.expression, run.variablesFor(instance), run.now)
    if (!result.ok) return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the script of ${describe(element)}: ${result.error}`)
    run.complete(instance, { [element.script.resultVariable]: result.value })
  },
  retryWait(run, instance, element) {
    if (element.job) createJob(run, instance, element, element.job)
  },
  terminate: (run, instance) => cancelJob(run, instance),
}
