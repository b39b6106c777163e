// A job worker: takes due jobs of one type (several at a time, under a lease), runs the handler,
// and applies its decision. It sleeps until woken by a new job, a job falling due, or a poll.
import type { Engine } from '../engine.js'
import { claimJobs, nextJobDue, type JobRow } from '../store/jobs.js'
import { isOutcome, outcomes, type ActivatedJob, type JobHandler, type JobOutcome } from './jobs.js'

export interface WorkerOptions {
  /** Jobs in hand at once. */
  maxJobs: number
  /** How long a job is ours; after that another worker may take it (we crashed, or hang). */
  leaseMs: number
  /** Look for due jobs at least this often even without a wake-up (backoffs, expired leases). */
  pollIntervalMs: number
  /** Called when applying a decision fails (the instance was cancelled meanwhile, a lease ran out). */
  onError: (error: unknown, job?: JobRow) => void
}

export class Worker {
  private running = false
  private loop: Promise<void> | undefined
  private readonly inFlight = new Set<Promise<void>>()
  private wake: (() => void) | undefined
  private woken = false
  private readonly options: WorkerOptions
  private unsubscribe: (() => void) | undefined
  readonly name: string

  constructor(
    private readonly engine: Engine,
    readonly type: string,
    private readonly handler: JobHandler,
    options: Partial<WorkerOptions>,
  ) {
    this.options = { maxJobs: 32, leaseMs: 30_000, pollIntervalMs: 1_000, onError: () => {}, ...options }
    this.name = `${engine.processName}/${type}`
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.unsubscribe = this.engine.wakeups.on((type) => type === this.type && this.poke())
    void this.engine.wakeups.listen(this.engine.sql).catch(() => {})
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.running = false
    this.unsubscribe?.()
    this.poke()
    await this.loop
    await Promise.all(this.inFlight)
  }

  private poke() {
    this.woken = true
    this.wake?.()
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false
      const capacity = this.options.maxJobs - this.inFlight.size
      let claimed: JobRow[] = []
      if (capacity > 0) {
        try {
          claimed = await claimJobs(this.engine.sql, [this.type], this.name, capacity, this.options.leaseMs, this.engine.clock())
        } catch (error) {
          if (!this.running) break
          this.options.onError(error)
        }
        for (const job of claimed) this.track(job)
      }
      // A full batch means there is probably more: go again at once (once capacity frees up).
      if (claimed.length > 0 && claimed.length === capacity && this.inFlight.size < this.options.maxJobs) continue
      if (this.running && !this.woken) await this.sleep(capacity === 0 || claimed.length === capacity)
    }
  }

  private async sleep(untilCapacity: boolean): Promise<void> {
    let timeout = this.options.pollIntervalMs
    if (!untilCapacity) {
      const due = await nextJobDue(this.engine.sql, [this.type]).catch(() => null)
      if (due) timeout = Math.min(timeout, Math.max(0, due.getTime() - this.engine.clock().getTime()))
    }
    if (this.woken || !this.running) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeout)
      this.wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.wake = undefined
  }

  private track(job: JobRow) {
    const work = this.handle(job).finally(() => {
      this.inFlight.delete(work)
      this.poke()
    })
    this.inFlight.add(work)
  }

  private async handle(row: JobRow): Promise<void> {
    let outcome: JobOutcome
    try {
      const result: unknown = await this.handler(activated(row))
      outcome = isOutcome(result)
        ? result
        : outcomes.fail(`The worker for ${row.type} returned no decision (complete, error or fail)`)
    } catch (error) {
      outcome = outcomes.fail(error instanceof Error ? error.message : String(error))
    }
    try {
      if (outcome.outcome === 'complete') await this.engine.completeJob(row, outcome.variables, this.name)
      else if (outcome.outcome === 'error') await this.engine.throwError(row, outcome.errorCode, outcome.errorMessage, this.name)
      else await this.engine.failJob(row, outcome.errorMessage, { retries: outcome.retries, backoffMs: outcome.backoffMs }, this.name)
    } catch (error) {
      this.options.onError(error, row)
    }
  }
}

function activated(row: JobRow): ActivatedJob {
  return {
    key: row.key,
    type: row.type,
    instanceKey: row.instanceKey,
    elementId: row.elementId,
    retries: row.retries,
    customHeaders: row.customHeaders,
    variables: row.variables,
    ...outcomes,
  }
}
