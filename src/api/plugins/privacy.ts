// Identity numbers never travel in URLs: they end up in proxies' and browsers' logs and history,
// and a query's purpose in the case's access log, which cannot be deleted. A request whose path
// or query holds one, however written or escaped, is refused before any route sees it (see
// ../identity-in-text.ts for what counts).
import type { FastifyInstance } from 'fastify'
import { SamflytError } from '../../errors.js'
import { urlHoldsIdentityNumber } from '../identity-in-text.js'

export function registerUrlPrivacyGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (urlHoldsIdentityNumber(request.url)) {
      throw new SamflytError('SAMFLYT_IDENTITY_IN_URL', 'The URL holds what looks like an identity number; send it in the request body instead')
    }
  })
}
