// The intake group and the decision letter, through the API (issue 15): an outcome is recorded
// at or after its meeting, never before, and the meeting is held with who attended; the
// coordinator suggestion weighs the group's recommendation and explains itself (no silent
// ties); the draft letter carries UTKAST on every page, and the letter sent says who approved
// it beside who signs it.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { eventually } from '../helpers/engine.js'
import { flat, pdfPages, pdfText } from '../letters/fixtures.js'
import { ATTENDEES, assessment, completeTask, COMPLEX_FACTS, CONSENT_TO_SHARE, identity, openOffice, readCase, registerCase, registration, taskOf, type Office } from './helpers.js'

let office: Office
const coordinators: string[] = []
test.before(async () => {
  office = await openOffice()
  // Four coordinators alike in everything: only the group's recommendation can tell them apart.
  for (const name of ['Anne Alfa', 'Berit Beta', 'Cecilie Gamma', 'Dag Delta']) {
    const response = await office.t.app.inject({
      method: 'POST', url: '/api/coordinators', headers: office.auth.admin,
      payload: { name, unit: 'Helse og omsorg', profession: 'Sykepleier', trainingCompleted: true, childCoordinatorQualified: false, capacity: 5 },
    })
    assert.is(response.statusCode, 201, response.body)
    coordinators.push(json(response).id)
  }
})
test.after(async () => {
  await office.close()
})

const inject = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  office.t.app.inject({ method, url, headers: office.auth[user]!, ...(payload === undefined ? {} : { payload: payload as never }) })

test('an outcome is recorded at or after its meeting, which is held with who attended; the suggestion follows the group and says why; the letter says who approved it', async () => {
  const startsAt = new Date(office.clock.now.getTime() + 2 * 86_400_000)
  const meeting = json(await inject('kari', 'POST', '/api/meetings', { startsAt: startsAt.toISOString(), location: 'Rådhuset' }))
  const { case: registered } = await registerCase(office, {
    channel: 'nav-referral', person: { identityNumber: identity('1979-09-19'), name: 'Gunn Gruppe', address: 'Vei 3', postalCode: '5003', city: 'Bergen' },
    facts: COMPLEX_FACTS, consent: CONSENT_TO_SHARE,
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'nav-referral', personName: 'Gunn Gruppe' }))
  const key = await taskOf(office, registered.id, 'intakeMeeting')
  const outcome = { intakeGroupOutcome: 'coordinator', responsibleAgency: 'nav', meetingAttendees: ATTENDEES, recommendedCoordinatorId: coordinators[2] }

  // Before the meeting: refused by the task form, by the outcome route and by the held route.
  const early = await inject('ola', 'POST', `/api/user-tasks/${key}/complete`, { variables: outcome })
  assert.is(early.statusCode, 400, early.body)
  assert.match(json(early).details[0].message, /først registreres når møtet har begynt/)
  const earlyPut = await inject('kari', 'PUT', `/api/meetings/${meeting.id}/agenda/${registered.id}/outcome`, { responsibleUnit: 'nav', recommendation: 'coordinator' })
  assert.is(earlyPut.statusCode, 409, earlyPut.body)
  assert.is((await inject('kari', 'POST', `/api/meetings/${meeting.id}/held`, { attendees: ['Ola Hansen'] })).statusCode, 409)
  assert.is((await inject('kari', 'PATCH', `/api/meetings/${meeting.id}`, { status: 'held' })).statusCode, 400, 'held only with who attended')

  // In the meeting: the outcome is recorded, and the meeting held with its attendees.
  office.clock.now = new Date(startsAt.getTime() + 30 * 60_000)
  const done = await inject('ola', 'POST', `/api/user-tasks/${key}/complete`, { variables: outcome })
  assert.is(done.statusCode, 200, done.body)
  const minutes = await eventually(async () => {
    const m = json(await inject('kari', 'GET', `/api/meetings/${meeting.id}`))
    return m.agenda[0]?.recordedAt ? m : undefined
  })
  assert.is(minutes.meeting.status, 'held')
  assert.equal(minutes.attendance.attendees, ['Kari Nordmann, koordinerende enhet', 'Ola Hansen, PPT'])
  assert.ok(new Date(minutes.agenda[0].recordedAt) >= startsAt)

  // The suggestion: four alike, the group recommended Cecilie; she is suggested, and the caseworker reads why.
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'granted' }))
  const choose = await taskOf(office, registered.id, 'chooseCoordinator')
  const [task] = await office.t.db.sql<{ variables: any }[]>`select variables from user_tasks where key = ${choose}`
  assert.is(task!.variables.suggestedCoordinatorId, coordinators[2])
  assert.match(String(task!.variables.suggestionExplanation), /Cecilie Gamma er foreslått med \d+ poeng: .*Tverretatlig mottaksgruppe har anbefalt denne koordinatoren\. \(\+40 poeng\)/)
  const scores = task!.variables.coordinatorSuggestionResult.ranked.map((r: any) => r.score)
  assert.ok(scores[0] > scores[1], `the group's recommendation breaks the tie: ${scores}`)

  await completeTask(office, registered.id, 'chooseCoordinator', 'kari', { coordinatorId: coordinators[2] })
  const approval = await taskOf(office, registered.id, 'approveLetter')
  const letterId = json(await inject('kari', 'GET', `/api/user-tasks/${approval}`)).variables.letterId
  const draft = await pdfPages((await inject('kari', 'GET', `/api/letters/${letterId}/pdf`)).rawPayload)
  assert.ok(draft.length >= 2, 'a letter of more than one page')
  draft.forEach((page, i) => assert.ok(page.includes('UTKAST'), `page ${i + 1} of the draft says UTKAST`))
  const draftText = flat(draft.join(' '))
  assert.ok(draftText.includes(`Tverretatlig mottaksgruppe behandlet i møtet`), draftText)

  assert.is((await inject('siri', 'POST', `/api/user-tasks/${approval}/complete`, { variables: { letterApproval: 'approved' } })).statusCode, 200)
  const sentPdf = (await inject('kari', 'GET', `/api/letters/${letterId}/pdf`)).rawPayload
  const sent = await pdfPages(sentPdf)
  assert.ok(sent.every((page) => !page.includes('UTKAST')), 'the approved letter is no draft')
  const text = flat(await pdfText(sentPdf))
  assert.ok(text.includes('Siri Dahl har godkjent det, og Kari Nordmann har skrevet under'), text)
  assert.is(json(await inject('kari', 'GET', `/api/letters/${letterId}`)).approvedBy, 'siri')
  assert.is((await readCase(office, registered.id)).coordinator.name, 'Cecilie Gamma')
})

test.run()
