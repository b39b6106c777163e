// The worker for service tasks of type `letters:dispatch`: sends the letter named by the
// process variable `letterId`, and completes with `letterStatus` and `letterChannel`.
//
// - A transient failure (5xx, timeout, the service unreachable) fails the job: the engine
//   retries it after its backoff while retries are left (set them on the task,
//   zeebe:taskDefinition retries). The last failed try marks the letter failed.
// - A permanent failure (the service refuses the letter: 4xx) fails the job with no retries
//   left: an incident at once, and the letter failed, which the caseworker sees with the reason.
//   Resending or marking it as sent by post resolves the incident and the process moves on.
import type { JobHandler } from '../../engine/executor/jobs.js'
import type { Letters } from '../letters.js'
import { DispatchError } from './errors.js'

export const DISPATCH_JOB_TYPE = 'letters:dispatch'

export function dispatchHandler(letters: Letters): JobHandler {
  return async (job) => {
    const letterId = job.variables.letterId
    if (typeof letterId !== 'string' || letterId === '') {
      return job.fail(`${DISPATCH_JOB_TYPE} needs the process variable letterId (the letter to send)`, { retries: 0 })
    }
    try {
      const letter = await letters.dispatch(letterId, { actor: `worker:${DISPATCH_JOB_TYPE}`, step: { instanceKey: job.instanceKey, elementId: job.elementId } })
      return job.complete({ letterStatus: letter.status, letterChannel: letter.channel })
    } catch (error) {
      if (!(error instanceof DispatchError)) {
        const message = (error as Error).message
        return job.fail(`Letter ${letterId} could not be sent: ${message}`, { retries: 0 })
      }
      const lastTry = !error.transient || job.retries <= 1
      await letters.recordFailure(letterId, error.message, lastTry)
      return error.transient ? job.fail(error.message) : job.fail(error.message, { retries: 0 })
    }
  }
}
