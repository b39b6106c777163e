// Resolving an incident retries the step that failed, with the variables as
// they are now (an operator usually sets a variable first).
import type { Command } from '../../types.js'
import { behaviourOf } from '../behaviours/index.js'
import type { Run } from '../run.js'

export function resolveIncident(run: Run, command: Extract<Command, { type: 'resolveIncident' }>): void {
  const incident = run.state.incidents.find((open) => open.id === command.incidentId)
  run.resolveIncident(command.incidentId)
  const instance = incident && run.find(incident.elementInstanceId)
  if (!instance) return
  switch (instance.status) {
    case 'activating':
      return run.activate(instance)
    case 'completing':
      return run.finish(instance)
    case 'waiting': {
      // The job ran out of retries or threw an uncaught error: give the worker a new job.
      const element = run.element(instance)
      return behaviourOf(element).retryWait?.(run, instance, element)
    }
  }
}
