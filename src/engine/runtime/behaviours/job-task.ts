// Service, business-rule and send tasks: wait for a worker to complete a job.
import type { JobTask } from '../../types.js'
import type { ElementBehaviour } from './behaviour.js'
import { cancelJob, createJob } from './job.js'

export const jobTask: ElementBehaviour<JobTask> = {
  activate: (run, instance, element) => createJob(run, instance, element, element.job),
  retryWait: (run, instance, element) => createJob(run, instance, element, element.job),
  terminate: (run, instance) => cancelJob(run, instance),
}
