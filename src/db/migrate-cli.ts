// `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit.
import { loadConfig } from '../config.js'
import { openDatabase } from './connect.js'
import { migrate } from './migrate.js'

const config = loadConfig()
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 })
try {
  const { applied } = await migrate(db.sql)
  console.log(applied.length ? `Applied ${applied.map((m) => `${m.version}_${m.name}`).join(', ')} to ${db.location}` : `${db.location} is up to date`)
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
