// `npm run web:api`: builds the app on a throwaway embedded database, reads its OpenAPI document
// and writes the web client's types (src/web/api/schema.d.ts).
import { writeFileSync } from 'node:fs'
import { openDatabase } from '../src/db/connect.js'
import { migrate } from '../src/db/migrate.js'
import { buildApp } from '../src/api/app.js'
import { createLogger } from '../src/api/logging.js'
import { createTokenService } from '../src/auth/tokens.js'
import { Engine } from '../src/engine/engine.js'
import { WEB_API_TYPES, webApiTypes } from './web-api-types.js'

const db = await openDatabase({})
await migrate(db.sql)
const engine = new Engine({ db })
const tokens = createTokenService({ secret: new TextEncoder().encode('x'.repeat(32)), ttlSeconds: 900 })
const app = await buildApp({ db, engine, tokens, logger: createLogger('silent'), bodyLimitBytes: 1024 * 1024 })
await app.ready()
writeFileSync(WEB_API_TYPES, await webApiTypes(app.swagger()))
await app.close()
await engine.stop()
await db.close()
console.log(`Wrote ${WEB_API_TYPES}`)
