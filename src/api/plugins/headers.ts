// Security headers on every response (@fastify/helmet), Cache-Control: no-store on everything
// under /api (case data must not stay in a browser's or a proxy's cache), and CORS closed unless
// origins are configured (@fastify/cors).
//
// The content security policy fits the browser app served at / (its bundle from /assets) and
// Swagger UI at /docs: scripts only from this server; inline style attributes allowed, since
// bpmn-js, form-js and Swagger UI set them; data: and blob: images and fonts (diagram exports,
// icon fonts); requests only to this server; never framed, no plugins, forms post only here.
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
}

/** Where case data travels: Samflyt's API and the Camunda-compatible one. Nothing there is cached. */
const PRIVATE_PREFIXES = ['/api', '/v2']

export async function registerSecurityHeaders(app: FastifyInstance, corsOrigins: readonly string[] = []): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Same-origin only: the app and its API share an origin; nothing here is embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HTTPS is the reverse proxy's business; it should send Strict-Transport-Security itself.
    strictTransportSecurity: false,
  })
  // No origin but the app's own may call the API from a browser, unless configured.
  await app.register(cors, {
    origin: corsOrigins.length > 0 ? [...corsOrigins] : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  })
  app.addHook('onSend', async (request, reply) => {
    const path = request.url.split('?')[0]!
    if (PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      reply.header('cache-control', 'no-store')
      reply.header('pragma', 'no-cache')
    }
  })
}
