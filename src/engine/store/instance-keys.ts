// Instance keys handed out ahead: a command writes a new instance together with its history and
// jobs, which refer to its key, so the key has to be known before the row is written. Keys come
// from the instances' own identity sequence, a block at a time, through the caller's transaction
// (no second connection). A block's unused keys are gaps, as a rolled-back insert leaves.
import type { Sql } from '../../db/connect.js'

export const INSTANCE_KEY_BLOCK = 64

export class InstanceKeys {
  private readonly spare: string[] = []

  constructor(private readonly block = INSTANCE_KEY_BLOCK) {}

  async next(sql: Sql): Promise<string> {
    if (this.spare.length === 0) {
      const rows = await sql<{ key: string }[]>`
        select nextval(pg_get_serial_sequence('process_instances', 'key'))::text as key from generate_series(1, ${this.block})`
      // Another command may have refilled meanwhile: both blocks are good keys.
      this.spare.push(...rows.map((row) => row.key))
      this.spare.sort((a, b) => Number(BigInt(a) - BigInt(b)))
    }
    return this.spare.shift()!
  }
}
