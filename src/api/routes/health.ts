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
      summary: 'Is the database reachable and its migrations current',
      response: {
        200: Type.Object({ status: Type.Literal('ready'), database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]) }),
        ...errorResponses(503),
      },
    },
  }, async () => {
    let pending: number
    try {
      pending = await pendingMigrations(app.db.sql)
    } catch {
      throw new SamflytError('SAMFLYT_NOT_READY', 'The database does not answer')
    }
    if (pending > 0) throw new SamflytError('SAMFLYT_NOT_READY', `The database lacks ${pending} migration(s); run npm run migrate`)
    return { status: 'ready' as const, database: app.db.kind }
  })
}
