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
// - subscription: an element instance waiting for a timer to fall due or a
//   message to arrive (a timer catch or boundary event, a receive task, an
//   event-based gateway's branches, an event sub-process's start). Open ones
//   are in `InstanceState.subscriptions`; the store keeps timers as rows with a
//   due time and matches published messages to message subscriptions.
// - scope: an element instance whose variables enclose others: the process
//   (0), an embedded or event sub-process, a multi-instance body.
// - multi-instance body: the element instance that stands for a whole
//   multi-instance activity; each item of its input collection runs as an inner
//   instance of the same element inside it.
// - child instance: the instance a call activity started; it knows its parent
//   (`InstanceState.parent`) and reports back with `completeChild`.
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
  | 'eventBasedGateway'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'receiveTask'
  | 'boundaryEvent'
  | 'errorEndEvent'
  | 'messageEndEvent'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity'

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
  /** The (event) sub-process this element is directly inside; null at process level. */
  readonly parentId: string | null
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

/**
 * A timer. `date`: an ISO 8601 date-time; `duration`: an ISO 8601 duration from
 * when the timer opens; `cycle`: `R<n>/<duration>` (n repetitions, none for
 * unbounded), optionally `R<n>/<start date>/<duration>`, or a cron expression
 * as Zeebe accepts it (Spring's six fields, seconds first, or five).
 */
export interface TimerDefinition {
  readonly timerType: 'date' | 'duration' | 'cycle'
  readonly expression: Expression
}

/** A message subscription. The correlation key is evaluated when the subscription opens; start events have none. */
export interface MessageDefinition {
  readonly name: Expression
  readonly correlationKey: Expression | null
}

/** What starts an event sub-process, or what a catch or boundary event waits for. */
export type EventTrigger =
  | { readonly type: 'timer'; readonly timer: TimerDefinition }
  | { readonly type: 'message'; readonly message: MessageDefinition }
  /** `errorCode` null catches every error. */
  | { readonly type: 'error'; readonly errorCode: string | null }

/** zeebe:loopCharacteristics on a task, sub-process or call activity. FEEL without the leading `=`. */
export interface MultiInstanceDefinition {
  readonly sequential: boolean
  readonly inputCollection: string
  /** Each inner instance gets its item as this local variable. */
  readonly inputElement: string | null
  /** Collected into this variable of the body's scope, in input order. */
  readonly outputCollection: string | null
  /** Evaluated in each inner instance when it completes; its value is the item's place in the output collection. */
  readonly outputElement: string | null
  /** Evaluated after each inner instance completes; true ends the body, terminating the inner instances still running. */
  readonly completionCondition: string | null
}

/** Fields every activity (task, sub-process, call activity) has. */
interface ActivityBase extends ElementBase {
  /** Boundary events attached to this activity, in document order. */
  readonly boundaryEvents: readonly string[]
  readonly multiInstance: MultiInstanceDefinition | null
}

/**
 * A start event. `trigger` null is the none start event. At process level a
 * timer or message start event starts new instances (see `startSubscriptions`);
 * in an event sub-process the start event's trigger opens the sub-process.
 */
export interface StartEvent extends ElementBase {
  readonly kind: 'startEvent'
  readonly trigger: EventTrigger | null
  /** Only meaningful in an event sub-process: whether starting it terminates the rest of its scope. */
  readonly interrupting: boolean
}
export interface EndEvent extends ElementBase { readonly kind: 'endEvent' | 'terminateEndEvent' }
/** Throws a BPMN error; the closest enclosing boundary event or event sub-process that matches catches it. */
export interface ErrorEndEvent extends ElementBase {
  readonly kind: 'errorEndEvent'
  readonly errorCode: Expression
}
/** A message end event is a job, as in Zeebe (a worker sends the message). */
export interface MessageEndEvent extends ElementBase {
  readonly kind: 'messageEndEvent'
  readonly job: JobDefinition
}
export interface IntermediateCatchEvent extends ElementBase {
  readonly kind: 'intermediateCatchEvent'
  readonly trigger: Extract<EventTrigger, { type: 'timer' | 'message' }>
}
/** A none throw event passes straight through; a message throw event is a job (`job` set). */
export interface IntermediateThrowEvent extends ElementBase {
  readonly kind: 'intermediateThrowEvent'
  readonly job: JobDefinition | null
}
export interface BoundaryEvent extends ElementBase {
  readonly kind: 'boundaryEvent'
  readonly attachedTo: string
  /** cancelActivity: an interrupting boundary event terminates the activity it is attached to. */
  readonly interrupting: boolean
  readonly trigger: EventTrigger
}
export interface PlainTask extends ActivityBase { readonly kind: 'task' }
export interface JobTask extends ActivityBase {
  readonly kind: 'serviceTask' | 'businessRuleTask' | 'sendTask'
  readonly job: JobDefinition
}
/** A script task runs either a FEEL expression in the engine (`script`) or a job (`job`); exactly one is set. */
export interface ScriptTask extends ActivityBase {
  readonly kind: 'scriptTask'
  readonly script: { readonly expression: string; readonly resultVariable: string } | null
  readonly job: JobDefinition | null
}
export interface UserTask extends ActivityBase {
  readonly kind: 'userTask'
  readonly userTask: UserTaskDefinition
}
export interface ReceiveTask extends ActivityBase {
  readonly kind: 'receiveTask'
  readonly message: MessageDefinition
}
/** An embedded sub-process: its own variable scope, entered at its none start event. */
export interface SubProcess extends ActivityBase {
  readonly kind: 'subProcess'
  readonly startEventId: string
  /** Event sub-processes directly inside it. */
  readonly eventSubProcesses: readonly string[]
}
/** triggeredByEvent: opened by its one start event while its enclosing scope is active. */
export interface EventSubProcess extends ElementBase {
  readonly kind: 'eventSubProcess'
  readonly startEventId: string
  readonly eventSubProcesses: readonly string[]
}
/** zeebe:calledElement. */
export interface CallActivity extends ActivityBase {
  readonly kind: 'callActivity'
  readonly processId: Expression
  /** Default true: the child's variables at completion are merged into the parent (unless output mappings decide). */
  readonly propagateAllChildVariables: boolean
  /** Default true: the child starts with every variable visible at the call activity; false: only its input mappings. */
  readonly propagateAllParentVariables: boolean
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

/** Waits for the first of its branches' events (the intermediate catch events and receive tasks after it). */
export interface EventBasedGateway extends ElementBase {
  readonly kind: 'eventBasedGateway'
}

export type Element =
  | StartEvent
  | EndEvent
  | ErrorEndEvent
  | MessageEndEvent
  | IntermediateCatchEvent
  | IntermediateThrowEvent
  | BoundaryEvent
  | PlainTask
  | JobTask
  | ScriptTask
  | UserTask
  | ReceiveTask
  | Gateway
  | EventBasedGateway
  | SubProcess
  | EventSubProcess
  | CallActivity
export type ElementOfKind<K extends ElementKind> = Extract<Element, { kind: K }>

export interface ProcessModel {
  /** The BPMN process id (Zeebe's "bpmnProcessId"). */
  readonly processId: string
  readonly name: string | null
  /** The none start event `start` uses by default; null when the process has only timer or message starts. */
  readonly startEventId: string | null
  /** Every process-level start event (none, timer, message), in document order. */
  readonly startEvents: readonly string[]
  /** Event sub-processes at process level. */
  readonly eventSubProcesses: readonly string[]
  /** Every element, at any depth (ids are unique in a BPMN file); `parentId` says where each one is. */
  readonly elements: Readonly<Record<string, Element>>
  readonly flows: Readonly<Record<string, SequenceFlow>>
}

// ---------------------------------------------------------------- instance state

export type InstanceStatus = 'active' | 'completed' | 'cancelled'

/**
 * - activating: input mappings or the element's own expressions are being
 *   evaluated; an element instance stays here only with an incident.
 * - waiting: in a wait state (job or user task open, subscription open,
 *   child instance running), or a scope (sub-process, multi-instance body)
 *   with element instances inside it.
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
  /** Local variables: present when the element has input mappings, or holds a result awaiting its output mappings, or is a scope. */
  variables?: Variables
  /** Present on a multi-instance body (the element instance standing for the whole activity). */
  body?: MultiInstanceBodyState
  /** Present on an inner instance of a multi-instance body: its place in the input collection, from 0. */
  loopIndex?: number
}

export interface MultiInstanceBodyState {
  /** The input collection's length when the body was activated. */
  count: number
  /** Inner instances activated so far (the next loopCounter is this + 1). */
  started: number
  completed: number
  /** Sequential only: the input collection as read at activation, for the inner instances still to come. */
  items?: JsonValue[]
}

/** Tokens that arrived at a joining gateway and wait for the others. */
export interface JoinState {
  scope: number
  gatewayId: string
  /** Flow id -> tokens that came along it and are not yet consumed. */
  arrived: Record<string, number>
}

export type IncidentType = 'EXTRACT_VALUE_ERROR' | 'CONDITION_ERROR' | 'UNHANDLED_ERROR_EVENT' | 'JOB_NO_RETRIES' | 'CALLED_ELEMENT_ERROR' | 'STEP_LIMIT_EXCEEDED'

interface SubscriptionBase {
  /** From `InstanceState.next`; unique within the instance. */
  id: number
  /** The timer or message event (catch, boundary, event sub-process start) or the receive task. */
  elementId: string
  /**
   * The element instance it belongs to: the catch event or receive task, the
   * activity carrying the boundary event, the event-based gateway, or the scope
   * of an event sub-process (0 is the process).
   */
  elementInstanceId: number
}

export interface TimerSubscriptionState extends SubscriptionBase {
  kind: 'timer'
  /** ISO 8601 date-time. */
  dueAt: string
  /** For a cycle: how to compute the next repetition after this one fires. */
  cycle: TimerCycle | null
}

/** An evaluated cycle: an ISO interval or a cron expression, and how many repetitions are left after the one scheduled (null: unbounded). */
export type TimerCycle = ({ interval: string } | { cron: string }) & { remaining: number | null }

export interface MessageSubscriptionState extends SubscriptionBase {
  kind: 'message'
  messageName: string
  correlationKey: string
  interrupting: boolean
}

export type SubscriptionState = TimerSubscriptionState | MessageSubscriptionState

/** The call activity element instance that started this instance. */
export interface ParentRef {
  instanceKey: string
  elementInstanceId: number
}

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
  /** Open timers and message subscriptions. */
  subscriptions: SubscriptionState[]
  /** Set when a call activity started this instance; opaque to the runtime except for its presence. */
  parent: ParentRef | null
}

// ---------------------------------------------------------------- commands

export type Command =
  | {
      type: 'start'
      variables?: Variables
      businessKey?: string | null
      /** A timer or message start event; default: the none start event. */
      startEventId?: string
      parent?: ParentRef | null
    }
  | { type: 'completeJob'; elementInstanceId: number; variables?: Variables }
  /** A job attempt failed. The store decides the retries left; at 0 the runtime raises JOB_NO_RETRIES. */
  | { type: 'failJob'; elementInstanceId: number; retries: number; errorMessage: string }
  | { type: 'throwError'; elementInstanceId: number; errorCode: string; errorMessage?: string }
  | { type: 'completeUserTask'; elementInstanceId: number; variables?: Variables }
  /** Without elementInstanceId: set on the process scope. With it: from that scope outwards, or only there when local. */
  | { type: 'setVariables'; variables: Variables; elementInstanceId?: number; local?: boolean }
  | { type: 'resolveIncident'; incidentId: number }
  | { type: 'cancel' }
  /** A due timer fires (the store's timer loop). A closed subscription is rejected: SUBSCRIPTION_NOT_FOUND. */
  | { type: 'triggerTimer'; subscriptionId: number }
  /** A published message matched this subscription; its variables are set where the event is. */
  | { type: 'correlateMessage'; subscriptionId: number; messageName: string; variables: Variables }
  /** The instance this call activity started completed; `variables` are its process-scope variables then. */
  | { type: 'completeChild'; elementInstanceId: number; variables: Variables }
  /** The store could not start the called process: a CALLED_ELEMENT_ERROR incident on the call activity. */
  | { type: 'childNotStarted'; elementInstanceId: number; message: string }

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
  /** Insert the timer, or replace it when the same subscription id is rescheduled (a cycle's next repetition). */
  | { type: 'scheduleTimer'; subscriptionId: number; elementId: string; elementInstanceId: number; dueAt: string }
  | {
      type: 'openMessageSubscription'
      subscriptionId: number
      elementId: string
      elementInstanceId: number
      messageName: string
      correlationKey: string
      interrupting: boolean
    }
  /** A timer or message subscription is gone (fired, or its element instance ended). */
  | { type: 'closeSubscription'; subscriptionId: number }
  /**
   * Start the latest version of `processId` with parent = (this instance,
   * elementInstanceId), in the same transaction. The child's business key is this instance's.
   */
  | { type: 'startChild'; elementInstanceId: number; elementId: string; processId: string; variables: Variables; businessKey: string | null }
  /** Cancel the instance this call activity started (and its own children). */
  | { type: 'cancelChild'; elementInstanceId: number }
  /**
   * A BPMN error nothing in this instance catches, in a child instance: the
   * store sends `throwError` to the parent's call activity instead of an incident here.
   */
  | { type: 'propagateError'; errorCode: string; errorMessage: string; elementId: string }

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
  | ({ type: 'timerScheduled'; subscriptionId: number; dueAt: string; timerElementId: string } & ElementRef)
  | ({ type: 'timerFired'; subscriptionId: number; dueAt: string; timerElementId: string } & ElementRef)
  | ({ type: 'messageSubscriptionOpened'; subscriptionId: number; messageName: string; correlationKey: string; eventElementId: string } & ElementRef)
  | ({ type: 'messageCorrelated'; subscriptionId: number; messageName: string; correlationKey: string; variables: Variables; eventElementId: string } & ElementRef)
  | ({ type: 'subscriptionClosed'; subscriptionId: number; kind: 'timer' | 'message'; eventElementId: string } & ElementRef)
  /** A BPMN error was thrown (error end event, job worker, or propagated from a child instance). */
  | ({ type: 'errorThrown'; errorCode: string; errorMessage: string } & ElementRef)
  /** Caught by `catchElementId` (a boundary event or an event sub-process's start event). */
  | ({ type: 'errorCaught'; errorCode: string; catchElementId: string } & ElementRef)
  | ({ type: 'errorPropagated'; errorCode: string } & ElementRef)
  | ({ type: 'childStarted'; processId: string; variables: Variables } & ElementRef)
  | ({ type: 'childCompleted'; variables: Variables } & ElementRef)

export interface ExecuteContext {
  /** The engine clock: FEEL's now() and today() read it, nothing else does. */
  now: Date
  limits?: RuntimeLimits
}

/** What one command may do at most; beyond it, the token stops at an incident (never a hang). */
export interface RuntimeLimits {
  /** Element instances entered in one command. */
  maxSteps: number
  /** Items of one multi-instance input collection. */
  maxMultiInstance: number
}

export interface Result {
  state: InstanceState
  effects: Effect[]
  events: HistoryEvent[]
}
