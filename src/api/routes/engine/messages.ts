// Publishing messages: correlated to waiting instances by name and correlation key, or buffered
// for their time to live. Who may publish: process owners and admins (an operator re-sending a
// lost callback); the KE's own code publishes through the engine, not this route, and a message a
// KE process waits for or starts on is refused here (src/cases/case-access-domain.ts). There is no
// service role yet: an integration gets one when it needs to publish.
import { Type } from 'typebox'
import type { App } from '../../app.js'
import { principalOf } from '../../plugins/access.js'
import { errorResponses } from '../../schemas.js'
import { SamflytError } from '../../../errors.js'
import { durationMs } from '../../../engine/store/durations.js'
import type { Variables } from '../../../engine/types.js'
import { VariablesSchema } from './schemas.js'
import { checkMessageAllowed } from '../../../cases/case-access-domain.js'

const PUBLISHERS = ['process-owner', 'admin'] as const
/** Zeebe's limit on names and keys with a relational secondary store. */
const MAX_TEXT = 256
/** A buffered message lives at most this long (a year): a bigger number is a mistake, not a plan. */
const MAX_TTL_MS = 366 * 24 * 3_600_000

const PublishBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: MAX_TEXT, description: 'The message name the subscriptions wait for' }),
  correlationKey: Type.String({ maxLength: MAX_TEXT, description: 'Matched against the subscriptions\' correlation keys; may be empty only for message start events' }),
  variables: Type.Optional(VariablesSchema),
  timeToLive: Type.Optional(Type.Union([
    Type.Integer({ minimum: 0, maximum: MAX_TTL_MS, description: 'Milliseconds' }),
    Type.String({ description: 'An ISO 8601 duration such as PT10M or P2D' }),
  ], { description: 'How long the message stays buffered for subscriptions opened later; 0 (the default) means correlate now or never' })),
  messageId: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_TEXT, description: 'Makes publishing idempotent: the same name and id while the first is buffered is refused with 409' })),
}, { additionalProperties: false })

const Published = Type.Object({
  messageKey: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  correlations: Type.Array(Type.Object({
    processId: Type.String(),
    instanceKey: Type.String(),
    elementId: Type.String(),
    started: Type.Boolean({ description: 'True when the message started the instance (a message start event)' }),
  })),
})

export async function messageRoutes(app: App) {
  // The body schema would coerce a null to "" (ajv coerceTypes): a null key must be refused, not guessed.
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url !== '/api/messages' || request.method !== 'POST') return
    const body = request.body as Record<string, unknown> | null
    if (!body || typeof body !== 'object') return
    for (const field of ['name', 'correlationKey', 'messageId', 'timeToLive', 'variables']) {
      if (body[field] === null) throw new SamflytError('SAMFLYT_VALIDATION', `/body/${field} must not be null`, [{ path: `/body/${field}`, message: 'must not be null' }])
    }
  })

  app.post('/api/messages', {
    config: { roles: PUBLISHERS },
    schema: {
      tags: ['engine'],
      summary: 'Publish a message (Zeebe semantics: correlated at most once per process; buffered for its time to live)',
      description: 'A message that a KE casework process (ke-sak and what it calls) waits for or starts on is refused with 403: the casework publishes those itself.',
      body: PublishBody,
      response: { 201: Published, ...errorResponses(400, 403, 409) },
    },
  }, async (request, reply) => {
    const { name, correlationKey, variables, timeToLive, messageId } = request.body
    const timeToLiveMs = typeof timeToLive === 'string' ? parseTimeToLive(timeToLive) : timeToLive ?? 0
    if (timeToLiveMs > MAX_TTL_MS) throw invalid('timeToLive', `is longer than the limit of ${MAX_TTL_MS} ms (366 days)`)
    await checkMessageAllowed(app.db.sql, app.engine, name)
    const published = await app.engine.publishMessage({ name, correlationKey, variables: variables as Variables | undefined, timeToLiveMs, messageId }, principalOf(request).username)
    return reply.status(201).send({ messageKey: published.key, expiresAt: published.expiresAt.toISOString(), correlations: published.correlations })
  })
}

function parseTimeToLive(text: string): number {
  if (/^\d+$/.test(text)) return Number(text)
  const ms = durationMs(text)
  if (ms === null) throw invalid('timeToLive', `'${text}' is neither milliseconds nor an ISO 8601 duration such as PT10M (years and months are not allowed)`)
  return ms
}

const invalid = (field: string, message: string) =>
  new SamflytError('SAMFLYT_VALIDATION', `/body/${field} ${message}`, [{ path: `/body/${field}`, message }])
