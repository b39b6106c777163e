// `npm start` as a user runs it: a real process, a real port, SIGTERM at the end.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testDatabase, ON_SERVER } from './helpers/database.js'

const ROOT = new URL('..', import.meta.url).pathname

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const { DATABASE_URL: _ignored, ...base } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env: { ...base, PORT: '0', ...env } })
  let output = ''
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = /Samflyt is running at (http:\/\/[\d.:a-z]+)/.exec(output)
      if (match) resolve(match[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', () => reject(new Error(`server exited before listening:\n${output}`)))
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, url, exit }
}

test('with no database server it starts on embedded PGlite with demo accounts, and stops cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samflyt-start-'))
  const server = startServer({ SAMFLYT_DATA_DIR: dataDir })
  try {
    const url = await server.url
    assert.equal(await (await fetch(`${url}/ready`)).json(), { status: 'ready', database: 'pglite' })
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'per', password: 'per-demo' }) })
    assert.is(login.status, 200)
    assert.match(server.output(), new RegExp(`embedded PGlite in ${dataDir}`))
    server.child.kill('SIGTERM')
    assert.is(await server.exit, 0)
    assert.match(server.output(), /shutting down/)
  } finally {
    server.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
})

const onServer = ON_SERVER ? test : test.skip
onServer('with DATABASE_URL it uses that server, migrates it, and seeds no demo accounts', async () => {
  const db = await testDatabase({ migrated: false })
  const server = startServer({ DATABASE_URL: db.url! })
  try {
    const url = await server.url
    assert.equal(await (await fetch(`${url}/ready`)).json(), { status: 'ready', database: 'postgres' })
    const users = await db.sql`select username from users`
    assert.is(users.length, 0)
    server.child.kill('SIGTERM')
    assert.is(await server.exit, 0)
  } finally {
    server.child.kill('SIGKILL')
    await db.close()
  }
})

test('a bad setting stops start-up with a message naming the variable', async () => {
  const server = startServer({ PORT: 'eighty', LOG_LEVEL: 'chatty' })
  server.url.catch(() => {})
  assert.is(await server.exit, 1)
  assert.match(server.output(), /PORT must be a whole number from 0 to 65535, got "eighty"/)
  assert.match(server.output(), /LOG_LEVEL must be one of/)
})

test.run()
