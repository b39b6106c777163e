// Group commit: commands that arrive while the engine's transactions are busy wait together and
// then share one transaction, so a busy engine pays one BEGIN, one flush of the write buffer and
// one COMMIT (one WAL flush) for many commands. An idle engine runs each command at once, alone.
// Each command still locks its own instance row and its writes are all or nothing: if any command
// of a group fails, the group rolls back and each runs again alone (see Engine.runGroup).

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

  private pump(): void {
    while (this.running < this.options.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxSize)
      this.running++
      void this.runGroup(group).finally(() => {
        this.running--
        this.pump()
      })
    }
  }
}
