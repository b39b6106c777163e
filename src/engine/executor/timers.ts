// The timer loop: claims due timers (FOR UPDATE SKIP LOCKED, under a lease, so several Samflyt
// processes share them) and fires each in its own transaction. It sleeps until the earliest due
// time, and is woken sooner when a command writes an earlier timer: in this process directly,
// from other processes by NOTIFY. A timer whose firing fails is tried again later, each time
// later: never a hot loop.
import type { Sql } from '../../db/connect.js'
import { defaultBackoffMs } from './jobs.js'
import { claimDueTimers, deleteTimer, nextTimerDue, retryTimerLater, type TimerRow } from '../store/timers.js'

export const TIMERS_CHANNEL = 'samflyt_timers'

export interface TimerLoopOptions {
  /** Timers claimed at once. */
  batchSize: number
  /** Timers fired at once (each its own transaction). */
  concurrency: number
  /** How long a claim holds; after that another process may fire the timer (we crashed). */
  leaseMs: number
  /** Look again at least this often even without a wake-up. */
  pollIntervalMs: number
  onError: (error: unknown, timer?: TimerRow) => void
}

/** What the loop needs from the engine: its clock, its database, and how to fire one timer. */
export interface TimerHost {
  readonly sql: Sql
  readonly clock: () => Date
  readonly processName: string
  /** Fires a claimed timer in one transaction; 'gone' when it was closed or fired meanwhile. */
  fireTimer(timer: TimerRow, owner: string): Promise<'fired' | 'gone'>
  /** True when the error means the timer can never fire (its instance ended, its subscription closed). */
  isStale(error: unknown): boolean
}

export class TimerLoop {
  private running = false
  private loop: Promise<void> | undefined
  private passes: Promise<unknown> = Promise.resolve()
  private wake: (() => void) | undefined
  /** When (by the engine clock) the sleeping loop will look again by itself. */
  private wakeAt: number | null = null
  private woken = false
  private unlisten: (() => Promise<void>) | undefined
  private readonly options: TimerLoopOptions

  constructor(private readonly host: TimerHost, private readonly crossProcess: boolean, options: Partial<TimerLoopOptions> = {}) {
    this.options = { batchSize: 200, concurrency: crossProcess ? 64 : 1, leaseMs: 60_000, pollIntervalMs: 30_000, onError: () => {}, ...options }
  }

  start(): void {
    if (this.running) return
    this.running = true
    if (this.crossProcess) {
      this.host.sql.listen(TIMERS_CHANNEL, (due) => this.poke(new Date(due)))
        .then(({ unlisten }) => {
          if (this.running) this.unlisten = unlisten
          else void unlisten()
        })
        .catch((error) => this.options.onError(error))
    }
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.running = false
    this.woken = true
    this.wake?.()
    await this.loop
    await this.passes.catch(() => {})
    await this.unlisten?.().catch(() => {})
    this.unlisten = undefined
  }

  /** A timer due at `due` was written: wake up if we would sleep past it. */
  poke(due?: Date): void {
    if (due && this.wakeAt !== null && due.getTime() >= this.wakeAt) return
    this.woken = true
    this.wake?.()
  }

  /** Inside the transaction that writes a timer: other processes hear of it at commit. */
  async notifyInTransaction(tx: Sql, due: Date): Promise<void> {
    if (!this.crossProcess) return
    if (due.getTime() - this.host.clock().getTime() > this.options.pollIntervalMs) return
    await tx`select pg_notify(${TIMERS_CHANNEL}, ${due.toISOString()})`
  }

  /** Fires every timer due by the engine clock now, including ones that fall due by firing; returns how many fired. */
  async fireDue(): Promise<number> {
    let total = 0
    for (;;) {
      const { claimed, fired } = await this.pass()
      total += fired
      if (claimed === 0) return total
    }
  }

  /** One claim-and-fire round; rounds never overlap within a process. */
  private pass(): Promise<{ claimed: number; fired: number }> {
    const pass = this.passes.then(() => this.claimAndFire())
    this.passes = pass.catch(() => {})
    return pass
  }

  private async claimAndFire(): Promise<{ claimed: number; fired: number }> {
    const owner = this.host.processName
    const claimed = await claimDueTimers(this.host.sql, owner, this.options.batchSize, this.options.leaseMs, this.host.clock())
    let fired = 0
    const queue = [...claimed]
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queue.length) }, async () => {
      for (let timer = queue.shift(); timer; timer = queue.shift()) {
        if ((await this.fireOne(timer, owner)) === 'fired') fired++
      }
    }))
    return { claimed: claimed.length, fired }
  }

  private async fireOne(timer: TimerRow, owner: string): Promise<'fired' | 'gone' | 'failed'> {
    try {
      return await this.host.fireTimer(timer, owner)
    } catch (error) {
      this.options.onError(error, timer)
      try {
        if (this.host.isStale(error)) {
          await deleteTimer(this.host.sql, timer.key)
        } else {
          const retryAt = new Date(this.host.clock().getTime() + defaultBackoffMs(timer.attempts + 1))
          await retryTimerLater(this.host.sql, timer.key, retryAt, error instanceof Error ? error.message : String(error))
        }
      } catch (cleanup) {
        this.options.onError(cleanup, timer)
      }
      return 'failed'
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false
      let claimed = 0
      try {
        claimed = (await this.pass()).claimed
      } catch (error) {
        if (!this.running) break
        this.options.onError(error)
      }
      if (claimed > 0 || !this.running || this.woken) continue
      await this.sleep()
    }
  }

  private async sleep(): Promise<void> {
    let timeout = this.options.pollIntervalMs
    const due = await nextTimerDue(this.host.sql).catch(() => null)
    // At least a few milliseconds: a due timer another process holds must not make us spin.
    if (due) timeout = Math.min(timeout, Math.max(5, due.getTime() - this.host.clock().getTime()))
    if (this.woken || !this.running) return
    this.wakeAt = this.host.clock().getTime() + timeout
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeout)
      timer.unref?.()
      this.wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.wake = undefined
    this.wakeAt = null
  }
}
