import { Type } from 'typebox'
import type { App } from '../app.js'
import { pendingMigrations } from '../../db/migrate.js'
import { errorResponses } from '../schemas.js'
import { SamflytError } from '../../errors.js'

export async function healthRoutes(app: App) {
  app.get('/health', {
    config: { roles: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Is the process alive',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) },
    },
  }, async () => ({ status: 'ok' as const }))

  app.get('/ready', {
    config: { roles: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Is the database reachable, its migrations current, and do engine commands complete',
      description: `503 when the database does not answer within ${DATABASE_ANSWER_MS} ms, lacks migrations, or an engine command has run longer than SAMFLYT_COMMAND_STALL_MS (a stuck transaction holds its slot).`,
      response: {
        200: Type.Object({ status: Type.Literal('ready'), database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]) }),
        ...errorResponses(503),
      },
    },
  }, async () => {
    const engine = app.engine.health()
    if (!engine.ok) {
      throw new SamflytError('SAMFLYT_NOT_READY', `Engine commands do not complete: one has run for ${engine.oldestCommandMs} ms (the limit is ${engine.stallLimitMs} ms) and ${engine.waiting} wait`)
    }
    let pending: number
    try {
      pending = await withinMs(pendingMigrations(app.db.sql), DATABASE_ANSWER_MS)
    } catch {
      throw new SamflytError('SAMFLYT_NOT_READY', `The database does not answer within ${DATABASE_ANSWER_MS} ms`)
    }
    if (pending > 0) throw new SamflytError('SAMFLYT_NOT_READY', `The database lacks ${pending} migration(s); run npm run migrate`)
    return { status: 'ready' as const, database: app.db.kind }
  })
}

/** A readiness probe must answer, even when what it asks does not. */
const DATABASE_ANSWER_MS = 2_000

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
