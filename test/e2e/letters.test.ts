// The KE process's letters through the API: a granted case gets its decision letter as a draft
// the approval task shows, the assessor may not approve it, a second caseworker does, and it
// goes out (to the outbox, in the embedded default); a letter sent back gets a new draft after
// the new decision; a nynorsk case to a guardian gets a nynorsk letter addressed to the
// guardian; a refused consent still gets the coordinator; and a month without a decision gives
// an interim reply, sent without approval.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { json } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { flat, pdfText } from '../letters/fixtures.js'
import { addDays, osloDate } from '../../src/cases/deadlines.js'
import { formatDate } from '../../src/letters/dates.js'
import { assessment, completeTask, identity, instanceEnded, openOffice, registerCase, registration, statusOf, taskOf, COORDINATED_FACTS, type Office } from './helpers.js'

let office: Office
let coordinatorId: string
test.before(async () => {
  office = await openOffice()
  const response = await office.t.app.inject({
    method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
    payload: { name: 'Anne Koordinator', unit: 'Hjemmetjenesten', profession: 'Sykepleier', phone: '55 55 07 07', email: 'anne.koordinator@fjordvik.example', trainingCompleted: true, childCoordinatorQualified: false, capacity: 5 },
  })
  assert.is(response.statusCode, 201, response.body)
  coordinatorId = json(response).id
})
test.after(async () => {
  await office.close()
})

const ADDRESS = { address: 'Bjørkeveien 7', postalCode: '5003', city: 'Bergen' }

const inject = (user: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: Record<string, unknown>) =>
  office.t.app.inject({ method, url, headers: office.auth[user]!, ...(payload === undefined ? {} : { payload }) })

async function letterIdOf(taskKey: string): Promise<string> {
  const task = json(await inject('kari', `/api/user-tasks/${taskKey}`))
  assert.type(task.variables.letterId, 'string', 'the approval task names its letter')
  return task.variables.letterId
}

const letterOf = async (id: string) => json(await inject('kari', `/api/letters/${id}`))
const sent = (id: string) => eventually(async () => ((await letterOf(id)).status === 'sent' ? letterOf(id) : undefined))

async function pdfOf(id: string, user = 'kari') {
  const response = await inject(user, `/api/letters/${id}/pdf?purpose=kontroll`)
  assert.is(response.statusCode, 200, response.body)
  assert.is(response.headers['content-type'], 'application/pdf')
  return response.rawPayload
}

test('a granted case gets a decision letter that the approval task shows; the assessor cannot approve it, another caseworker does, and it goes to the outbox', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'application', person: { identityNumber: identity('1979-02-01'), name: 'Åse Ødegård', ...ADDRESS }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Åse Ødegård' }))
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId })

  const approvalTask = await taskOf(office, registered.id, 'approveLetter')
  const letterId = await letterIdOf(approvalTask)
  const draft = await letterOf(letterId)
  assert.equal([draft.kind, draft.language, draft.status, draft.caseId], ['decision', 'nb', 'draft', registered.id])

  // What the approver reads before approving: the draft, rendered again from its data.
  const preview = await inject('siri', `/api/letters/${letterId}/preview`, 'POST', {})
  assert.is(preview.statusCode, 200, preview.body)
  const text = flat(await pdfText(preview.rawPayload))
  for (const part of [
    'Åse Ødegård', 'Bjørkeveien 7', '5003 Bergen', registered.reference,
    'Vedtak om individuell plan og koordinator', 'Du får individuell plan.', 'Du får koordinator.',
    'pasient- og brukerrettighetsloven § 2-5 og helse- og omsorgstjenesteloven § 7-1',
    'Hjemmesykepleie (Hjemmetjenesten), Rehabilitering (Helse Bergen)', 'Langvarige behov ja',
    'Du har behov for langvarige og koordinerte tjenester, og har derfor rett til en individuell plan.',
    'Saksbehandlers vurdering av behovene i saken', 'Begrunnelsen for vedtaket, slik den skal stå i vedtaksbrevet.',
    'Koordinatoren din', 'Anne Koordinator', 'Enhet: Hjemmetjenesten', 'Telefon: 55 55 07 07', 'anne.koordinator@fjordvik.example',
    'Du kan klage på vedtaket innen 4 uker', 'pasient- og brukerrettighetsloven §§ 7-2 og 7-5', 'Statsforvalteren i Vestland',
    'Du har rett til å se dokumentene i saken', 'forvaltningsloven § 18', 'Kari Nordmann',
  ]) assert.ok(text.includes(part), `the letter says "${part}":\n${text}`)
  assert.not.ok(text.includes('PLASSHOLDER'), 'no placeholder text')
  assert.not.ok(text.includes('(saksbehandler)'), 'the caseworker signs with their name, not their role')

  // Four eyes: kari assessed the case, so kari may not approve the letter; siri may.
  const byAssessor = await inject('kari', `/api/user-tasks/${approvalTask}/complete`, 'POST', { variables: { letterApproval: 'approved' } })
  assert.is(byAssessor.statusCode, 403, byAssessor.body)
  assert.is((await letterOf(letterId)).status, 'draft', 'the refused approval leaves the draft as it was')
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })

  const letter = await sent(letterId)
  assert.equal([letter.status, letter.channel, letter.dispatchStatus, letter.approvedBy], ['sent', 'outbox', 'OUTBOX', 'siri'])
  await statusOf(office, registered.id, 'closed')
  assert.is(await instanceEnded(office, registered.id), 'completed')
  const stored = await pdfOf(letterId, 'randi')
  const file = join(office.t.outboxDir!, `${letterId}.pdf`)
  assert.ok(existsSync(file), 'the letter is in the outbox')
  assert.ok(readFileSync(file).equals(stored), 'the outbox has exactly the approved PDF')
  const outboxText = flat(await pdfText(stored))
  assert.ok(outboxText.includes('Du får koordinator.') && outboxText.includes('Anne Koordinator'), outboxText)

  const list = await inject('randi', `/api/cases/${registered.id}/letters`)
  assert.is(list.statusCode, 200, list.body)
  assert.equal(json(list).items.map((l: any) => [l.id, l.kind, l.status, l.channel, l.approvedBy]), [[letterId, 'decision', 'sent', 'outbox', 'siri']])
  const log = json(await inject('randi', `/api/cases/${registered.id}/access-log`))
  assert.ok(log.some((entry: any) => entry.username === 'randi' && entry.purpose === `letter ${letterId} (PDF): kontroll`), 'reading the PDF is in the access log')
  assert.ok(log.some((entry: any) => entry.username === 'siri' && entry.purpose === `letter ${letterId} (preview)`), 'and so is the preview')
})

test('a letter sent back goes to a new decision, which gets a new draft; the first is never sent', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'application', person: { identityNumber: identity('1966-06-16'), name: 'Rune Retur', ...ADDRESS }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Rune Retur' }))
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused' }))
  const first = await letterIdOf(await taskOf(office, registered.id, 'approveLetter'))
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'returned', approvalComment: 'Koordinator må vurderes på nytt.' })

  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId })
  const second = await letterIdOf(await taskOf(office, registered.id, 'approveLetter'))
  assert.is.not(second, first, 'the new decision has a letter of its own')
  assert.ok(flat(await pdfText(await pdfOf(second))).includes('Du får koordinator.'))
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await sent(second)
  await statusOf(office, registered.id, 'closed')
  assert.is((await letterOf(first)).status, 'draft', 'the letter sent back stays an unsent draft')
  assert.not.ok(existsSync(join(office.t.outboxDir!, `${first}.pdf`)))
})

test('a nynorsk case gets its letter in nynorsk, addressed to the guardian (verje)', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'application', language: 'nn',
    person: { identityNumber: identity('1983-03-03'), name: 'Sindre Nynorsk', ...ADDRESS, language: 'nn' },
    guardians: [{ name: 'Vigdis Verje', relation: 'guardian', mayConsent: true }, { name: 'Bror Nynorsk', relation: 'next-of-kin' }],
    facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Sindre Nynorsk', language: 'nn' }))
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused' }))
  const letterId = await letterIdOf(await taskOf(office, registered.id, 'approveLetter'))
  assert.is((await letterOf(letterId)).language, 'nn')
  const text = flat(await pdfText(await pdfOf(letterId)))
  for (const part of [
    'Vigdis Verje', 'Du får dette brevet som verje for Sindre Nynorsk.', 'Du får individuell plan.', 'Du får ikkje koordinator.',
    'Opplysningar vi har lagt vekt på', 'Tenester', 'Vurderinga vår', 'Du har behov for langvarige og koordinerte tenester',
    'Du kan klage på vedtaket innan 4 veker', 'pasient- og brukarrettslova §§ 7-2 og 7-5', 'Statsforvaltaren i Vestland', 'Med venleg helsing',
  ]) assert.ok(text.includes(part), `the nynorsk letter says "${part}":\n${text}`)
  for (const bokmål of ['Vurderingen vår', 'Du får ikke koordinator', 'Med vennlig hilsen']) assert.not.ok(text.includes(bokmål), `no bokmål: "${bokmål}"`)
  assert.not.ok(text.includes('Bror Nynorsk'), 'next of kin are not addressed')
  assert.not.ok(text.includes('få tilbod om koordinator'), 'the rules\' reason for a coordinator is not quoted against the caseworker\'s refusal')
  await completeTask(office, registered.id, 'approveLetter', 'siri', { letterApproval: 'approved' })
  await sent(letterId)
})

test('consent refused: the letter grants the coordinator the unit will appoint once consent is given, and goes c/o the unit when no address is registered', async () => {
  const { case: registered } = await registerCase(office, { channel: 'internal-notice', person: { identityNumber: identity('1968-11-30'), name: 'Nils Nei' }, facts: COORDINATED_FACTS })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'internal-notice', personName: 'Nils Nei' }))
  await completeTask(office, registered.id, 'consentReply', 'kari', { consentDecision: 'refused', consentGivenBy: 'person', consentDate: new Date().toISOString().slice(0, 10) })
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'declined', coordinator: 'granted' }))
  const letterId = await letterIdOf(await taskOf(office, registered.id, 'approveLetter'))
  const text = flat(await pdfText(await pdfOf(letterId)))
  for (const part of [
    'Nils Nei c/o Koordinerende enhet Rådhusplassen 1 5999 Fjordvik', 'Du får koordinator.',
    'Koordinerende enhet oppnevner koordinator hvis du gir samtykke senere', 'Samtykke du har sagt nei til å samtykke',
  ]) assert.ok(text.includes(part), `the letter says "${part}":\n${text}`)
  assert.not.ok(text.includes('ikke fått svar'), 'a refusal is an answer, not missing consent')
  assert.not.ok(text.includes('Du får individuell plan') || text.includes('Du får ikke individuell plan'), 'a declined plan is neither granted nor refused')
})

test('a month without a decision gives an interim reply letter, sent to the outbox without approval; the decision letter\'s variables are untouched', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'application', person: { identityNumber: identity('1972-08-08'), name: 'Lars Lang', ...ADDRESS }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await taskOf(office, registered.id, 'verify')
  office.clock.advanceDays(32)
  await office.t.engine.fireDueTimers()

  const letter = await eventually(async () => {
    const items = json(await inject('kari', `/api/cases/${registered.id}/letters`)).items
    return items.find((l: any) => l.kind === 'interim-reply' && l.status === 'sent')
  })
  assert.equal([letter.language, letter.channel, letter.approvedBy], ['nb', 'outbox', letter.createdBy], 'needs no second person')
  assert.ok(existsSync(join(office.t.outboxDir!, `${letter.id}.pdf`)))
  const text = flat(await pdfText(await pdfOf(letter.id)))
  const expected = formatDate(addDays(osloDate(office.clock.now), 28))
  for (const part of [
    'Foreløpig svar på henvendelsen din', 'Lars Lang', 'Bjørkeveien 7', registered.reference, 'forvaltningsloven § 11 a',
    'Hvorfor saken tar lengre tid', 'Vi har ikke fått kontrollert og registrert alle opplysningene', `Vi regner med å gi deg svar innen ${expected}`,
  ]) assert.ok(text.includes(part), `the interim reply says "${part}":\n${text}`)

  const instanceKey = json(await inject('kari', `/api/cases/${registered.id}`)).instanceKey
  const [state] = await office.t.db.sql<{ variables: Record<string, unknown> }[]>`select state -> 'variables' as variables from process_instances where key = ${instanceKey}`
  assert.is(state!.variables.interimReplyLetterId, letter.id)
  assert.is(state!.variables.interimReplyStatus, 'sent')
  assert.is(state!.variables.letterId, undefined, 'the decision letter\'s letterId is not the interim reply\'s')
  await taskOf(office, registered.id, 'verify')
})

test.run()
