// Consent and confidentiality, through the API (issue 15): refused consent is an answer, kept
// apart from missing consent in the decision, the texts and the letter; a complex case goes to
// the intake group and the agencies only with consent to share or another legal basis, else the
// KE handles it alone and the caseworker is told why; anonymous discussion is an explicit
// choice; a child under 16 is represented by a parent, to whom the letter speaks.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { flat, pdfText } from '../letters/fixtures.js'
import {
  assessment, completeTask, COMPLEX_FACTS, CONSENT_TO_SHARE, COORDINATED_FACTS, identity, openOffice, readCase, recordIntakeOutcome,
  registerCase, registration, statusOf, taskOf, type Office,
} from './helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

const decisionOf = (view: any, ruleSetId: string) => view.ruleDecisions.filter((d: any) => d.ruleSetId === ruleSetId).at(-1)
const kinds = (view: any) => view.notifications.map((n: any) => `${n.kind} ${n.recipient}`)

async function letterText(caseId: string): Promise<string> {
  const key = await taskOf(office, caseId, 'approveLetter')
  const task = json(await office.t.app.inject({ url: `/api/user-tasks/${key}`, headers: office.auth.kari }))
  const pdf = await office.t.app.inject({ url: `/api/letters/${task.variables.letterId}/pdf`, headers: office.auth.kari })
  assert.is(pdf.statusCode, 200, pdf.body)
  return flat(await pdfText(pdf.rawPayload))
}

test('refused consent is not missing consent: the reasons, the facts and the letter say "nei", never "not yet answered"', async () => {
  const refused = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1971-05-05'), name: 'Rolf Nei' }, facts: COORDINATED_FACTS, consent: { consentGiven: false, ipDeclined: true } })
  const missing = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1972-06-06'), name: 'Mona Mangler' }, facts: COORDINATED_FACTS })
  await completeTask(office, refused.case.id, 'verify', 'kari', registration({ personName: 'Rolf Nei' }))
  await completeTask(office, missing.case.id, 'verify', 'kari', registration({ personName: 'Mona Mangler' }))
  await taskOf(office, refused.case.id, 'decide')
  await taskOf(office, missing.case.id, 'consentReply')

  const r = await readCase(office, refused.case.id)
  assert.is(r.consent.status, 'refused')
  assert.equal(decisionOf(r, 'coordinator').reasons.map((x: any) => x.rule), ['right-long-term-coordinated', 'consent-refused'])
  assert.equal(decisionOf(r, 'individual-plan').reasons.map((x: any) => x.rule), ['right-to-individual-plan', 'consent-refused'])
  assert.is(decisionOf(r, 'coordinator').reasons[1].reason.includes('ikke fått svar'), false)
  assert.ok(kinds(r).every((k: string) => !k.startsWith('consent-request')), 'a refusal is not asked again')

  // The missing consent is requested, and its reasons say the answer has not come.
  const m = await readCase(office, missing.case.id)
  assert.ok(kinds(m).includes('consent-request person'), kinds(m).join(', '))

  await completeTask(office, refused.case.id, 'decide', 'kari', assessment({ ip: 'declined', coordinator: 'granted' }))
  const text = await letterText(refused.case.id)
  for (const part of ['Du har sagt nei til å samtykke', 'Samtykke du har sagt nei til å samtykke', 'oppnevner koordinator hvis du gir samtykke senere']) {
    assert.ok(text.includes(part), `the letter says "${part}":\n${text}`)
  }
  assert.not.ok(text.includes('ikke fått svar'), text)
  assert.not.ok(text.includes('ikke registrert'), text)
})

test('no consent to share: the complex case is handled by the KE alone, nobody is told, and the caseworker sees why', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', person: { identityNumber: identity('1980-01-01'), name: 'Per Privat' }, facts: COMPLEX_FACTS,
    consent: { consentGiven: true, ipDeclined: false, scope: ['individual-plan', 'coordinator'] },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Per Privat' }))
  await taskOf(office, registered.id, 'decide')
  const view = await readCase(office, registered.id)
  assert.equal([view.route, view.sharing.basis, view.intakeGroup.length], ['complex', 'none', 0])
  assert.ok(!kinds(view).some((k: string) => k.startsWith('agency-notice') || k.startsWith('agenda')), kinds(view).join(', '))
  const alone = view.notifications.find((n: any) => n.kind === 'handled-alone')
  assert.match(alone.message, /samtykket omfatter ikke å dele opplysninger/)
  assert.match(alone.message, /helsepersonelloven § 21/)
  assert.match(alone.message, /behandler saken alene/)

  // The caseworker chooses anonymous discussion: on the agenda, marked anonymous, still no agency told.
  await completeTask(office, registered.id, 'decide', 'kari', { discussAnonymously: true })
  await taskOf(office, registered.id, 'intakeMeeting')
  const anonymous = await readCase(office, registered.id)
  assert.equal([anonymous.sharing.basis, anonymous.intakeGroup[0].anonymous], ['anonymous', true])
  assert.ok(!kinds(anonymous).some((k: string) => k.startsWith('agency-notice')), kinds(anonymous).join(', '))
  assert.match(anonymous.notifications.find((n: any) => n.kind === 'agenda').message, /anonym drøfting/)
  const member = await office.t.app.inject({ url: `/api/cases/${registered.id}`, headers: office.auth.ola })
  assert.is(member.statusCode, 200, member.body)
  assert.not.ok(member.body.includes('Per Privat'), 'the group sees no name')
  assert.is(json(member).person, null)
  const list = await office.t.app.inject({ url: '/api/cases', headers: office.auth.ola })
  assert.is(list.statusCode, 200, list.body)
  assert.not.ok(list.body.includes('Per Privat'), 'nor in the list')
})

test('another legal basis named in the registration: the group takes the case and the agencies are told', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', person: { identityNumber: identity('1981-02-02'), name: 'Lise Lov' }, facts: COMPLEX_FACTS, consent: { consentGiven: true, ipDeclined: false },
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Lise Lov', sharingLegalBasis: 'Helsepersonelloven § 25: samarbeid med personell som yter helsehjelp til personen.' }))
  await taskOf(office, registered.id, 'intakeMeeting')
  const view = await readCase(office, registered.id)
  assert.equal([view.sharing.basis, view.sharing.note], ['legal-basis', 'Helsepersonelloven § 25: samarbeid med personell som yter helsehjelp til personen.'])
  assert.ok(kinds(view).includes('agency-notice agency:NAV Sentrum'), kinds(view).join(', '))
})

test('a child under 16: the letter goes to the parent and speaks of "barnet ditt" and "dere", never "du" to the child', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'application', sender: { role: 'parent', name: 'Mor Mo' },
    person: { identityNumber: identity('2015-03-03'), name: 'Mia Mo', address: 'Skoleveien 2', postalCode: '5003', city: 'Bergen' },
    guardians: [{ name: 'Mor Mo', relation: 'parent', mayConsent: true }],
    facts: { childHasSeriousCondition: true, services: [
      { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
      { name: 'Spesialundervisning', sector: 'school', provider: 'Nordnes skole', longTerm: true, coordinated: true },
    ] },
    consent: { ...CONSENT_TO_SHARE, givenBy: 'parent' },
  })
  assert.is(registered.status !== undefined, true)
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Mia Mo' }))
  await recordIntakeOutcome(office, registered.id, { intakeGroupOutcome: 'child-coordinator', responsibleAgency: 'ke' })
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused', child: 'refused' }))
  const text = await letterText(registered.id)
  for (const part of ['Mor Mo Skoleveien 2', 'som forelder eller foresatt for Mia Mo', 'Barnet ditt får individuell plan.', 'Barnet ditt har behov for langvarige og koordinerte tjenester', 'Dere kan klage på vedtaket', 'dokumentene i saken til barnet ditt']) {
    assert.ok(text.includes(part), `the letter says "${part}":\n${text}`)
  }
  for (const part of ['Du får individuell plan', 'Du kan klage', 'Du har behov']) assert.not.ok(text.includes(part), `not "${part}" to a child:\n${text}`)
  await statusOf(office, registered.id, 'decision-letter')
})

test.run()
