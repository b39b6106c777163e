// Schemas of the engine's API resources.
import { Type } from 'typebox'

export const Key = Type.String({ pattern: '^[0-9]{1,19}$', description: 'A numeric key' })
export const KeyParams = Type.Object({ key: Key })
export const VariablesSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'Variables by name (JSON values)' })
export const Page = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}

export const DeployedProcess = Type.Object({
  key: Type.String(),
  processId: Type.String(),
  version: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  resourceName: Type.String(),
  isNew: Type.Boolean(),
})

export const Definition = Type.Object({
  key: Type.String(),
  processId: Type.String(),
  version: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  resourceName: Type.String(),
  deploymentKey: Type.String(),
  deployedAt: Type.String({ format: 'date-time' }),
  xml: Type.Optional(Type.String()),
})

export const Incident = Type.Object({
  key: Type.String(),
  instanceKey: Type.String(),
  elementId: Type.String(),
  elementInstanceId: Type.Integer(),
  type: Type.String(),
  message: Type.String(),
  state: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
})

export const UserTask = Type.Object({
  key: Type.String(),
  instanceKey: Type.String(),
  processId: Type.String(),
  elementId: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  assignee: Type.Union([Type.String(), Type.Null()]),
  candidateGroups: Type.Array(Type.String()),
  candidateUsers: Type.Array(Type.String()),
  dueDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  followUpDate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  priority: Type.Integer(),
  formId: Type.Union([Type.String(), Type.Null()]),
  formKey: Type.Union([Type.String(), Type.Null()]),
  variables: VariablesSchema,
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedBy: Type.Union([Type.String(), Type.Null()]),
  withheld: Type.Optional(Type.Boolean({ description: 'True when this belongs to a case you may not read (a process owner): its variables are left out' })),
})

export const Instance = Type.Object({
  key: Type.String(),
  processId: Type.String(),
  version: Type.Integer(),
  definitionKey: Type.String(),
  businessKey: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  activeElements: Type.Array(Type.Object({ elementInstanceId: Type.Integer(), elementId: Type.String(), status: Type.String() })),
  variables: VariablesSchema,
  withheld: Type.Optional(Type.Boolean({ description: 'True when this belongs to a case you may not read (a process owner): its variables are left out' })),
  incidents: Type.Array(Incident),
  parent: Type.Union([
    Type.Object({ instanceKey: Type.String(), elementInstanceId: Type.Integer({ description: 'The call activity that started this instance' }), rootInstanceKey: Type.String() }),
    Type.Null(),
  ], { description: 'Set when a call activity started this instance' }),
  children: Type.Array(Type.Object({
    instanceKey: Type.String(),
    processId: Type.String(),
    version: Type.Integer(),
    status: Type.String(),
    parentElementInstanceId: Type.Integer({ description: 'The call activity element instance that started it' }),
  }), { description: 'Instances this one started through call activities' }),
})

export const HistoryEntry = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  elementId: Type.Union([Type.String(), Type.Null()]),
  elementInstanceId: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
  data: Type.Record(Type.String(), Type.Unknown()),
})
