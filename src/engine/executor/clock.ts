// A clock that moves only when told: tests and benchmarks give it to the engine (EngineOptions.clock)
// and move time forward instead of sleeping. After `advance`, `engine.fireDueTimers()` fires what fell due.
export class ManualClock {
  private ms: number

  constructor(start: Date | string = '2025-01-06T08:00:00Z') {
    this.ms = new Date(start).getTime()
  }

  /** Pass this as EngineOptions.clock. */
  readonly now = (): Date => new Date(this.ms)

  advance(ms: number): Date {
    if (!(ms >= 0)) throw new Error(`a clock only moves forward (asked to move ${ms} ms)`)
    this.ms += ms
    return this.now()
  }

  set(at: Date | string): void {
    this.ms = new Date(at).getTime()
  }
}
