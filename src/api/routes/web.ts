// The browser app: content-hashed bundles under /assets/ (cached for a year, never revalidated)
// and index.html (always revalidated) for every path the app routes itself, so a shared link
// such as /oppgaver/123 opens the page it names. scripts/build-web.mjs writes build/web.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import { Type } from 'typebox'
import type { App } from '../app.js'

export const WEB_BUILD_DIR = fileURLToPath(new URL('../../../build/web', import.meta.url))

/** The client-side paths; keep in step with src/web/routes.ts. */
export const WEB_PATHS = [
  '/',
  '/logg-inn',
  '/oppgaver',
  '/oppgaver/:key',
  '/saker',
  '/saker/ny',
  '/saker/:id',
  '/saker/:id/historikk',
  '/mottaksgruppe',
  '/mottaksgruppe/:meetingId',
  '/koordinatorer',
  '/prosesser',
] as const

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Samflyt</title>
<p>The web app is not built. Run <code>node scripts/build-web.mjs</code> (npm start and npm test do it).</p></html>`

export async function webRoutes(app: App, options: { buildDir?: string } = {}) {
  const dir = options.buildDir ?? WEB_BUILD_DIR
  const assets = join(dir, 'assets')
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      // Names carry a content hash, so a file never changes under its name.
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
    })
  }
  // Read once per process: the bundle does not change while the server runs.
  let html: string | undefined
  const indexHtml = () => (html ??= existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html'), 'utf8') : NOT_BUILT)

  for (const path of WEB_PATHS) {
    app.get(path, {
      config: { roles: 'public' },
      schema: { hide: true, response: { 200: Type.String() } },
    }, async (_request, reply) => {
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8')
      return indexHtml()
    })
  }
}
