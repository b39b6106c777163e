// The reasons for a right follow the law's test, through the API (issue 15): a dispute about
// responsibility takes a case to the group but gives no coordinator; an adult case gets no
// reason about a child; a simple case records why it is not complex; an expecting family is
// registered and assessed; the case facts are a documented vocabulary refused by name; the
// registration form is prefilled, speaks in labels, and refuses a date in the future and an
// identity number in free text; decisions are found by the case reference.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { json } from '../helpers/app.js'
import { flat, pdfText } from '../letters/fixtures.js'
import { addDays, osloDate } from '../../src/cases/deadlines.js'
import { assessment, completeTask, CONSENT_TO_SHARE, COORDINATED_FACTS, identity, openOffice, readCase, registerCase, registration, SIMPLE_FACTS, taskOf, type Office } from './helpers.js'

let office: Office
test.before(async () => {
  office = await openOffice()
})
test.after(async () => {
  await office.close()
})

const rulesFired = (view: any, ruleSetId: string) => view.ruleDecisions.filter((d: any) => d.ruleSetId === ruleSetId).at(-1).reasons.map((r: any) => r.rule)

test('a dispute about responsibility takes the case to the group, but is no reason for a coordinator (pbrl § 2-5 b)', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'internal-notice', person: { identityNumber: identity('1966-06-06'), name: 'Dina Disputt' },
    facts: { ...SIMPLE_FACTS, responsibilityDisputed: true }, consent: CONSENT_TO_SHARE,
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'internal-notice', personName: 'Dina Disputt', responsibilityDisputed: true }))
  await taskOf(office, registered.id, 'intakeMeeting')
  const view = await readCase(office, registered.id)
  assert.equal(rulesFired(view, 'complexity'), ['responsibility-disputed'])
  assert.equal(rulesFired(view, 'coordinator'), ['no-right-to-coordinator'])
})

test('an adult case gets no reason about a child; a simple case records why it is not complex', async () => {
  const { case: registered } = await registerCase(office, { channel: 'application', person: { identityNumber: identity('1950-05-05'), name: 'Aud Voksen', address: 'Gata 1', postalCode: '5003', city: 'Bergen' }, facts: COORDINATED_FACTS, consent: { consentGiven: true, ipDeclined: false } })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ personName: 'Aud Voksen' }))
  await taskOf(office, registered.id, 'decide')
  const view = await readCase(office, registered.id)
  assert.equal(rulesFired(view, 'complexity'), ['not-complex'])
  assert.match(view.ruleDecisions.find((d: any) => d.ruleSetId === 'complexity').reasons[0].reason, /ikke kompleks/)
  assert.equal(rulesFired(view, 'child-coordinator'), ['not-a-child-case'])
  await completeTask(office, registered.id, 'decide', 'kari', assessment({ ip: 'granted', coordinator: 'refused' }))
  const key = await taskOf(office, registered.id, 'approveLetter')
  const letterId = json(await office.t.app.inject({ url: `/api/user-tasks/${key}`, headers: office.auth.kari })).variables.letterId
  const text = flat(await pdfText((await office.t.app.inject({ url: `/api/letters/${letterId}/pdf`, headers: office.auth.kari })).rawPayload))
  assert.ok(text.includes('Saken er ikke kompleks etter kommunens kriterier'), text)
  assert.not.ok(/barnet har fylt 18|barnekoordinator/i.test(text), `no child in an adult's letter:\n${text}`)

  // GET /api/decisions takes the case reference the letter prints.
  const byReference = await office.t.app.inject({ url: `/api/decisions?caseReference=${registered.reference}`, headers: office.auth.kari })
  assert.is(byReference.statusCode, 200, byReference.body)
  assert.equal(json(byReference).map((d: any) => d.ruleSetId).sort(), ['child-coordinator', 'complexity', 'coordinator', 'individual-plan'])
  assert.equal(json(await office.t.app.inject({ url: '/api/decisions?caseReference=KE-1999-99999', headers: office.auth.kari })), [])
})

test('an expecting family is registered (the parent) and assessed for the child coordinator (pbrl § 2-5 c "venter barn")', async () => {
  const { case: registered } = await registerCase(office, {
    channel: 'health-personnel-notice', person: { identityNumber: identity('1992-02-02'), name: 'Vera Venter' },
    facts: { expectingChild: true, services: [
      { name: 'Oppfølging fra helsestasjonen', sector: 'health-and-care', provider: 'Helsestasjonen', longTerm: true, coordinated: true },
      { name: 'Barnehageplass med tilrettelegging', sector: 'kindergarten', provider: 'Solsikken barnehage', longTerm: true, coordinated: true },
    ] },
    consent: CONSENT_TO_SHARE,
  })
  await completeTask(office, registered.id, 'verify', 'kari', registration({ channel: 'health-personnel-notice', personName: 'Vera Venter', expectingChild: true }))
  await taskOf(office, registered.id, 'intakeMeeting')
  const view = await readCase(office, registered.id)
  assert.equal(rulesFired(view, 'child-coordinator'), ['right-to-child-coordinator'])
  assert.ok(rulesFired(view, 'complexity').includes('child-coordinator-case'))
})

test('the case facts are a documented vocabulary: unknown sectors and blank escalation reasons are 400s naming them, every fact described', async () => {
  const base = { channel: 'application', person: { identityNumber: identity('1977-07-07'), name: 'Feil Fakta' } }
  const sector = await office.t.app.inject({ method: 'POST', url: '/api/cases', headers: office.auth.kari, payload: { ...base, facts: { services: [{ name: 'Sykehus', sector: 'health', provider: 'Helse Bergen' }] } } })
  assert.is(sector.statusCode, 400)
  assert.ok(json(sector).details.some((d: any) => d.path === '/body/facts/services/0/sector'), sector.body)
  for (const reason of ['', '   ']) {
    const blank = await office.t.app.inject({ method: 'POST', url: '/api/cases', headers: office.auth.kari, payload: { ...base, facts: { manualEscalation: { reason } } } })
    assert.is(blank.statusCode, 400, `reason ${JSON.stringify(reason)}: ${blank.body}`)
    assert.ok(json(blank).details.some((d: any) => d.path.startsWith('/body/facts/manualEscalation')), blank.body)
  }
  const unknown = await office.t.app.inject({ method: 'POST', url: '/api/cases', headers: office.auth.kari, payload: { ...base, facts: { feelingsDisputed: true } } })
  assert.ok(json(unknown).details.some((d: any) => d.path === '/body/facts/feelingsDisputed'), unknown.body)

  const openapi = json(await office.t.app.inject({ url: '/openapi.json' }))
  const facts = openapi.paths['/api/cases'].post.requestBody.content['application/json'].schema.properties.facts
  for (const [name, schema] of Object.entries<any>(facts.properties)) assert.ok(schema.description?.length > 10, `${name} is described`)
  assert.equal(facts.properties.services.items.properties.sector.enum, ['health-and-care', 'nav', 'school', 'ppt', 'kindergarten', 'child-welfare', 'housing', 'other'])
  assert.ok(facts.properties.consentStatus.description.includes('refused'))
})

test('the registration form is prefilled from the enquiry, names fields by their labels, and refuses a future date and an identity number in free text', async () => {
  const { case: registered } = await registerCase(office, { channel: 'application', receivedOn: osloDate(office.clock.now), person: { identityNumber: identity('1960-06-06'), name: 'Frida Form' }, summary: 'Trenger hjelp til å samordne tjenestene etter utskrivning.', facts: SIMPLE_FACTS, consent: { consentGiven: true, ipDeclined: false } })
  const key = await taskOf(office, registered.id, 'verify')
  const form = json(await office.t.app.inject({ url: `/api/user-tasks/${key}/form`, headers: office.auth.kari }))
  assert.equal([form.data.description, form.data.receivedDate, form.data.channel], ['Trenger hjelp til å samordne tjenestene etter utskrivning.', osloDate(office.clock.now), 'application'])
  assert.equal(form.data.services, SIMPLE_FACTS.services)

  const complete = (variables: Record<string, unknown>) => office.t.app.inject({ method: 'POST', url: `/api/user-tasks/${key}/complete`, headers: office.auth.kari, payload: { variables } })
  const emptied = await complete({ personName: 'Frida Form', receivedDate: '' })
  assert.is(emptied.statusCode, 400)
  assert.ok(json(emptied).details.some((d: any) => d.message === '«Mottatt dato» må fylles ut.'), emptied.body)
  const future = await complete({ personName: 'Frida Form', receivedDate: addDays(osloDate(office.clock.now), 2) })
  assert.is(future.statusCode, 400)
  assert.match(json(future).details.find((d: any) => d.path === 'receivedDate').message, /kan ikke være etter i dag/)
  const number = identity('1960-06-06')
  const inText = await complete({ personName: 'Frida Form', description: `Gjelder person med fnr ${number.slice(0, 6)} ${number.slice(6)} og behov for hjelp.` })
  assert.is(inText.statusCode, 400)
  const problem = json(inText).details.find((d: any) => d.path === 'description')
  assert.equal(problem.code, 'identityNumber')
  assert.match(problem.message, /ser ut til å inneholde et fødselsnummer/)
  assert.not.ok(inText.body.includes(number.slice(6)), 'the number is not repeated')

  // Nothing retyped: the caseworker confirms, and the enquiry's summary and date stand.
  const confirmed = await complete({ personName: 'Frida Form' })
  assert.is(confirmed.statusCode, 200, confirmed.body)
  await taskOf(office, registered.id, 'decide')
  assert.is((await readCase(office, registered.id)).summary, 'Trenger hjelp til å samordne tjenestene etter utskrivning.')
})

test.run()
