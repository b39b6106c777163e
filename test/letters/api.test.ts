// Letters through the API: four eyes on the letter-approval task, a case's letters, the PDF by
// role with every opening in the case's access log, a preview of the draft, and the outbox of
// the embedded default, resending and marking as sent by post.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp, json, type TestApp } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { definition, startEvent, endEvent, userTask, serviceTask, chain } from '../engine/helpers.js'
import { loadConfig } from '../../src/config.js'
import { lettersFromConfig, type Letters } from '../../src/letters/letters.js'
import { DISPATCH_JOB_TYPE, dispatchHandler } from '../../src/letters/dispatch/worker.js'
import { decisionData, flat, interimData, pdfText, testCase } from './fixtures.js'

// The embedded default: no dispatch service, so letters go to the outbox under the data folder.
const DATA_DIR = mkdtempSync(join(tmpdir(), 'samflyt-letters-'))
process.env.SAMFLYT_DATA_DIR = DATA_DIR
delete process.env.SAMFLYT_SVARUT_URL
const OUTBOX = join(DATA_DIR, 'outbox')

let t: TestApp
let letters: Letters
const auth: Record<string, { authorization: string }> = {}

const PROCESS = definition(
  startEvent(),
  userTask('assess', '<zeebe:formDefinition formId="ke-assessment"/><zeebe:assignmentDefinition candidateGroups="caseworker"/>'),
  userTask('approve', '<zeebe:formDefinition formId="ke-letter-approval"/><zeebe:assignmentDefinition candidateGroups="caseworker"/>'),
  serviceTask('send', DISPATCH_JOB_TYPE),
  endEvent(),
  chain('start', 'assess', 'approve', 'send', 'end'),
)

test.before(async () => {
  t = await testApp()
  for (const user of ['kari', 'siri', 'ola', 'randi', 'ingrid', 'admin']) auth[user] = { authorization: `Bearer ${await t.tokenFor(user)}` }
  letters = lettersFromConfig(t.db.sql, loadConfig().letters, { engine: t.engine })
  t.engine.worker(DISPATCH_JOB_TYPE, dispatchHandler(letters), { pollIntervalMs: 50 })
  const form = (name: string) => ({ name, xml: readFileSync(join('forms', name), 'utf8') })
  await t.engine.deploy([form('assessment.form'), form('letter-approval.form'), { name: 'letter.bpmn', xml: PROCESS }], 'per')
})
test.after(async () => {
  await t.close()
})

const ASSESSMENT = {
  assessment: 'Behovene gjelder helse, NAV og skole, og de er langvarige.',
  individualPlanRight: 'granted', coordinatorRight: 'granted', childCoordinatorRight: 'not-relevant',
  reasons: 'Langvarige og koordinerte behov fra flere sektorer.',
}

async function openTask(instanceKey: string, elementId: string): Promise<string> {
  const task = await eventually(async () => {
    const page = json(await t.app.inject({ url: `/api/user-tasks?instanceKey=${instanceKey}&state=created`, headers: auth.kari }))
    return page.items.find((item: any) => item.elementId === elementId)
  })
  return task.key
}

const complete = (key: string, user: string, variables: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/complete`, headers: auth[user], payload: { variables } })

/** A case at its letter-approval task: kari assessed it, and its draft letter is made. */
async function caseAwaitingApproval() {
  const caseId = await testCase(t.db.sql)
  const { key: instanceKey } = await t.engine.startInstance({ processId: 'p', businessKey: caseId }, 'kari')
  const assessed = await complete(await openTask(instanceKey, 'assess'), 'kari', ASSESSMENT)
  assert.is(assessed.statusCode, 200, assessed.body)
  // What the decision-letter step does: make the draft, and name it in the process variables.
  const draft = await letters.create({ caseId, instanceKey, data: decisionData('nb'), createdBy: 'worker:ke-decision-letter' })
  await t.engine.setVariables(instanceKey, { letterId: draft.id }, 'worker:ke-decision-letter')
  return { caseId, instanceKey, letterId: draft.id, approvalTask: await openTask(instanceKey, 'approve') }
}

test('four eyes: the assessor may not approve the letter (403, in Norwegian and English); someone else may, and it is sent', async () => {
  const { caseId, instanceKey, letterId, approvalTask } = await caseAwaitingApproval()
  const refused = await complete(approvalTask, 'kari', { letterApproval: 'approved' })
  assert.is(refused.statusCode, 403, refused.body)
  assert.match(json(refused).message, 'Du vurderte saken selv, så en annen må godkjenne brevet')
  assert.match(json(refused).message, 'someone else must approve the letter (four eyes)')
  const task = json(await t.app.inject({ url: `/api/user-tasks/${approvalTask}`, headers: auth.kari }))
  assert.is(task.state, 'created', 'the task stays open')
  assert.is((await letters.get(letterId)).status, 'draft', 'and the letter unapproved')

  const approved = await complete(approvalTask, 'siri', { letterApproval: 'approved' })
  assert.is(approved.statusCode, 200, approved.body)
  const letter = await letters.get(letterId)
  assert.ok(['approved', 'sent'].includes(letter.status), JSON.stringify(letter))
  assert.is(letter.approvedBy, 'siri')

  // The dispatch step runs: in the embedded default the letter goes to the outbox.
  await eventually(async () => (await letters.get(letterId)).status === 'sent')
  const sent = await letters.get(letterId)
  assert.equal([sent.channel, sent.dispatchId, sent.dispatchStatus], ['outbox', `${letterId}.pdf`, 'OUTBOX'])
  const stored = readFileSync(join(OUTBOX, `${letterId}.pdf`))
  assert.ok(flat(await pdfText(stored)).includes('Vår referanse: 2026/0417'))
  const meta = readFileSync(join(OUTBOX, `${letterId}.json`), 'utf8')
  assert.ok(meta.includes('Åse Ødegård') && !meta.includes('01029400470'), 'the outbox note names the addressee, never the identity number')
  assert.equal(readdirSync(OUTBOX).filter((f) => f.startsWith(letterId)).sort(), [`${letterId}.json`, `${letterId}.pdf`])

  const list = await t.app.inject({ url: `/api/cases/${caseId}/letters`, headers: auth.kari })
  assert.is(list.statusCode, 200, list.body)
  assert.equal(json(list).items.map((l: any) => [l.id, l.kind, l.status, l.channel, l.approvedBy, l.instanceKey]), [[letterId, 'decision', 'sent', 'outbox', 'siri', instanceKey]])
})

test('a letter sent back for correction is not approved', async () => {
  const { letterId, approvalTask } = await caseAwaitingApproval()
  const returned = await complete(approvalTask, 'siri', { letterApproval: 'returned', approvalComment: 'Rett opp adressen.' })
  assert.is(returned.statusCode, 200, returned.body)
  assert.is((await letters.get(letterId)).status, 'draft')
})

test('no recorded assessment: approval is a 409, since a second person cannot be shown', async () => {
  const caseId = await testCase(t.db.sql)
  const xml = definition(startEvent(), userTask('approve', '<zeebe:formDefinition formId="ke-letter-approval"/>'), endEvent(), chain('start', 'approve', 'end')).replace('id="p"', 'id="approval-only"')
  await t.engine.deploy([{ name: 'approval-only.bpmn', xml }], 'per')
  const { key } = await t.engine.startInstance({ processId: 'approval-only', businessKey: caseId }, 'kari')
  const response = await complete(await openTask(key, 'approve'), 'siri', { letterApproval: 'approved' })
  assert.is(response.statusCode, 409, response.body)
  assert.match(json(response).message, 'ingen vurdering av saken er registrert')
  assert.match(json(response).message, 'no assessment of the case is recorded')
})

test('the PDF by role, with every opening in the case access log; others get 403', async () => {
  const { caseId, letterId } = await caseAwaitingApproval()
  const pdf = await t.app.inject({ url: `/api/letters/${letterId}/pdf?purpose=klagebehandling`, headers: auth.randi })
  assert.is(pdf.statusCode, 200, pdf.body)
  assert.is(pdf.headers['content-type'], 'application/pdf')
  assert.is(pdf.headers['cache-control'], 'no-store')
  assert.ok(flat(await pdfText(pdf.rawPayload)).includes('Du kan klage på vedtaket innen 4 uker'))
  assert.is((await t.app.inject({ url: `/api/letters/${letterId}/pdf`, headers: auth.ingrid })).statusCode, 403, 'a coordinator may not read decision letters here')
  assert.is((await t.app.inject({ url: `/api/letters/${letterId}/pdf` })).statusCode, 401)
  assert.is((await t.app.inject({ url: '/api/letters/7f3c1f9e-8a31-4c55-9a57-4f0d8f3e0a11/pdf', headers: auth.kari })).statusCode, 404)
  assert.is((await t.app.inject({ url: '/api/letters/not-a-uuid/pdf', headers: auth.kari })).statusCode, 400)

  // (The task list and completions that brought the case here are reads of it too.)
  const log = await t.db.sql<{ username: string; purpose: string }[]>`select username, purpose from case_access_log where case_id = ${caseId} and purpose like 'letter %' order by id`
  assert.equal([...log].map((r) => [r.username, r.purpose]), [['randi', `letter ${letterId} (PDF): klagebehandling`]])
})

test('a preview renders the draft (optionally in nynorsk, with a reworded assessment) and stores nothing', async () => {
  const { caseId, letterId } = await caseAwaitingApproval()
  const before = await letters.get(letterId)
  const response = await t.app.inject({
    method: 'POST', url: `/api/letters/${letterId}/preview`, headers: auth.kari,
    payload: { language: 'nn', assessment: 'Vi har sett på alle opplysningane i saka di på nytt.' },
  })
  assert.is(response.statusCode, 200, response.body)
  assert.is(response.headers['content-type'], 'application/pdf')
  const text = flat(await pdfText(response.rawPayload))
  assert.ok(text.includes('Vi har sett på alle opplysningane i saka di på nytt.'), text)
  assert.ok(text.includes('innan 4 veker'), 'rendered in nynorsk')
  const after = await letters.get(letterId)
  assert.equal([after.checksum, after.language, after.status], [before.checksum, 'nb', 'draft'], 'the stored draft is unchanged')
  const log = await t.db.sql<{ purpose: string }[]>`select purpose from case_access_log where case_id = ${caseId} and purpose like 'letter %'`
  assert.equal([...log].map((r) => r.purpose), [`letter ${letterId} (preview)`])

  const bad = await t.app.inject({ method: 'POST', url: `/api/letters/${letterId}/preview`, headers: auth.kari, payload: { language: 'se' } })
  assert.is(bad.statusCode, 400)
  assert.is((await t.app.inject({ method: 'POST', url: `/api/letters/${letterId}/preview`, headers: auth.randi, payload: {} })).statusCode, 403)
})

test('an approved letter has no preview: its PDF is final, and the database refuses to change it', async () => {
  const caseId = await testCase(t.db.sql)
  const interim = await letters.create({ caseId, data: interimData('nb'), createdBy: 'worker:ke-interim-reply' })
  assert.equal([interim.status, interim.approvedBy], ['approved', 'worker:ke-interim-reply'], 'an interim reply needs no second approver')
  const response = await t.app.inject({ method: 'POST', url: `/api/letters/${interim.id}/preview`, headers: auth.kari, payload: {} })
  assert.is(response.statusCode, 409)
  try {
    await t.db.sql`update letters set pdf = ${Buffer.from('%PDF-forged')} where id = ${interim.id}`
    assert.unreachable('an approved PDF was changed')
  } catch (error) {
    assert.match((error as Error).message, 'its PDF and data can no longer change')
  }
})

test('listing the letters of an unknown case is a 404; reading them is logged', async () => {
  assert.is((await t.app.inject({ url: '/api/cases/999999999/letters', headers: auth.kari })).statusCode, 404)
  assert.is((await t.app.inject({ url: '/api/cases/abc/letters', headers: auth.kari })).statusCode, 400)
  const caseId = await testCase(t.db.sql)
  await t.app.inject({ url: `/api/cases/${caseId}/letters?purpose=oppfølging`, headers: auth.kari })
  const log = await t.db.sql<{ username: string; purpose: string }[]>`select username, purpose from case_access_log where case_id = ${caseId}`
  assert.equal([...log].map((r) => [r.username, r.purpose]), [['kari', 'GET /api/cases/:id/letters: oppfølging']])
})

test('resend and mark-sent-by-post: only for letters that can be sent, by caseworkers', async () => {
  const caseId = await testCase(t.db.sql)
  const interim = await letters.create({ caseId, data: interimData('nn'), createdBy: 'worker:ke-interim-reply' })
  await t.db.sql`update letters set status = 'failed', last_error = 'refused' where id = ${interim.id}`
  assert.is((await t.app.inject({ method: 'POST', url: `/api/letters/${interim.id}/resend`, headers: auth.randi })).statusCode, 403)

  const resent = await t.app.inject({ method: 'POST', url: `/api/letters/${interim.id}/resend`, headers: auth.kari })
  assert.is(resent.statusCode, 200, resent.body)
  assert.equal([json(resent).status, json(resent).channel, json(resent).sentBy, json(resent).lastError], ['sent', 'outbox', 'kari', null])
  const again = await t.app.inject({ method: 'POST', url: `/api/letters/${interim.id}/resend`, headers: auth.kari })
  assert.is(again.statusCode, 409, 'a sent letter is not resent')

  const other = await letters.create({ caseId, data: interimData('nb'), createdBy: 'worker:ke-interim-reply' })
  const posted = await t.app.inject({ method: 'POST', url: `/api/letters/${other.id}/mark-sent-by-post`, headers: auth.kari })
  assert.is(posted.statusCode, 200, posted.body)
  assert.equal([json(posted).status, json(posted).channel, json(posted).sentBy], ['sent-by-post', 'post', 'kari'])
  const draft = await letters.create({ caseId, data: decisionData('nb'), createdBy: 'kari' })
  const notApproved = await t.app.inject({ method: 'POST', url: `/api/letters/${draft.id}/mark-sent-by-post`, headers: auth.kari })
  assert.is(notApproved.statusCode, 409)
  assert.match(json(notApproved).message, 'only an approved or failed letter')
})

test.run()
