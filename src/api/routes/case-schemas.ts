// The JSON shape of one case as GET /api/cases/:id gives it (src/cases/view.ts readCase), so the
// OpenAPI document says what a reader gets and the web app's client is typed by it. Objects stay
// open (additionalProperties): a field added to the view is not cut from the answer.
import { Type, type TSchema } from 'typebox'

const Open = { additionalProperties: true } as const
const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options)
const Time = Type.String({ format: 'date-time' })

const Reason = Type.Object({
  rule: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String({ description: 'Why, in bokmål' })),
  reasonNn: Type.Optional(Type.String({ description: 'Why, in nynorsk' })),
  law: Type.Optional(Nullable(Type.String())),
}, Open)

export const CaseView = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  channel: Type.String(),
  sender: Type.Object({ role: Type.String(), name: Nullable(Type.String()), organisation: Nullable(Type.String()) }, Open),
  receivedOn: Type.String({ format: 'date' }),
  deadline: Type.String({ format: 'date' }),
  interimReplyDue: Type.String({ format: 'date' }),
  status: Type.String(),
  route: Nullable(Type.String()),
  unit: Type.String(),
  language: Type.String(),
  instanceKey: Nullable(Type.String()),
  linkedCaseId: Nullable(Type.String()),
  ipPartClosed: Type.Boolean(),
  interimReplySentAt: Nullable(Time),
  escalatedAt: Nullable(Time),
  withdrawnReason: Nullable(Type.String()),
  closedAt: Nullable(Time),
  createdAt: Time,
  person: Nullable(Type.Object({
    name: Type.String(),
    identityNumber: Type.String({ description: 'Masked (010190*****) unless the reader may see it and did not ask for it masked' }),
    identityKind: Type.String(),
    birthDate: Type.String({ format: 'date' }),
    language: Type.String(),
    address: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
    city: Nullable(Type.String()),
  }, Open), { description: 'null for a reader who sees the case only for anonymous discussion in the intake group' }),
  guardians: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    relation: Type.String(),
    identityNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    mayConsent: Type.Boolean(),
  }, Open)),
  consent: Nullable(Type.Object({
    status: Type.String(),
    consentGiven: Nullable(Type.Boolean()),
    ipDeclined: Type.Boolean(),
    givenBy: Nullable(Type.String()),
    requestedAt: Nullable(Time),
    reminders: Type.Integer(),
    answeredAt: Nullable(Time),
  }, Open)),
  facts: Type.Record(Type.String(), Type.Unknown()),
  summary: Nullable(Type.String()),
  tasks: Type.Array(Type.Object({
    key: Type.String(),
    elementId: Type.String(),
    name: Nullable(Type.String()),
    assignee: Nullable(Type.String()),
    candidateGroups: Type.Array(Type.String()),
    dueDate: Nullable(Time),
    priority: Type.Integer(),
    formId: Nullable(Type.String()),
    createdAt: Time,
  }, Open)),
  ruleDecisions: Type.Array(Type.Object({
    id: Type.String(),
    ruleSetId: Type.String(),
    version: Type.Integer({ description: 'The rule set version that decided' }),
    elementId: Nullable(Type.String()),
    events: Type.Array(Type.Unknown()),
    reasons: Type.Array(Reason),
    evaluatedAt: Time,
  }, Open)),
  decision: Nullable(Type.Object({
    outcome: Type.String(),
    rights: Nullable(Type.Record(Type.String(), Type.String())),
    reason: Nullable(Type.String()),
    decidedAt: Nullable(Time),
    decidedBy: Nullable(Type.String()),
  }, Open)),
  coordinator: Nullable(Type.Object({ id: Type.String(), name: Type.String(), unit: Nullable(Type.String()), appointedAt: Nullable(Time) }, Open)),
  intakeGroup: Type.Array(Type.Object({}, Open)),
  notifications: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), recipient: Type.String(), message: Type.String(), createdAt: Time }, Open)),
  linkedCases: Type.Array(Type.Object({ id: Type.String(), reference: Type.String(), status: Type.String() }, Open)),
}, Open)
