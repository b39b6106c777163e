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
