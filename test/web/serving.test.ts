// The web app's files: index.html for every path the app routes (never cached stale), bundles under
// content-hashed names (cached for good), and the generated API types in step with the server.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { testApp, type TestApp } from '../helpers/app.js'
import { buildWeb } from '../../scripts/build-web.mjs'
import { WEB_PATHS } from '../../src/api/routes/web.js'
import { WEB_API_TYPES, webApiTypes } from '../../scripts/web-api-types.js'

let t: TestApp

test.before(async () => {
  await buildWeb({ quiet: true })
  t = await testApp()
})
test.after(async () => t?.close())

test('every client-side path answers with index.html, not cached without revalidation', async () => {
  for (const pattern of WEB_PATHS) {
    const url = pattern.replace(':key', '2251799813685249').replace(':id', 'KE-2026-00001').replace(':meetingId', '3')
    const response = await t.app.inject({ method: 'GET', url })
    assert.is(response.statusCode, 200, url)
    assert.match(String(response.headers['content-type']), /text\/html/)
    assert.is(response.headers['cache-control'], 'no-cache', url)
    assert.match(response.body, /<div id="root"><\/div>/)
  }
})

test('index.html names its bundles by content hash, and they are served immutable for a year', async () => {
  const html = (await t.app.inject({ method: 'GET', url: '/oppgaver' })).body
  const script = /<script type="module" src="(\/assets\/app-[A-Z0-9]{8}\.js)"><\/script>/.exec(html)?.[1]
  const style = /<link rel="stylesheet" href="(\/assets\/app-[A-Z0-9]{8}\.css)">/.exec(html)?.[1]
  assert.ok(script && style, html)
  assert.not.match(html, /<script>(?!<)/, 'no inline script (the content security policy forbids them)')
  assert.not.match(html, /https?:\/\//, 'nothing from another origin')
  for (const asset of [script!, style!]) {
    const response = await t.app.inject({ method: 'GET', url: asset })
    assert.is(response.statusCode, 200, asset)
    assert.match(String(response.headers['cache-control']), /max-age=31536000/)
    assert.match(String(response.headers['cache-control']), /immutable/)
  }
})

test('an unknown path or asset is a 404, not the app', async () => {
  assert.is((await t.app.inject({ method: 'GET', url: '/assets/app-NOPE1234.js' })).statusCode, 404)
  assert.is((await t.app.inject({ method: 'GET', url: '/no/such/page' })).statusCode, 404)
  assert.is((await t.app.inject({ method: 'GET', url: '/api/no-such-route' })).statusCode, 404)
})

test('the web client types (src/web/api/schema.d.ts) are those of the current OpenAPI document; run `npm run web:api` when this fails', async () => {
  const expected = await webApiTypes(t.app.swagger())
  assert.ok(readFileSync(WEB_API_TYPES, 'utf8') === expected, 'src/web/api/schema.d.ts is stale: run npm run web:api')
})

test.run()
