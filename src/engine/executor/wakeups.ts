// Wakes workers when jobs of their type are created. In-process always; across processes on a
// Postgres server through LISTEN/NOTIFY. PGlite serves one process, so in-process is enough there.
import { EventEmitter } from 'node:events'
import type { Sql } from '../../db/connect.js'

export const JOBS_CHANNEL = 'samflyt_jobs'

export class Wakeups {
  private readonly local = new EventEmitter().setMaxListeners(0)
  private unlisten: (() => Promise<void>) | undefined

  constructor(private readonly crossProcess: boolean) {}

  /** Starts listening for other processes' notifications (a server only). */
  async listen(sql: Sql): Promise<void> {
    if (!this.crossProcess || this.unlisten) return
    const { unlisten } = await sql.listen(JOBS_CHANNEL, (type) => this.local.emit('job', type))
    this.unlisten = unlisten
  }

  /** Inside the transaction that creates the jobs: NOTIFY is delivered when it commits. */
  async notifyInTransaction(tx: Sql, types: string[]): Promise<void> {
    if (!this.crossProcess) return
    for (const type of types) await tx`select pg_notify(${JOBS_CHANNEL}, ${type})`
  }

  /** After commit, in this process. */
  wake(types: string[]): void {
    for (const type of new Set(types)) this.local.emit('job', type)
  }

  on(listener: (type: string) => void): () => void {
    this.local.on('job', listener)
    return () => this.local.off('job', listener)
  }

  async close(): Promise<void> {
    await this.unlisten?.()
    this.unlisten = undefined
  }
}
