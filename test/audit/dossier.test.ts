// The dossier for the county governor: one PDF in the case's language and one JSON document,
// each with its SHA-256, holding the timeline, the decisions and reasons, the letters, the access
// log (this very export in it, with its purpose) and the integrity status.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import { json } from '../helpers/app.js'
import { flat, pdfText } from '../letters/fixtures.js'
import { openOffice, type Office } from '../e2e/helpers.js'
import { addCoordinator, decidedCase } from './helpers.js'

let office: Office
let c: { id: string; reference: string; instanceKey: string }
test.before(async () => {
  office = await openOffice()
  c = await decidedCase(office, await addCoordinator(office))
})
test.after(async () => {
  await office.close()
})

const dossier = (query: string, user = 'randi') => office.t.app.inject({ url: `/api/cases/${c.id}/dossier?${query}`, headers: office.auth[user]! })
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex')

test('the JSON dossier has the timeline, decisions, letters, access log and integrity, and its checksum', async () => {
  const response = await dossier('format=json&purpose=Klage til statsforvalteren')
  assert.is(response.statusCode, 200, response.body)
  assert.match(String(response.headers['content-type']), /^application\/json/)
  assert.is(response.headers['x-checksum-sha256'], sha256(response.rawPayload))
  assert.is(response.headers['content-digest'], `sha-256=:${createHash('sha256').update(response.rawPayload).digest('base64')}:`)
  assert.match(String(response.headers['content-disposition']), new RegExp(`attachment; filename="${c.reference}-saksmappe.json"`))
  const body = json(response)
  assert.is(body.format, 'samflyt-ke-dossier/1')
  assert.ok(body.timeline.some((e: any) => e.text.startsWith('Siri Dahl (saksbehandler) fullførte «Vurder og avgjør saken»')))
  assert.ok(body.decisions.some((d: any) => d.ruleSetId === 'individual-plan' && d.reasons.length > 0))
  assert.ok(body.letters.some((l: any) => l.status === 'sent' && /^[0-9a-f]{64}$/.test(l.pdfSha256)))
  assert.ok(body.accessLog.some((a: any) => a.username === 'randi' && a.purpose === 'GET /api/cases/:id/dossier (json): Klage til statsforvalteren'), 'this export is in it')
  assert.is(body.integrity.ok, true, JSON.stringify(body.integrity.problems))
  assert.match(body.person.identityNumber, /\*{5}$/, 'the identity number masked')
})

test('the PDF holds the timeline and the integrity status, in bokmål or nynorsk, with its checksum', async () => {
  const response = await dossier('format=pdf&purpose=Klage til statsforvalteren')
  assert.is(response.statusCode, 200, response.body)
  assert.is(response.headers['content-type'], 'application/pdf')
  assert.is(response.headers['x-checksum-sha256'], sha256(response.rawPayload))
  const text = flat(await pdfText(response.rawPayload))
  for (const part of [`Saksmappe ${c.reference}`, 'Saksloggen er hel', 'Kari Nordmann (saksbehandler) fullførte «Kontroller henvendelsen»',
    'Siri Dahl (saksbehandler) fullførte «Vurder og avgjør saken»', 'Regelverket «Rett til individuell plan»', 'Innsynslogg', 'Klage til statsforvalteren']) {
    assert.ok(text.includes(part), `the PDF says "${part}":\n${text.slice(0, 3000)}`)
  }
  const nn = flat(await pdfText((await dossier('format=pdf&lang=nn&purpose=Tilsyn')).rawPayload))
  assert.ok(nn.includes('Sakslogg er heil') && nn.includes('Vurder og avgjer saka'), nn.slice(0, 2000))
})

test('a tampered case says so in the dossier; a caseworker may not export; format and purpose are required', async () => {
  await office.t.db.sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    await tx`update history set actor = 'kari' where instance_key = ${c.instanceKey} and element_id = 'decide' and type = 'userTaskCompleted'`
  })
  const body = json(await dossier('format=json&purpose=kontroll'))
  assert.is(body.integrity.ok, false)
  assert.match(body.integrity.problems[0].message, /userTaskCompleted at decide by kari/)
  const text = flat(await pdfText((await dossier('format=pdf&purpose=kontroll')).rawPayload))
  assert.ok(text.includes('Saksloggen stemmer ikke'), text.slice(0, 1500))
  assert.is((await dossier('format=pdf&purpose=kontroll', 'kari')).statusCode, 403)
  assert.is((await dossier('purpose=kontroll')).statusCode, 400)
  assert.is((await dossier('format=pdf')).statusCode, 400)
  assert.is((await dossier('format=docx&purpose=kontroll')).statusCode, 400)
})

test.run()
