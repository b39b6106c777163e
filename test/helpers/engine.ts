// An embedded engine of this test file's own, on its own database.
import { Engine, type EngineOptions } from '../../src/engine/engine.js'
import { testDatabase, type TestDatabase } from './database.js'

export interface TestEngine {
  engine: Engine
  db: TestDatabase
  close(): Promise<void>
}

export async function testEngine(options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const db = await testDatabase()
  const engine = new Engine({ db, ...options })
  return {
    engine,
    db,
    async close() {
      await engine.stop()
      await db.close()
    },
  }
}

/** Waits until `check` returns a truthy value (polling the database), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
