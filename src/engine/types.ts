// The engine's shared vocabulary and types.
//
// Terminology
//
// - definition: a deployed BPMN file. It holds one or more processes; each
//   executable process becomes a `ProcessModel`, validated and frozen at deploy time.
// - instance: one run of a process model (one case going through the diagram).
//   Its whole state is an `InstanceState`, plain JSON that the store keeps.
// - element instance: one visit of a token to one element (a task, gateway or
//   event). It has a local integer id, unique within its instance. Visiting the
//   same task twice in a loop makes two element instances.
// - token: where the instance "is". Here a token is either a live element
//   instance or an arrival waiting at a joining gateway; when none are left the
//   instance is complete.
// - wait state: an element that stops the token until something outside the
//   instance happens: a job is completed, a user task is completed.
// - job: a unit of work for a worker, created by a service, business-rule, send
//   or script task. The store owns its retries and backoff; the runtime only
//   hears that it completed, failed for good, or threw a BPMN error.
// - user task: work for a person (a caseworker), completed with the form's variables.
// - incident: the instance is stuck on one element because of a technical
//   problem (an expression failed, a job ran out of retries, a BPMN error was not
//   caught). An operator fixes the cause and resolves it, which retries the step.
// - subscription: an instance waiting for a message or timer (a later issue; the
//   runtime here has none yet).
// - rule set: a versioned json-rules-engine file in rules/; a business-rule task
//   with job type `rules:<id>` runs it.
// - decision: one evaluation of a rule set, recorded with its inputs and reasons.

// ---------------------------------------------------------------- values

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type Variables = { [name: string]: JsonValue }

// ---------------------------------------------------------------- model

/** The element kinds the runtime can execute. Adding one: see src/engine/README.md. */
export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'terminateEndEvent'
  | 'task'
  | 'serviceTask'
  | 'businessRuleTask'
  | 'sendTask'
  | 'scriptTask'
  | 'userTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'

/**
 * A Zeebe-dialect attribute value: `{ feel }` when the attribute started with
 * `=` (the text after it is a FEEL expression), else `{ value }`, a static string.
 */
export type Expression = { readonly feel: string } | { readonly value: string }

export interface Mapping {
  readonly source: Expression
  /** A variable name, or a path such as `customer.address.city`. */
  readonly target: string
}

export interface SequenceFlow {
  readonly id: string
  readonly sourceId: string
  readonly targetId: string
  /** FEEL, without the leading `=`. Only flows leaving exclusive and inclusive gateways have one. */
  readonly condition: string | null
}

interface ElementBase {
  readonly id: string
  readonly name: string | null
  /** Flow ids, in document order of the sequence flows. */
  readonly incoming: readonly string[]
  readonly outgoing: readonly string[]
  readonly inputs: readonly Mapping[]
  readonly outputs: readonly Mapping[]
}

export interface JobDefinition {
  readonly type: Expression
  readonly retries: Expression
  readonly headers: Readonly<Record<string, string>>
}

export interface UserTaskDefinition {
  readonly assignee: Expression | null
  readonly candidateGroups: Expression | null
  readonly candidateUsers: Expression | null
  readonly dueDate: Expression | null
  readonly followUpDate: Expression | null
  readonly priority: Expression | null
  readonly formId: string | null
  readonly formKey: string | null
}

export interface StartEvent extends ElementBase { readonly kind: 'startEvent' }
export interface EndEvent extends ElementBase { readonly kind: 'endEvent' | 'terminateEndEvent' }
export interface PlainTask extends ElementBase { readonly kind: 'task' }
export interface JobTask extends ElementBase {
  readonly kind: 'serviceTask' | 'businessRuleTask' | 'sendTask'
  readonly job: JobDefinition
}
/** A script task runs either a FEEL expression in the engine (`script`) or a job (`job`); exactly one is set. */
export interface ScriptTask extends ElementBase {
  readonly kind: 'scriptTask'
  readonly script: { readonly expression: string; readonly resultVariable: string } | null
  readonly job: JobDefinition | null
}
export interface UserTask extends ElementBase {
  readonly kind: 'userTask'
  readonly userTask: UserTaskDefinition
}
export interface Gateway extends ElementBase {
  readonly kind: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway'
  readonly defaultFlow: string | null
  /**
   * Inclusive joins only: the elements from which a token can still reach this
   * gateway without passing through it. The join waits while any token is on one.
   */
  readonly upstream: readonly string[]
}

export type Element = StartEvent | EndEvent | PlainTask | JobTask | ScriptTask | UserTask | Gateway
export type ElementOfKind<K extends ElementKind> = Extract<Element, { kind: K }>

export interface ProcessModel {
  /** The BPMN process id (Zeebe's "bpmnProcessId"). */
  readonly processId: string
  readonly name: string | null
  readonly startEventId: string
  readonly elements: Readonly<Record<string, Element>>
  readonly flows: Readonly<Record<string, SequenceFlow>>
}

// ---------------------------------------------------------------- instance state

export type InstanceStatus = 'active' | 'completed' | 'cancelled'

/**
 * - activating: input mappings or the element's own expressions are being
 *   evaluated; an element instance stays here only with an incident.
 * - waiting: in a wait state (job or user task open).
 * - completing: output mappings and outgoing flows are being evaluated; an
 *   element instance stays here only with an incident.
 */
export type ElementInstanceStatus = 'activating' | 'waiting' | 'completing'

export interface ElementInstanceState {
  id: number
  elementId: string
  /** The element instance whose variables enclose this one; 0 is the process instance itself. */
  scope: number
  status: ElementInstanceStatus
  /** Local variables: present when the element has input mappings, or holds a result awaiting its output mappings. */
  variables?: Variables
}

/** Tokens that arrived at a joining gateway and wait for the others. */
export interface JoinState {
  scope: number
  gatewayId: string
  /** Flow id -> tokens that came along it and are not yet consumed. */
  arrived: Record<string, number>
}

export type IncidentType = 'EXTRACT_VALUE_ERROR' | 'CONDITION_ERROR' | 'UNHANDLED_ERROR_EVENT' | 'JOB_NO_RETRIES'

export interface IncidentState {
  id: number
  elementInstanceId: number
  elementId: string
  type: IncidentType
  message: string
}

/** Everything the runtime knows about one instance; plain JSON, stored as one JSONB value. */
export interface InstanceState {
  processId: string
  status: InstanceStatus
  businessKey: string | null
  /** The next local id for an element instance or incident. */
  next: number
  /** The process scope. */
  variables: Variables
  /** Live element instances only: completed and terminated ones are in the history, not here. */
  elements: ElementInstanceState[]
  joins: JoinState[]
  incidents: IncidentState[]
}

// ---------------------------------------------------------------- commands

export type Command =
  | { type: 'start'; variables?: Variables; businessKey?: string | null }
  | { type: 'completeJob'; elementInstanceId: number; variables?: Variables }
  /** A job attempt failed. The store decides the retries left; at 0 the runtime raises JOB_NO_RETRIES. */
  | { type: 'failJob'; elementInstanceId: number; retries: number; errorMessage: string }
  | { type: 'throwError'; elementInstanceId: number; errorCode: string; errorMessage?: string }
  | { type: 'completeUserTask'; elementInstanceId: number; variables?: Variables }
  /** Without elementInstanceId: set on the process scope. With it: from that scope outwards, or only there when local. */
  | { type: 'setVariables'; variables: Variables; elementInstanceId?: number; local?: boolean }
  | { type: 'resolveIncident'; incidentId: number }
  | { type: 'cancel' }

export type CommandType = Command['type']

// ---------------------------------------------------------------- effects (for the store to apply)

export interface UserTaskFields {
  name: string | null
  assignee: string | null
  candidateGroups: string[]
  candidateUsers: string[]
  /** ISO 8601 date-time strings. */
  dueDate: string | null
  followUpDate: string | null
  /** 0..100, Zeebe's default is 50. */
  priority: number
  formId: string | null
  formKey: string | null
}

export type Effect =
  | {
      type: 'createJob'
      elementInstanceId: number
      elementId: string
      jobType: string
      retries: number
      customHeaders: Record<string, string>
      /** What the worker sees: the element's scope after its input mappings. */
      variables: Variables
    }
  | { type: 'cancelJob'; elementInstanceId: number }
  | ({ type: 'createUserTask'; elementInstanceId: number; elementId: string; variables: Variables } & UserTaskFields)
  | { type: 'cancelUserTask'; elementInstanceId: number }
  | { type: 'raiseIncident'; incidentId: number; elementInstanceId: number; elementId: string; incidentType: IncidentType; message: string }
  | { type: 'resolveIncident'; incidentId: number }
  | { type: 'instanceCompleted' }
  | { type: 'instanceCancelled' }

// ---------------------------------------------------------------- history

interface ElementRef {
  elementInstanceId: number
  elementId: string
}

/** Ordered; the store adds the instance key, timestamp, sequence number and actor. */
export type HistoryEvent =
  | { type: 'instanceStarted'; processId: string; businessKey: string | null; variables: Variables }
  | { type: 'instanceCompleted' }
  | { type: 'instanceCancelled' }
  | ({ type: 'elementActivated'; elementKind: ElementKind; scope: number } & ElementRef)
  | ({ type: 'elementCompleted'; elementKind: ElementKind } & ElementRef)
  | ({ type: 'elementTerminated'; elementKind: ElementKind } & ElementRef)
  | { type: 'flowTaken'; flowId: string; sourceId: string; targetId: string }
  | ({ type: 'jobCreated'; jobType: string; retries: number } & ElementRef)
  | ({ type: 'jobCompleted'; variables: Variables } & ElementRef)
  | ({ type: 'jobFailed'; retries: number; errorMessage: string } & ElementRef)
  | ({ type: 'jobErrorThrown'; errorCode: string; errorMessage: string } & ElementRef)
  | ({ type: 'userTaskCreated' } & UserTaskFields & ElementRef)
  | ({ type: 'userTaskCompleted'; variables: Variables } & ElementRef)
  | ({ type: 'incidentRaised'; incidentId: number; incidentType: IncidentType; message: string } & ElementRef)
  | ({ type: 'incidentResolved'; incidentId: number } & ElementRef)
  /** `scope` 0 is the process scope, otherwise an element instance's local scope. Only the names written are listed. */
  | { type: 'variablesSet'; scope: number; variables: Variables }

export interface ExecuteContext {
  /** The engine clock: FEEL's now() and today() read it, nothing else does. */
  now: Date
}

export interface Result {
  state: InstanceState
  effects: Effect[]
  events: HistoryEvent[]
}
