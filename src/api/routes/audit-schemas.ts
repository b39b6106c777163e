// Response schemas of the audit routes.
import { Type } from 'typebox'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const Problem = Type.Object({
  chain: Type.Union([Type.Literal('history'), Type.Literal('access'), Type.Literal('seal')]),
  key: Type.String({ description: 'The instance key (history), case id (access) or seal id (seal)' }),
  seq: Nullable(Type.Integer({ description: 'The first row that does not match' })),
  code: Type.String({ description: 'gap, hash, unchained, removed-unrecorded, head, seal-missing, seal-changed or seal-hash' }),
  message: Type.String(),
})

export const IntegrityReport = Type.Object({
  ok: Type.Boolean(),
  checkedAt: Type.String({ format: 'date-time' }),
  chains: Type.Array(Type.Object({
    chain: Type.Union([Type.Literal('history'), Type.Literal('access')]),
    key: Type.String(),
    rows: Type.Integer(),
    unchained: Type.Integer({ description: 'Rows from before the chain existed' }),
    removed: Type.Integer({ description: 'Rows whose data the retention job removed, checked by the recorded hash' }),
    sealedThrough: Nullable(Type.Integer()),
    ok: Type.Boolean(),
    problem: Nullable(Problem),
  })),
  seals: Type.Object({ checked: Type.Integer(), ok: Type.Boolean() }),
  problems: Type.Array(Problem),
  newestSeal: Nullable(Type.Object({ id: Type.String(), sealHash: Type.String(), sealedAt: Type.String({ format: 'date-time' }) })),
})

const Pair = Type.Object({ key: Type.String(), label: Type.String(), value: Type.String() })

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: Type.Union([
    Type.Literal('start'), Type.Literal('human'), Type.Literal('automatic'), Type.Literal('decision'), Type.Literal('letter'),
    Type.Literal('deadline'), Type.Literal('withdrawal'), Type.Literal('incident'), Type.Literal('end'),
  ]),
  instanceKey: Nullable(Type.String()),
  elementId: Nullable(Type.String()),
  seq: Nullable(Type.Integer({ description: 'The engine history row it comes from' })),
  actor: Nullable(Type.Object({ username: Type.String(), name: Type.String(), role: Type.String() })),
  text: Type.String({ description: 'The entry in one sentence, in the language asked for' }),
  entered: Type.Array(Pair, { description: 'What the person entered at the step' }),
  changes: Type.Array(Type.Object({ label: Type.String(), before: Type.String(), after: Type.String() }), { description: 'For a step done again: what changed since last time' }),
  decision: Type.Optional(Type.Object({
    id: Type.String(), ruleSetId: Type.String(), version: Type.Integer(),
    facts: Type.Array(Pair),
    reasons: Type.Array(Type.Object({ rule: Type.String(), reason: Type.String(), law: Nullable(Type.String()) })),
  })),
  letter: Type.Optional(Type.Object({
    id: Type.String(), kind: Type.String(), status: Type.String(), draftedAt: Type.String(), approvedBy: Nullable(Type.String()),
    approvedAt: Nullable(Type.String()), sentAt: Nullable(Type.String()), channel: Nullable(Type.String()), checksum: Type.String(),
  })),
})

export const Timeline = Type.Object({
  caseId: Type.String(),
  reference: Type.String(),
  language: Type.Union([Type.Literal('nb'), Type.Literal('nn')]),
  entries: Type.Array(TimelineEntry),
})

const Counts = Type.Record(Type.String(), Type.Integer())

export const CasePath = Type.Object({
  caseId: Type.String(),
  instances: Type.Array(Type.Object({
    instanceKey: Type.String(),
    parentKey: Nullable(Type.String()),
    processId: Type.String(),
    version: Type.Integer(),
    status: Type.String(),
    xml: Type.String({ description: 'The BPMN of the exact definition version the instance ran' }),
    visits: Counts,
    flows: Counts,
    active: Type.Array(Type.String()),
    incidents: Type.Array(Type.String()),
    terminated: Type.Array(Type.String()),
  })),
})
