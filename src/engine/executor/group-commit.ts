// Group commit: commands that arrive while the engine's transactions are busy wait together and
// then share one transaction, so a busy engine pays one BEGIN, one flush of the write buffer and
// one COMMIT (one WAL flush) for many commands. An idle engine runs each command at once, alone.
// Each command still locks its own instance row and its writes are all or nothing: if any command
// of a group fails, the group rolls back and each runs again alone (see Engine.runGroup).
//
// A group that never ends (a transaction the database no longer answers) would keep its slot for
// good; `stalledMs` says how long the oldest running group has run, so /ready can tell.

export interface GroupCommitOptions {
  /** Group transactions running at once; keep it under the pool size, which others share. */
  maxInFlight: number
  /** Commands in one transaction at most. */
  maxSize: number
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxInFlight: 4, maxSize: 64 }

export class GroupCommit<Item> {
  private readonly waiting: Item[] = []
  private running = 0
  private scheduled = false
  /** When each running group began (ms since the epoch), by a number of its own. */
  private readonly startedAt = new Map<number, number>()
  private nextGroup = 0

  constructor(
    private readonly runGroup: (items: Item[]) => Promise<void>,
    private readonly options: GroupCommitOptions,
  ) {}

  add(item: Item): void {
    this.waiting.push(item)
    // Commands issued in one turn of the event loop (a worker's batch) start out together.
    if (!this.scheduled) {
      this.scheduled = true
      queueMicrotask(() => {
        this.scheduled = false
        this.pump()
      })
    }
  }

  /** How long the oldest group still running has been at it, in ms; 0 when none runs. */
  stalledMs(now = Date.now()): number {
    let oldest = now
    for (const at of this.startedAt.values()) if (at < oldest) oldest = at
    return now - oldest
  }

  /** Commands waiting for a slot. */
  get backlog(): number {
    return this.waiting.length
  }

  private pump(): void {
    while (this.running < this.options.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxSize)
      const id = this.nextGroup++
      this.running++
      this.startedAt.set(id, Date.now())
      // runGroup settles every command of its group itself; whatever it throws still frees the slot.
      void Promise.resolve()
        .then(() => this.runGroup(group))
        .catch(() => {})
        .finally(() => {
          this.startedAt.delete(id)
          this.running--
          this.pump()
        })
    }
  }
}
