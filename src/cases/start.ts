// The KE casework at start-up: the process and its forms deployed (an unchanged file is no new
// version), a worker for every KE task type, and in demo installations a working office.
import type { Logger } from 'pino'
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import { deployKeProcesses } from './deploy.js'
import { registerCaseWorkers } from './workers/index.js'
import type { Letters } from '../letters/letters.js'

export interface CaseOptions {
  logger?: Logger | undefined
  /** Writes the decision letters and interim replies; the `letters:dispatch` worker sends them (src/letters/start.ts). */
  letters?: Letters | undefined
}

export async function startCases(engine: Engine, sql: Sql, options: CaseOptions = {}): Promise<void> {
  const deployed = await deployKeProcesses(engine)
  const fresh = deployed.processes.filter((p) => p.isNew).map((p) => `${p.processId}:${p.version}`)
  if (fresh.length) options.logger?.info({ processes: fresh }, 'KE processes deployed')
  registerCaseWorkers(engine, sql, { letters: options.letters })
}
