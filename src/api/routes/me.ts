// The signed-in person's own things: signing out of the browser session, and their preferences.
import { Type } from 'typebox'
import type { App } from '../app.js'
import { ANY_ROLE, principalOf } from '../plugins/access.js'
import { clearSession } from '../plugins/session.js'
import { LANGUAGES, getPreferences, savePreferences, type Language } from '../../auth/preferences.js'
import { errorResponses } from '../schemas.js'

const LanguageSchema = Type.Unsafe<Language>({ type: 'string', enum: [...LANGUAGES], description: 'nb: bokmål, nn: nynorsk' })
const PreferencesSchema = Type.Object({ language: LanguageSchema }, { additionalProperties: false })

export async function meRoutes(app: App) {
  app.post('/api/auth/logout', {
    config: { roles: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'End the browser session (clears the session cookies)',
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    clearSession(request, reply)
    return reply.code(204).send(null)
  })

  app.get('/api/me/preferences', {
    config: { roles: ANY_ROLE },
    schema: { tags: ['auth'], summary: 'Your preferences (language)', response: { 200: PreferencesSchema } },
  }, async (request) => getPreferences(app.db.sql, principalOf(request).username))

  app.put('/api/me/preferences', {
    config: { roles: ANY_ROLE },
    schema: {
      tags: ['auth'],
      summary: 'Remember your preferences (language)',
      body: PreferencesSchema,
      response: { 200: PreferencesSchema, ...errorResponses(400) },
    },
  }, async (request) => savePreferences(app.db.sql, principalOf(request).username, request.body))
}
