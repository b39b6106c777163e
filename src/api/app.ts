// buildApp() wires the HTTP API from its dependencies; src/server.ts owns config, listening and
// shutdown. Plugins and routes are registered explicitly, in the order they matter.
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { Logger } from 'pino'
import type { Database } from '../db/connect.js'
import type { TokenService } from '../auth/tokens.js'
import type { Engine } from '../engine/engine.js'
import multipart from '@fastify/multipart'
import cookie from '@fastify/cookie'
import { registerErrorHandling } from './plugins/errors.js'
import { registerAccessControl } from './plugins/access.js'
import { registerUrlPrivacyGuard } from './plugins/privacy.js'
import { registerSecurityHeaders } from './plugins/headers.js'
import { registerLoginThrottle } from './plugins/login-throttle.js'
import type { LoginThrottleConfig } from '../config.js'
import { registerInputLimits, type InputLimits } from './plugins/limits.js'
import { ERROR_CODES_DOC, ErrorBody } from './schemas.js'
import { healthRoutes } from './routes/health.js'
import { authRoutes } from './routes/auth.js'
import { deploymentRoutes } from './routes/engine/deployments.js'
import { processInstanceRoutes } from './routes/engine/process-instances.js'
import { userTaskRoutes } from './routes/engine/user-tasks.js'
import { incidentRoutes } from './routes/engine/incidents.js'
import { caseRoutes } from './routes/cases.js'
import { coordinatorRoutes } from './routes/coordinators.js'
import { meetingRoutes } from './routes/meetings.js'
import { messageRoutes } from './routes/engine/messages.js'
import { formRoutes } from './routes/forms.js'
import { ruleRoutes } from './routes/rules.js'
import { letterRoutes } from './routes/letters.js'
import { auditRoutes } from './routes/audit.js'
import type { Letters } from '../letters/letters.js'
import { meRoutes } from './routes/me.js'
import { webRoutes } from './routes/web.js'
import { oidcRoutes } from './routes/oidc.js'
import { tasklistRoutes } from './routes/tasklist.js'
import { draftRoutes } from './routes/drafts.js'
import type { OidcConfig } from '../config.js'

export interface AppDependencies {
  db: Database
  engine: Engine
  tokens: TokenService
  logger: Logger
  bodyLimitBytes: number
  /** Variables size and depth, body depth (src/api/plugins/limits.ts); the defaults when not given. */
  inputLimits?: InputLimits
  /** Accept synthetic test identity numbers in cases (demo and test installations only). */
  allowSyntheticIdentities?: boolean
  /** Letters (templates, municipality, dispatch); built from the environment when not given. */
  letters?: Letters
  /** Sign-in throttling; the defaults when not given (src/api/plugins/login-throttle.ts). */
  loginThrottle?: LoginThrottleConfig
  /** Origins allowed to call the API from a browser (CORS); none when not given. */
  corsOrigins?: readonly string[]
  /** Reverse proxies whose X-Forwarded-For gives the client's address (sign-in throttling, logs). */
  trustedProxies?: readonly string[]
  /** The OpenID Connect provider; with a client id, the web app's sign-in offers it. */
  oidc?: OidcConfig | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    engine: Engine
    tokens: TokenService
  }
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>

// A caller's x-request-id is logged beside ours (clientRequestId) when it is a sane one, so a
// request can be followed across services; it is never taken as ours, which stays unique.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

export async function buildApp(deps: AppDependencies): Promise<App> {
  const app: App = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes,
    trustProxy: deps.trustedProxies?.length ? [...deps.trustedProxies] : false,
    genReqId: () => randomUUID(),
    childLoggerFactory: (logger, bindings, options, raw) => {
      const given = raw.headers['x-request-id']
      const client = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? { clientRequestId: given } : {}
      return logger.child({ ...bindings, ...client }, options)
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', deps.db)
  app.decorate('engine', deps.engine)
  app.decorate('tokens', deps.tokens)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addSchema(ErrorBody)

  registerErrorHandling(app)
  registerUrlPrivacyGuard(app)
  // Before access control: CORS answers preflight requests (OPTIONS *) for every route itself.
  await registerSecurityHeaders(app, deps.corsOrigins)
  // The web app's session cookie is read by access control, so cookies are parsed before it.
  await app.register(cookie)
  registerAccessControl(app, deps.tokens)
  await registerLoginThrottle(app, deps.loginThrottle)
  registerInputLimits(app, deps.inputLimits)

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Samflyt API',
        version: '0.1.0',
        description: `BPMN workflow engine and casework for a municipal coordinating unit (koordinerende enhet).\n\nErrors have a stable code:\n${ERROR_CODES_DOC}`,
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } })

  // BPMN arrives as XML text (or as multipart files); it is parsed by the engine, not here.
  app.addContentTypeParser(['application/xml', 'text/xml', 'application/bpmn+xml'], { parseAs: 'string' }, (_request, body, done) => done(null, body))
  await app.register(multipart, { limits: { fileSize: deps.bodyLimitBytes, files: 50 } })

  await app.register(healthRoutes)
  await app.register(authRoutes)
  await app.register(deploymentRoutes)
  await app.register(processInstanceRoutes)
  await app.register(userTaskRoutes)
  await app.register(incidentRoutes)
  await app.register(messageRoutes)
  await app.register(formRoutes)
  await app.register(ruleRoutes)
  await app.register(caseRoutes, { allowSyntheticIdentities: deps.allowSyntheticIdentities ?? false })
  await app.register(coordinatorRoutes)
  await app.register(meetingRoutes)
  await app.register(letterRoutes, { letters: deps.letters })
  await app.register(auditRoutes)
  // The web app: session and preferences, its bundles, and index.html for the paths it routes.
  await app.register(meRoutes)
  await app.register(oidcRoutes, { oidc: deps.oidc })
  await app.register(tasklistRoutes)
  await app.register(draftRoutes)
  await app.register(webRoutes)

  app.get('/openapi.json', { config: { roles: 'public' }, schema: { hide: true } }, async () => app.swagger())
  return app
}
