// The audit's background work in a running Samflyt: sealing the chain heads every
// SAMFLYT_AUDIT_SEAL_INTERVAL_SECONDS, and, with SAMFLYT_RETENTION_DAYS set, the retention job
// at start and every six hours. Several processes on one database may all run it: sealing takes
// an advisory lock, and retention locks each case and skips one already done.
import type { Logger } from 'pino'
import type { Sql } from '../db/connect.js'
import type { AuditConfig } from '../config.js'
import { sealChains } from './seals.js'
import { runRetention } from './retention.js'

const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000

export interface AuditJobs {
  stop(): Promise<void>
}

export function startAuditJobs(sql: Sql, config: AuditConfig, logger: Logger | undefined, clock: () => Date = () => new Date()): AuditJobs {
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const run = (name: string, work: () => Promise<unknown>) => {
    if (stopped) return
    running = running.then(work).catch((error: Error) => logger?.error({ err: error }, `audit: ${name} failed`))
  }
  const timers: NodeJS.Timeout[] = []
  if (config.sealIntervalSeconds > 0) {
    const seal = () => run('sealing', async () => {
      const sealed = await sealChains(sql, clock())
      if (sealed > 0) logger?.debug({ sealed }, 'audit: chain heads sealed')
    })
    seal()
    timers.push(setInterval(seal, config.sealIntervalSeconds * 1000))
  }
  if (config.retentionDays !== undefined) {
    const days = config.retentionDays
    const retain = () => run('retention', async () => {
      const result = await runRetention(sql, clock(), days)
      if (result.cases.length > 0) logger?.info({ cases: result.cases.length, historyRows: result.historyRows }, 'audit: retention removed the personal data of closed cases')
    })
    retain()
    timers.push(setInterval(retain, RETENTION_EVERY_MS))
  }
  for (const timer of timers) timer.unref()
  return {
    async stop() {
      stopped = true
      for (const timer of timers) clearInterval(timer)
      await running
    },
  }
}
