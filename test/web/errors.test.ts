// What a person sees when things fail: the server unreachable (a Norwegian message and a way to
// try again) and a real server error (the request id to quote when asking for help).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { chain, definition, endEvent, startEvent, userTask } from '../engine/helpers.js'
import { accessibilityProblems, openBrowser, screenshot, signIn, webServer, type Browsing, type WebServer } from './helpers.js'

let server: WebServer
let browsing: Browsing
let taskKey: string

test.before(async () => {
  server = await webServer()
  await server.engine.deploy([{ name: 'p.bpmn', xml: definition(startEvent(), userTask('fill', '<zeebe:assignmentDefinition candidateGroups="caseworker"/>').replace('id="fill"', 'id="fill" name="Fyll ut"'), endEvent(), chain('start', 'fill', 'end')) }], 'test')
  await server.engine.startInstance({ processId: 'p', variables: { caseReference: 'KE-2026-00077' } }, 'test')
  const [row] = await server.db.sql<{ key: string }[]>`select key::text from user_tasks where state = 'created'`
  taskKey = row!.key
  browsing = await openBrowser()
  await signIn(browsing.page, server, 'kari', '/oppgaver')
})

test.after(async () => {
  await browsing?.close()
  await server?.close()
})

test('the server unreachable: the page says so in Norwegian, and "Prøv igjen" works once it is back', async () => {
  const { page } = browsing
  await page.route('**/api/tasklist**', (route) => route.abort('internetdisconnected'))
  await page.reload()
  await page.getByText('Fikk ikke kontakt med Samflyt. Sjekk nettverkstilkoblingen og prøv igjen.').waitFor()
  await screenshot(page, 'feil-nettverk')
  assert.equal(await accessibilityProblems(page), [])
  await page.unroute('**/api/tasklist**')
  await page.getByRole('button', { name: 'Prøv igjen' }).click()
  await page.getByRole('group', { name: 'Køer' }).getByRole('button', { name: 'Ufordelte (1)' }).waitFor()
})

test('a server error shows the request id to quote, the same id the server logged', async () => {
  const { page } = browsing
  // A real failure inside Samflyt: the drafts table is gone.
  await server.db.sql`alter table task_drafts rename to task_drafts_gone`
  try {
    await page.goto(`${server.url}/oppgaver/${taskKey}`)
    const message = page.getByText(/^Det oppstod en feil hos Samflyt\. Oppgi feilkoden (\S+) hvis du kontakter brukerstøtte\.$/)
    await message.waitFor()
    const requestId = /feilkoden (\S+) hvis/.exec((await message.textContent())!)![1]!
    assert.match(requestId, /^[0-9a-f-]{36}$/)
    assert.match(server.logs(), new RegExp(`"reqId":"${requestId}"`))
    await screenshot(page, 'feil-server')
  } finally {
    await server.db.sql`alter table task_drafts_gone rename to task_drafts`
  }
})

test.run()
