// The embedded default always runs here on a real PGlite, whatever DATABASE_URL says.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/connect.js'
import { migrate } from '../../src/db/migrate.js'

test('the embedded database keeps its data in its folder across restarts', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'samflyt-pglite-')), 'data')
  try {
    const first = await openDatabase({ dataDir })
    assert.is(first.kind, 'pglite')
    await migrate(first.sql)
    await first.sql`insert into settings (name, value) values ('remember', 'me')`
    await first.close()

    const second = await openDatabase({ dataDir })
    const { applied } = await migrate(second.sql)
    assert.is(applied.length, 0, 'migrations are not applied twice')
    const [row] = await second.sql`select value from settings where name = 'remember'`
    assert.is(row?.value, 'me')
    await second.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('transactions roll back on the embedded database as on a server', async () => {
  const db = await openDatabase({})
  try {
    await migrate(db.sql)
    await db.sql
      .begin(async (tx) => {
        await tx`insert into settings (name, value) values ('half', 'written')`
        throw new Error('stop')
      })
      .catch(() => {})
    const rows = await db.sql`select 1 from settings where name = 'half'`
    assert.is(rows.length, 0)
  } finally {
    await db.close()
  }
})

test.run()
