// `npm run audit:seal`: seals the heads of the chains that moved, now (the server also does it
// every SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS), and prints the newest seal to keep outside Samflyt.
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/connect.js'
import { newestSeal, sealChains } from './seals.js'

const config = loadConfig()
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 })
try {
  const written = await sealChains(db.sql, new Date())
  const newest = await newestSeal(db.sql)
  console.log(`${written} chain heads sealed on ${db.location}${newest ? `; newest seal ${newest.id}, ${newest.sealedAt.toISOString()}, ${newest.sealHash}` : ''}`)
} catch (error) {
  console.error(`audit:seal: ${(error as Error).message}`)
  process.exitCode = 2
} finally {
  await db.close()
}
