// The engine's two technical errors. Neither is a BPMN error: a BPMN error is a
// business outcome thrown by a worker (the `throwError` command), not an exception.

export interface DeploymentProblem {
  /** The BPMN element (or sequence flow) at fault; null when the problem is the file itself. */
  elementId: string | null
  message: string
}

/** A definition was refused at deploy time. Carries every problem found, not just the first. */
export class DeploymentError extends Error {
  readonly code = 'DEPLOYMENT_REFUSED'
  readonly problems: readonly DeploymentProblem[]

  constructor(problems: readonly DeploymentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`The BPMN definition was refused (${count}):\n${problems.map((p) => `- ${p.message}`).join('\n')}`)
    this.name = 'DeploymentError'
    this.problems = problems
  }
}

export type CommandRejectionCode =
  | 'INSTANCE_ALREADY_STARTED'
  | 'INSTANCE_NOT_STARTED'
  | 'INSTANCE_NOT_ACTIVE'
  | 'ELEMENT_INSTANCE_NOT_FOUND'
  | 'NOT_A_JOB'
  | 'NOT_A_USER_TASK'
  | 'NOT_WAITING'
  | 'INCIDENT_NOT_FOUND'
  | 'STEP_LIMIT_EXCEEDED'
  | 'SUBSCRIPTION_NOT_FOUND'
  | 'START_EVENT_NOT_FOUND'
  | 'NOT_A_CALL_ACTIVITY'

/**
 * A command that does not fit the instance's state (a job completed twice, an
 * incident already resolved, a command for an ended instance). Nothing was
 * changed; the store rolls its transaction back and reports `code`.
 */
export class CommandRejectedError extends Error {
  readonly code: CommandRejectionCode

  constructor(code: CommandRejectionCode, message: string) {
    super(message)
    this.name = 'CommandRejectedError'
    this.code = code
  }
}
