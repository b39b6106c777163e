// A working office for the embedded default (config.demo): a second caseworker, the coordinator
// register, the intake group's next meetings, and a handful of cases at different steps,
// driven through the real KE process (see cases.ts). Seeded once: a marker in `settings`
// says it was done, so a restart adds nothing; an office that already has cases or
// coordinators of its own is left alone.
import type { Logger } from 'pino'
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import { osloDate } from '../cases/deadlines.js'
import { seedCoordinators, seedMeetings } from './register.js'
import { seedCases, type DemoCase } from './cases.js'

export const DEMO_OFFICE_SETTING = 'demo_office'

export type DemoOfficeResult = { seeded: true; cases: DemoCase[] } | { seeded: false; reason: string }

export async function seedDemoOffice(sql: Sql, engine: Engine): Promise<DemoOfficeResult> {
  const [marker] = await sql<{ value: string }[]>`select value from settings where name = ${DEMO_OFFICE_SETTING}`
  if (marker) return { seeded: false, reason: `seeded before (${marker.value})` }
  const [inUse] = await sql<{ cases: number; coordinators: number }[]>`
    select (select count(*)::int from cases) as cases, (select count(*)::int from coordinators) as coordinators`
  if (inUse!.cases > 0 || inUse!.coordinators > 0) {
    await markSeeded(sql, 'left alone: the office had cases or coordinators of its own')
    return { seeded: false, reason: 'the office already has cases or coordinators' }
  }

  const now = engine.clock()
  const coordinators = await seedCoordinators(sql)
  await seedMeetings(sql, now)
  const cases = await seedCases({ sql, engine, today: osloDate(now), coordinators })
  await markSeeded(sql, `seeded ${now.toISOString()}`)
  return { seeded: true, cases }
}

async function markSeeded(sql: Sql, value: string): Promise<void> {
  await sql`insert into settings (name, value) values (${DEMO_OFFICE_SETTING}, ${value}) on conflict (name) do nothing`
}

/** Start-up: seeds the demo office; a failure is logged, never stops Samflyt from starting. */
export async function startDemoOffice(sql: Sql, engine: Engine, logger: Logger): Promise<void> {
  try {
    const started = Date.now()
    const result = await seedDemoOffice(sql, engine)
    if (result.seeded) logger.info({ cases: result.cases.map((c) => `${c.reference} ${c.waitsAt}`), ms: Date.now() - started }, 'demo office seeded')
  } catch (error) {
    logger.error({ err: error }, 'demo office could not be seeded')
  }
}
