import { describeElement } from '../moddle.js'
import { capitalize, readJobDefinition } from '../extensions.js'
import { extension } from '../moddle.js'
import type { ElementReader } from './reader.js'

const kinds = {
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:SendTask': 'sendTask',
} as const

// Service, business-rule and send tasks all create a job for a worker. A business-rule
// task names its rule set in the job type (`rules:<id>`): the rules layer is a worker.
export const readJobTask: ElementReader = (source, context) => {
  const kind = kinds[source.$type as keyof typeof kinds]
  if (extension(source, 'zeebe:CalledDecision')) {
    context.problem(
      source.id ?? null,
      `${capitalize(describeElement(source))} calls a DMN decision (zeebe:calledDecision), which is not supported: use <zeebe:taskDefinition type="rules:<rule set id>"/> instead.`,
    )
    return null
  }
  const job = readJobDefinition(source, context)
  return job === null ? null : { kind, job }
}
