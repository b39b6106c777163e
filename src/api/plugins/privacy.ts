// Identity numbers never travel in URLs: they end up in proxies' and browsers' logs and history.
// A request with an 11-digit run in its path or query is refused before any route sees it.
import type { FastifyInstance } from 'fastify'
import { SamflytError } from '../../errors.js'

const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/
// A UUID (a letter's id) is no identity number, though its last group is all digits now and then
// (about one in a hundred): it is taken out before the test.
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

export function registerUrlPrivacyGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    let url = request.url
    try {
      url = decodeURIComponent(url)
    } catch {
      // a malformed escape is the router's problem, not ours
    }
    if (ELEVEN_DIGITS.test(url.replace(UUIDS, 'uuid'))) {
      throw new SamflytError('SAMFLYT_IDENTITY_IN_URL', 'The URL holds what looks like an identity number; send it in the request body instead')
    }
  })
}
