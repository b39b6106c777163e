// `npm start`: read the configuration, start Samflyt, listen, and shut down cleanly on SIGTERM.
import { ConfigError, loadConfig } from './config.js'
import { createLogger } from './api/logging.js'
import { startSamflyt } from './start.js'

let config
try {
  config = loadConfig()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(error.message)
  process.exit(1)
}

const logger = createLogger(config.logLevel)
let samflyt
try {
  samflyt = await startSamflyt(config, logger)
  await samflyt.app.listen({ port: config.port, host: config.host })
} catch (error) {
  logger.fatal({ err: error }, `Samflyt could not start: ${(error as Error).message}`)
  await samflyt?.stop().catch(() => {})
  process.exit(1)
}

const address = samflyt.app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
logger.info(`Samflyt is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (API docs at /docs) on ${samflyt.db.kind === 'pglite' ? `embedded PGlite in ${samflyt.db.location}` : samflyt.db.location}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000).unref()
    await samflyt.stop().catch((error) => logger.error({ err: error }, 'shutdown failed'))
    clearTimeout(force)
    process.exit(0)
  })
}
