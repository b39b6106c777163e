// Builds the browser app (src/web) with esbuild into build/web: content-hashed files under
// assets/ and an index.html that names them. Skips the build when the source fingerprint (every
// file of src/web, the lock file and this script) matches the last build's, so `npm start` and
// `npm test` may call it every time. `--force` builds anyway. Plain JS: it runs before tsx.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE = join(ROOT, 'src/web')
// Pure code the web app shares with the server (identity-number checks) is part of the bundle too.
const SHARED = join(ROOT, 'src/shared')
const OUT = join(ROOT, 'build/web')
const STAMP = join(OUT, '.fingerprint')

function files(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

/** A hash of everything the bundle is made from. */
export function webFingerprint() {
  const hash = createHash('sha256')
  for (const path of [...files(SOURCE), ...files(SHARED), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)]) {
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0')
  }
  return hash.digest('hex')
}

// @navikt/aksel-icons (Designsystemet's icons) declares sideEffects: false in its package.json,
// but esbuild reads the nearer dist/react/esm/package.json, which does not, and so bundled all
// 1.3 MB of icons for the four a combobox uses. Its modules are marked side-effect free here.
const iconsWithoutSideEffects = {
  name: 'icons-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^@navikt\/aksel-icons/ }, async (args) => {
      if (args.pluginData?.marked) return undefined
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { marked: true } })
      return { ...resolved, sideEffects: false }
    })
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.marked || !args.importer.includes('/@navikt/aksel-icons/')) return undefined
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { marked: true } })
      return { ...resolved, sideEffects: false }
    })
  },
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  const fingerprint = webFingerprint()
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint && existsSync(join(OUT, 'index.html'))) return { built: false }
  const { build } = await import('esbuild')
  if (!quiet) console.log('Building the web app (src/web -> build/web)...')
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const result = await build({
    entryPoints: { app: join(SOURCE, 'main.tsx') },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022'],
    outdir: join(OUT, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    publicPath: '/assets/',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    jsx: 'automatic',
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    plugins: [iconsWithoutSideEffects],
    logLevel: quiet ? 'error' : 'warning',
  })
  const outputs = Object.entries(result.metafile.outputs)
  const entry = outputs.find(([, output]) => output.entryPoint?.endsWith('src/web/main.tsx'))
  if (!entry) throw new Error('esbuild wrote no entry bundle for src/web/main.tsx')
  const [script, { cssBundle }] = entry
  const url = (path) => `/assets/${relative(join(OUT, 'assets'), join(ROOT, path))}`
  const html = `<!doctype html>
<html lang="nb" data-color-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samflyt</title>
<link rel="icon" href="data:,">
${cssBundle ? `<link rel="stylesheet" href="${url(cssBundle)}">\n` : ''}<script type="module" src="${url(script)}"></script>
</head>
<body>
<div id="root"></div>
<noscript>Samflyt trenger JavaScript.</noscript>
</body>
</html>
`
  writeFileSync(join(OUT, 'index.html'), html)
  writeFileSync(join(OUT, 'meta.json'), JSON.stringify(result.metafile))
  writeFileSync(STAMP, fingerprint)
  return { built: true }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb({ force: process.argv.includes('--force') })
}
