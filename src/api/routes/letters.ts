// Letters: a case's letters, a letter's PDF (every opening recorded in the case's access log), a preview of a draft,
// and what a caseworker does when dispatch failed: resend, or mark as sent by post.
// Approval is the letter-approval user task (src/api/routes/engine/user-tasks.ts).
// A letter is its case's data: only those who may read the case (src/cases/case-access.ts) see or
// act on it; anyone else gets 404, as for the case. Every answer that shows a letter is recorded.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { principalOf } from '../plugins/access.js'
import { errorResponses } from '../schemas.js'
import { loadConfig } from '../../config.js'
import { lettersFromConfig, type Letters } from '../../letters/letters.js'
import type { LetterRow } from '../../letters/store.js'
import { recordCaseReads } from '../../cases/access-log.js'
import { mayReadCase, readableCaseById } from '../../cases/case-access.js'
import { notFound } from '../../errors.js'
import type { Principal } from '../../auth/roles.js'

const READERS = ['caseworker', 'auditor', 'admin'] as const
const SENDERS = ['caseworker', 'admin'] as const

const CaseParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,19}$', description: 'The case id' }) })
const LetterParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'The letter id' }) })
const Purpose = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200, description: 'Why the letter is opened (recorded)' })) })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Time = Type.String({ format: 'date-time' })

const Letter = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  instanceKey: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('decision'), Type.Literal('interim-reply')]),
  language: Type.Union([Type.Literal('nb'), Type.Literal('nn')]),
  status: Type.Union(['draft', 'approved', 'sent', 'failed', 'sent-by-post'].map((s) => Type.Literal(s))),
  channel: Nullable(Type.String({ description: 'svarut, outbox (the embedded default) or post' })),
  checksum: Type.String({ description: 'sha256 of the PDF' }),
  template: Type.Object({ name: Type.String(), checksum: Type.String() }),
  dispatchId: Nullable(Type.String()),
  dispatchStatus: Nullable(Type.String()),
  lastError: Nullable(Type.String({ description: 'Why the last dispatch failed' })),
  createdBy: Type.String(),
  createdAt: Time,
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Time),
  sentBy: Nullable(Type.String()),
  sentAt: Nullable(Time),
}, { $id: 'Letter' })

const Pdf = { description: 'The letter as PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }

const iso = (date: Date | null) => (date ? date.toISOString() : null)

function present(letter: LetterRow) {
  return {
    id: letter.id,
    caseId: letter.caseId,
    instanceKey: letter.instanceKey,
    kind: letter.kind,
    language: letter.language,
    status: letter.status,
    channel: letter.channel,
    checksum: letter.checksum,
    template: { name: letter.templateName, checksum: letter.templateChecksum },
    dispatchId: letter.dispatchId,
    dispatchStatus: letter.dispatchStatus,
    lastError: letter.lastError,
    createdBy: letter.createdBy,
    createdAt: letter.createdAt.toISOString(),
    approvedBy: letter.approvedBy,
    approvedAt: iso(letter.approvedAt),
    sentBy: letter.sentBy,
    sentAt: iso(letter.sentAt),
  }
}

export interface LetterRouteOptions {
  /** The letters service; without one it is built from the environment on first use. */
  letters?: Letters | undefined
}

export async function letterRoutes(app: App, options: LetterRouteOptions) {
  let built = options.letters
  const letters = () => (built ??= lettersFromConfig(app.db.sql, loadConfig().letters, { engine: app.engine }))
  app.addSchema(Letter)
  const LetterRef = Type.Unsafe<ReturnType<typeof present>>({ $ref: 'Letter#' })

  /** The letter, when the principal may read its case; 404 (as if it did not exist) otherwise. */
  async function readableLetter(id: string, principal: Principal): Promise<LetterRow> {
    const letter = await letters().get(id)
    if (!(await mayReadCase(app.db.sql, principal, { id: letter.caseId }))) throw notFound('Letter', id)
    return letter
  }

  app.get('/api/cases/:id/letters', {
    config: { roles: READERS },
    schema: {
      tags: ['letters'],
      summary: "A case's letters, oldest first (the reading goes into the case's access log)",
      params: CaseParams,
      querystring: Purpose,
      response: { 200: Type.Object({ items: Type.Array(LetterRef) }), ...errorResponses(404) },
    },
  }, async (request) => {
    await readableCaseById(app.db.sql, principalOf(request), request.params.id)
    const items = await letters().list(request.params.id)
    const purpose = request.query.purpose
    await recordCaseReads(app.db.sql, [request.params.id], { principal: principalOf(request), purpose: `GET /api/cases/:id/letters${purpose ? `: ${purpose}` : ''}` })
    return { items: items.map(present) }
  })

  app.get('/api/letters/:id', {
    config: { roles: READERS },
    schema: { tags: ['letters'], summary: 'One letter: status, approval and dispatch (the reading goes into the case\'s access log)', params: LetterParams, response: { 200: LetterRef, ...errorResponses(404) } },
  }, async (request) => {
    const principal = principalOf(request)
    const letter = await readableLetter(request.params.id, principal)
    await recordCaseReads(app.db.sql, [letter.caseId], { principal, purpose: 'GET /api/letters/:id' })
    return present(letter)
  })

  app.get('/api/letters/:id/pdf', {
    config: { roles: READERS },
    schema: {
      tags: ['letters'],
      summary: 'The letter as stored: the draft, or exactly what was approved and sent (the opening is recorded)',
      params: LetterParams,
      querystring: Purpose,
      response: { 200: Pdf, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await readableLetter(request.params.id, principalOf(request))
    const { letter, pdf } = await letters().readPdf(request.params.id, principalOf(request), request.query.purpose ?? null)
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="${letter.kind === 'decision' ? 'vedtak' : 'forelopig-svar'}-${letter.id}.pdf"`)
      .send(pdf)
  })

  app.post('/api/letters/:id/preview', {
    config: { roles: SENDERS },
    schema: {
      tags: ['letters'],
      summary: 'Render a draft again before approval, optionally in the other language or with a reworded assessment; nothing is stored',
      params: LetterParams,
      body: Type.Optional(Type.Object({
        language: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('nn')])),
        assessment: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
      }, { additionalProperties: false })),
      response: { 200: Pdf, ...errorResponses(400, 404, 409) },
    },
  }, async (request, reply) => {
    await readableLetter(request.params.id, principalOf(request))
    const pdf = await letters().preview(request.params.id, principalOf(request), request.body ?? {})
    return reply.type('application/pdf').header('cache-control', 'no-store').send(pdf)
  })

  app.post('/api/letters/:id/resend', {
    config: { roles: SENDERS },
    schema: {
      tags: ['letters'],
      summary: 'Send a failed letter again; when it goes out, the process step waiting on it moves on. A new failure shows in lastError',
      params: LetterParams,
      response: { 200: LetterRef, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    await readableLetter(request.params.id, principal)
    const letter = await letters().resend(request.params.id, principal.username)
    await recordCaseReads(app.db.sql, [letter.caseId], { principal, purpose: 'POST /api/letters/:id/resend' })
    return present(letter)
  })

  app.post('/api/letters/:id/mark-sent-by-post', {
    config: { roles: SENDERS },
    schema: {
      tags: ['letters'],
      summary: 'Record that an approved or failed letter went out on paper; the process step waiting on it moves on',
      params: LetterParams,
      response: { 200: LetterRef, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const principal = principalOf(request)
    await readableLetter(request.params.id, principal)
    const letter = await letters().markSentByPost(request.params.id, principal.username)
    await recordCaseReads(app.db.sql, [letter.caseId], { principal, purpose: 'POST /api/letters/:id/mark-sent-by-post' })
    return present(letter)
  })
}
