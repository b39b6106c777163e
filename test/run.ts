// Runs every *.test.ts file below test/ in its own Node process (each file gets its own
// database), a few at a time, and ends with the line CI reads: "N passed, N failed".
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { availableParallelism } from 'node:os'

const ROOT = new URL('..', import.meta.url).pathname
const CONCURRENCY = Number(process.env.TEST_CONCURRENCY ?? Math.max(2, availableParallelism()))

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path)
    return name.endsWith('.test.ts') ? [path] : []
  })
}

interface FileResult { file: string; passed: number; failed: number; skipped: number; output: string; code: number | null }

function runFile(file: string): Promise<FileResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      // uvu prints "Total: N", "Passed: N" and "Skipped: N" at the end of a file.
      const count = (label: string) => Number(output.match(new RegExp(`${label}:\\s+(\\d+)`))?.[1] ?? NaN)
      const total = count('Total')
      const passed = Number.isNaN(count('Passed')) ? 0 : count('Passed')
      const skipped = Number.isNaN(count('Skipped')) ? 0 : count('Skipped')
      // A file that crashed before its summary counts as one failure, so it can never pass silently.
      const failed = Number.isNaN(total) ? 1 : Math.max(total - passed - skipped, code === 0 ? 0 : 1)
      resolve({ file: relative(ROOT, file), passed, failed, skipped, output, code })
    })
  })
}

const filter = process.argv.slice(2)
const files = findTests(join(ROOT, 'test'))
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort()

const results: FileResult[] = []
const queue = [...files]
await Promise.all(
  Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await runFile(file)
      results.push(result)
      const mark = result.failed ? 'FAIL' : 'ok  '
      console.log(`${mark} ${result.file}  (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped)`)
      if (result.failed || process.env.TEST_VERBOSE) console.log(result.output.replace(/^/gm, '    '))
    }
  }),
)

const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((n, r) => n + r[key], 0)
const database = process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite'
console.log(`\n${files.length} test files on ${database}`)
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`)
process.exitCode = sum('failed') > 0 || files.length === 0 ? 1 : 0
