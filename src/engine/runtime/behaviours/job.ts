// The wait state shared by every element that hands work to a worker.
import { evaluateAs } from '../../feel.js'
import type { Element, ElementInstanceState, JobDefinition } from '../../types.js'
import { describe } from '../describe.js'
import type { Run } from '../run.js'

/** Evaluates the job type and retries now (they may be FEEL) and asks the store for a job. */
export function createJob(run: Run, instance: ElementInstanceState, element: Element, job: JobDefinition): void {
  const variables = run.variablesFor(instance)
  const type = evaluateAs(job.type, 'string', variables, run.now)
  if (!type.ok) return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the job type of ${describe(element)}: ${type.error}`)
  const retries = evaluateAs(job.retries, 'number', variables, run.now)
  if (!retries.ok || !Number.isInteger(retries.value) || retries.value < 0) {
    const reason = retries.ok ? `it gave ${retries.value}, not a whole number of 0 or more` : retries.error
    return run.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Failed to evaluate the job retries of ${describe(element)}: ${reason}`)
  }
  instance.status = 'waiting'
  run.effects.push({
    type: 'createJob',
    elementInstanceId: instance.id,
    elementId: element.id,
    jobType: type.value,
    retries: retries.value,
    customHeaders: { ...job.headers },
    variables: { ...variables },
  })
  run.events.push({ type: 'jobCreated', elementInstanceId: instance.id, elementId: element.id, jobType: type.value, retries: retries.value })
}

export function cancelJob(run: Run, instance: ElementInstanceState): void {
  if (instance.status === 'waiting') run.effects.push({ type: 'cancelJob', elementInstanceId: instance.id })
}
