// Swagger UI at /docs still works under the content security policy: Debian's Chromium loads it
// from a real listening server, runs its scripts and renders the operations. Had the policy
// blocked its scripts or styles, the page would stay empty.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp, type TestApp } from '../helpers/app.js'

const CHROMIUM = '/usr/bin/chromium'

let t: TestApp
let base: string
test.before(async () => {
  t = await testApp()
  base = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
test.after(async () => {
  await t.close()
})

function dumpDom(url: string): Promise<{ dom: string; console: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'samflyt-chromium-'))
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0',
    '--virtual-time-budget=10000', '--dump-dom', url,
  ]
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true })
      if (error && !stdout) reject(error)
      else resolve({ dom: stdout, console: stderr })
    })
  })
}

const onChromium = existsSync(CHROMIUM) ? test : test.skip
onChromium('Swagger UI renders its operations under the policy, with no violation reported', async () => {
  const { dom, console } = await dumpDom(`${base}/docs/`)
  for (const path of ['/api/auth/login', '/api/auth/me', '/health']) {
    assert.ok(dom.includes(`data-path="${path}"`), `the operation ${path} is rendered`)
  }
  assert.not.match(console, /Content Security Policy|Refused to (load|execute|apply)/)
})

test.run()
