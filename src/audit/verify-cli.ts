// `npm run audit:verify [-- <case id>] [-- --json]`: verifies every chain and seal (or one case's)
// on DATABASE_URL or the embedded database, prints the first row that does not match, and exits
// 1 when anything does not, 2 when it could not check.
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/connect.js'
import { verifyCase } from './verify.js'
import { verifyAll } from './verify-all.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const caseId = args.find((arg) => !arg.startsWith('--'))
if (caseId !== undefined && !/^[0-9]{1,10}$/.test(caseId)) {
  console.error(`audit:verify: '${caseId}' is not a case id (digits only)`)
  process.exit(2)
}
const config = loadConfig()
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 })
try {
  const result = caseId ? await verifyCase(db.sql, caseId) : await verifyAll(db.sql)
  if (!result) {
    console.error(`audit:verify: there is no case ${caseId}`)
    process.exitCode = 2
  } else if (json) {
    console.log(JSON.stringify(result, null, 2))
    process.exitCode = result.ok ? 0 : 1
  } else {
    const checked = 'chainsChecked' in result ? `${String(result.chainsChecked)} chains` : `${result.chains.length} chains of case ${caseId}`
    console.log(`${result.ok ? 'OK' : 'NOT OK'}: ${checked} and ${result.seals.checked} seals checked on ${db.location}`)
    for (const problem of result.problems) console.log(`  ${problem.message}`)
    if (result.newestSeal) console.log(`Newest seal: ${result.newestSeal.id}, ${result.newestSeal.sealedAt}, ${result.newestSeal.sealHash}`)
    process.exitCode = result.ok ? 0 : 1
  }
} catch (error) {
  console.error(`audit:verify: ${(error as Error).message}`)
  process.exitCode = 2
} finally {
  await db.close()
}
