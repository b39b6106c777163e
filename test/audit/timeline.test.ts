// The timeline in words, through the API: a complex case that kari registers, ola's intake group
// discusses, siri decides, kari sends the letter back, siri decides again (what changed is told)
// and kari approves. Each human step names the person, role, step and moment, with what they
// entered; automatic steps say what the municipality did and never name a worker or host;
// decisions carry version, facts and reasons; the letter who approved it and how it was sent;
// the read is recorded with its purpose, and a reader of another unit gets 404.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { assessment, COMPLEX_FACTS, CONSENT_TO_SHARE, completeTask, identity, instanceEnded, openOffice, recordIntakeOutcome, registerCase, registration, type Office } from '../e2e/helpers.js'
import { addCoordinator } from './helpers.js'
import { formatter } from '../../src/audit/timeline/format.js'

let office: Office
let caseId: string
let verifiedAt: Date
test.before(async () => {
  office = await openOffice()
  const coordinatorId = await addCoordinator(office)
  const meeting = await office.t.app.inject({ method: 'POST', url: '/api/meetings', headers: office.auth.kari, payload: { startsAt: new Date(office.clock.now.getTime() + 3 * 86_400_000).toISOString(), location: 'Rådhuset' } })
  assert.is(meeting.statusCode, 201, meeting.body)
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', sender: { name: 'Per Veileder', organisation: 'NAV Sentrum' },
    person: { identityNumber: identity('1975-02-03'), name: 'Kari Kompleks' }, facts: COMPLEX_FACTS, consent: CONSENT_TO_SHARE,
  })
  caseId = registered.id
  await completeTask(office, caseId, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Kari Kompleks' }))
  verifiedAt = office.clock.now
  // The group's outcome is recorded once its meeting has begun (the clock moves to then).
  await recordIntakeOutcome(office, caseId, { intakeGroupOutcome: 'individual-plan-and-coordinator', responsibleAgency: 'health-and-care', intakeGroupNotes: 'Helse og omsorg tar ansvaret.' })
  await completeTask(office, caseId, 'decide', 'siri', assessment({ ip: 'granted', coordinator: 'refused' }))
  await completeTask(office, caseId, 'approveLetter', 'kari', { letterApproval: 'returned', approvalComment: 'Koordinator må vurderes på nytt.' })
  await completeTask(office, caseId, 'decide', 'siri', assessment({ ip: 'granted', coordinator: 'granted' }))
  await completeTask(office, caseId, 'chooseCoordinator', 'siri', { coordinatorId })
  await completeTask(office, caseId, 'approveLetter', 'kari', { letterApproval: 'approved' })
  assert.is(await instanceEnded(office, caseId), 'completed')
})
test.after(async () => {
  await office.close()
})

const timeline = async (query: string, user = 'randi') => office.t.app.inject({ url: `/api/cases/${caseId}/timeline?${query}`, headers: office.auth[user]! })

test('each human step names who, in which role, which step and when, with what they entered', async () => {
  const response = await timeline('lang=nb&purpose=Klagesak hos statsforvalteren')
  assert.is(response.statusCode, 200, response.body)
  const { entries, language } = json(response)
  assert.is(language, 'nb')
  const when = formatter('nb').moment(office.clock.now)
  assert.match(when, /^\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}$/)
  const verifiedWhen = formatter('nb').moment(verifiedAt)
  const human = entries.filter((e: any) => e.kind === 'human')
  const texts = human.map((e: any) => e.text)
  assert.ok(texts.includes(`Kari Nordmann (saksbehandler) fullførte «Kontroller henvendelsen» ${verifiedWhen}.`), texts.join('\n'))
  assert.ok(texts.some((t: string) => t.startsWith(`Ola Hansen (mottaksgruppen) fullførte «Behandle saken i mottaksgruppen» ${when}`)), texts.join('\n'))
  assert.ok(texts.includes(`Siri Dahl (saksbehandler) fullførte «Vurder og avgjør saken» ${when}.`), texts.join('\n'))

  const intake = human.find((e: any) => e.elementId === 'intakeMeeting')
  const notes = intake.entered.find((f: any) => f.key === 'intakeGroupNotes')
  assert.ok(notes && notes.value === 'Helse og omsorg tar ansvaret.', JSON.stringify(intake.entered))
  assert.ok(intake.entered.every((f: any) => f.label !== f.key), `every field by its label: ${JSON.stringify(intake.entered)}`)
  const verify = human.find((e: any) => e.elementId === 'verify')
  assert.ok(verify.entered.some((f: any) => f.label === 'Navn' && f.value === 'Kari Kompleks'), JSON.stringify(verify.entered))
})

test('a step done again says what changed since last time', async () => {
  const { entries } = json(await timeline('purpose=kontroll'))
  const decides = entries.filter((e: any) => e.kind === 'human' && e.elementId === 'decide')
  assert.is(decides.length, 2)
  assert.equal(decides[0].changes, [])
  assert.match(decides[1].text, /Gjort på nytt; endret siden sist:/)
  assert.is(decides[1].changes.length, 1, JSON.stringify(decides[1].changes))
  const [change] = decides[1].changes
  assert.ok(change.before !== change.after && /koordinator/i.test(change.label), JSON.stringify(change))
  const returned = entries.find((e: any) => e.elementId === 'approveLetter')
  assert.ok(returned.entered.some((f: any) => f.value === 'Koordinator må vurderes på nytt.'), JSON.stringify(returned.entered))
})

test('automatic steps say what the municipality did and name no worker, host or process id', async () => {
  const response = await timeline('purpose=kontroll')
  const { entries } = json(response)
  const automatic = entries.filter((e: any) => e.kind === 'automatic').map((e: any) => e.text)
  assert.ok(automatic.some((t: string) => t.includes('Saken ble satt på sakslisten til mottaksgruppens møte')), automatic.join('\n'))
  assert.ok(automatic.some((t: string) => t.includes('Anne Koordinator ble oppnevnt som koordinator')), automatic.join('\n'))
  assert.not.match(response.body, /vm:\d+|worker:|ke-record|rules:/)
  for (const entry of entries) if (entry.kind === 'automatic') assert.is(entry.actor, null)
})

test('decisions carry the rule set, its version, the facts used and the reasons that fired; the letter who approved it and how it went', async () => {
  const { entries } = json(await timeline('purpose=kontroll'))
  const complexity = entries.find((e: any) => e.kind === 'decision' && e.decision.ruleSetId === 'complexity')
  assert.match(complexity.text, /Regelverket «Kompleks sak» \(versjon \d+\) vurderte saken/)
  assert.ok(complexity.decision.facts.length > 0, 'the facts used')
  assert.ok(complexity.decision.reasons.some((r: any) => r.rule === 'sectors-and-providers'), JSON.stringify(complexity.decision.reasons))
  const letters = entries.filter((e: any) => e.kind === 'letter')
  const sent = letters.find((e: any) => e.letter.status === 'sent')
  assert.match(sent.text, /Vedtaksbrevet ble laget av kommunen ut fra vurderingen til Siri Dahl \(saksbehandler\)/)
  assert.match(sent.text, /godkjent av Kari Nordmann \(saksbehandler\) .* \(fire øyne\), sendt .* til utsendingsmappen/)
  assert.ok(letters.some((e: any) => e.letter.status === 'draft'), 'the letter sent back is there, unsent')
})

test('in nynorsk; the read is in the access log with its purpose; another unit\'s caseworker gets 404; no purpose is a 400', async () => {
  const nn = json(await timeline('lang=nn&purpose=Tilsyn'))
  assert.is(nn.language, 'nn')
  assert.ok(nn.entries.some((e: any) => e.text.startsWith('Siri Dahl (saksbehandlar) fullførte «Vurder og avgjer saka»')), nn.entries.map((e: any) => e.text).join('\n'))
  assert.ok(nn.entries.some((e: any) => e.text.includes('Saka vart sett på sakslista')))
  const log = json(await office.t.app.inject({ url: `/api/cases/${caseId}/access-log`, headers: office.auth.randi }))
  assert.ok(log.some((r: any) => r.username === 'randi' && r.purpose === 'GET /api/cases/:id/timeline: Tilsyn'), JSON.stringify(log.slice(-3)))

  const other = await office.t.tokenAs({ username: 'eva', roles: ['caseworker'], unit: 'Barnevern' })
  const refused = await office.t.app.inject({ url: `/api/cases/${caseId}/timeline?purpose=nysgjerrig`, headers: { authorization: `Bearer ${other}` } })
  assert.is(refused.statusCode, 404, refused.body)
  const missing = await timeline('lang=nb')
  assert.is(missing.statusCode, 400)
  assert.match(json(missing).message, /purpose/)
  const badLang = await timeline('lang=en&purpose=kontroll')
  assert.is(badLang.statusCode, 400)
})

test.run()
