// KE cases/s from intake to the first user task: the same intake function POST /api/cases
// calls (validation, person, duplicate check, case, consent, process start), until the
// caseworker's "Kontroller henvendelsen" task exists. Intake does all of that in one engine
// transaction, so the two figures are close; the first also counts the polling for the tasks.
// Target (issue 5): at least 300 cases/s.
import { openDatabase } from '../src/db/connect.js'
import { Engine } from '../src/engine/engine.js'
import { registerFormResources } from '../src/forms/deploy.js'
import { startRules } from '../src/rules/start.js'
import { deployKeProcesses } from '../src/cases/deploy.js'
import { registerCaseWorkers } from '../src/cases/workers/index.js'
import { intake } from '../src/cases/intake.js'
import { syntheticIdentityNumber } from '../src/demo/identity-numbers.js'
import { addDays } from '../src/cases/deadlines.js'
import { inParallel, round1, type BenchResult } from './stats.js'

/** On a migrated database (bench/run.ts makes a fresh one). */
export async function benchCases(databaseUrl: string, options: { cases?: number; concurrency?: number } = {}): Promise<BenchResult[]> {
  const count = options.cases ?? 3_000
  const concurrency = options.concurrency ?? 16
  const db = await openDatabase({ databaseUrl, maxConnections: 20 })
  const engine = new Engine({ db })
  try {
    registerFormResources()
    await startRules(engine, db.sql)
    await deployKeProcesses(engine)
    registerCaseWorkers(engine, db.sql)
    // Distinct people (a repeated one would be linked as a duplicate, a shorter path).
    const run = Date.now() % 1000
    const numbers = Array.from({ length: count }, (_, i) => syntheticIdentityNumber(addDays('1950-01-01', (run * 7 + i) % 20_000), Math.floor(i / 20_000) + run))
    const started = performance.now()
    const ids: string[] = []
    await inParallel(count, concurrency, async (i) => {
      const result = await intake(db.sql, engine, {
        channel: 'application',
        person: { identityNumber: numbers[i]!, name: `Benk Person ${i}` },
        facts: { services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true }] },
      }, { username: 'bench', unit: 'KE' }, { allowSyntheticIdentities: true, now: engine.clock() })
      ids.push(result.case.id)
    })
    const intakeDone = performance.now()
    for (;;) {
      const [row] = await db.sql<{ waiting: number }[]>`
        select count(*)::int as waiting from cases c
        where c.id = any(${ids}) and not exists (select 1 from user_tasks t where t.instance_key = c.instance_key and t.element_id = 'verify')`
      if (row!.waiting === 0) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const seconds = (performance.now() - started) / 1000
    return [
      { name: `KE cases/s from intake to the first user task (${count} cases, ${concurrency} at a time)`, value: round1(count / seconds), unit: 'cases/s', reference: 300, referenceName: 'target (at least)' },
      { name: 'KE intake alone (validate, write, start the process)', value: round1(count / ((intakeDone - started) / 1000)), unit: 'cases/s', reference: 300, referenceName: 'target (at least)' },
    ]
  } finally {
    await engine.stop()
    await db.close()
  }
}
