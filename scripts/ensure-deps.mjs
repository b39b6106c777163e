// Runs before `npm start` and `npm test`: installs the packages when node_modules is missing or
// older than package-lock.json, then builds the web app when its sources (src/web and the lock
// file, by content hash) changed since the last build, so either command works on a fresh clone.
// Plain JS: it runs before TypeScript tooling is installed.
import { existsSync, statSync } from 'node:fs'
import { execSync } from 'node:child_process'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs
if (stale) {
  console.log('Installing packages (npm ci)...')
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}

const { buildWeb } = await import('./build-web.mjs')
await buildWeb()
