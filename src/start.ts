// Composes a running Samflyt from its configuration: database, migrations, demo data, API.
import type { Logger } from 'pino'
import type { Config } from './config.js'
import { openDatabase, type Database } from './db/connect.js'
import { migrate } from './db/migrate.js'
import { APP_ROLE, connectAsApp } from './db/app-role.js'
import { seedDemoUsers } from './auth/demo.js'
import { tokenSecret } from './auth/secret.js'
import { createTokenService } from './auth/tokens.js'
import { buildApp, type App } from './api/app.js'
import { Engine } from './engine/engine.js'
import { startRules } from './rules/start.js'
import { startCases } from './cases/start.js'
import { startDemoOffice } from './demo/office.js'
import { startLetters } from './letters/start.js'
import type { Letters } from './letters/letters.js'
import { startAuditJobs } from './audit/jobs.js'

export interface Samflyt {
  app: App
  db: Database
  engine: Engine
  letters: Letters
  stop(): Promise<void>
}

export async function startSamflyt(config: Config, logger: Logger): Promise<Samflyt> {
  // Migrations as the schema's owner (DATABASE_URL), everything else as the application's role.
  const owner = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 })
  logger.info({ database: owner.kind, location: owner.location }, 'database open')
  try {
    const { applied } = await migrate(owner.sql)
    if (applied.length) logger.info({ migrations: applied.map((m) => `${String(m.version).padStart(4, "0")}_${m.name}`) }, 'migrations applied')
  } catch (error) {
    await owner.close()
    throw error
  }
  const db = await connectAsApp(owner, { appDatabaseUrl: config.appDatabaseUrl })
  if (owner.kind === 'pglite') logger.info({ role: APP_ROLE }, 'the embedded database has one user: the application acts as samflyt_app by SET ROLE')
  else if (!config.appDatabaseUrl) logger.warn({ role: APP_ROLE }, 'no SAMFLYT_APP_DATABASE_URL: the application acts as samflyt_app on the owner\'s login (SET ROLE); give it a login of its own in production')
  try {
    if (config.demo) await seedDemoUsers(db.sql)
    const tokens = createTokenService({
      secret: await tokenSecret(db.sql, config.tokenSecret),
      ttlSeconds: config.tokenTtlSeconds,
      maxLifetimeSeconds: config.tokenMaxLifetimeSeconds,
      oidc: config.oidc,
    })
    const engine = new Engine({ db, limits: config.limits.engine, commandStallMs: config.limits.commandStallMs })
    await startRules(engine, db.sql, logger)
    const letters = startLetters(engine, db.sql, config.letters, logger)
    const app = await buildApp({ db, engine, tokens, logger, bodyLimitBytes: config.bodyLimitBytes, inputLimits: { variables: config.limits.engine.variables, bodyMaxDepth: config.limits.bodyMaxDepth }, loginThrottle: config.loginThrottle, corsOrigins: config.corsOrigins, trustedProxies: config.trustedProxies, allowSyntheticIdentities: config.demo, letters: letters.letters, oidc: config.oidc })
    // After the API: deploying the KE process needs the form resource kind its routes register.
    await startCases(engine, db.sql, { logger, letters: letters.letters })
    if (config.demo) await startDemoOffice(db.sql, engine, logger)
    const audit = startAuditJobs(db.sql, config.audit, logger, () => engine.clock())
    return {
      app,
      db,
      engine,
      letters: letters.letters,
      async stop() {
        letters.stop()
        await audit.stop()
        await app.close()
        await engine.stop()
        await db.close()
      },
    }
  } catch (error) {
    await db.close()
    throw error
  }
}
