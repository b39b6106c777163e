// Server-side validation with form-js's rules, on small inline forms and on the KE forms.
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { validateSubmission } from '../../src/forms/validate.js'
import { generateForm, outputVariables } from '../../src/forms/generate.js'
import type { FormComponent, FormSchema } from '../../src/forms/types.js'
import { identityNumber } from './identity.js'

const form = (...components: FormComponent[]): FormSchema => ({ id: 'f', type: 'default', schemaVersion: 19, components })
const ke = (name: string) => JSON.parse(readFileSync(new URL(`../../forms/${name}.form`, import.meta.url), 'utf8')) as FormSchema
const codes = (schema: FormSchema, data: Record<string, unknown>, context = {}) =>
  validateSubmission(schema, data as never, { context }).map((p) => `${p.path}:${p.code}`)

test('required: empty text, null, an empty list and an unchecked required checkbox all count as missing', () => {
  const schema = form(
    { type: 'textfield', key: 't', validate: { required: true } },
    { type: 'checklist', key: 'c', values: [{ label: 'A', value: 'a' }], validate: { required: true } },
    { type: 'checkbox', key: 'b', validate: { required: true } },
    { type: 'number', key: 'n', validate: { required: true } },
  )
  assert.equal(codes(schema, { t: '', c: [], b: false, n: null }), ['t:required', 'c:required', 'b:required', 'n:required'])
  assert.equal(codes(schema, { t: 'x', c: ['a'], b: true, n: 0 }), [])
})

test('lengths are counted after trimming; numbers have min, max and decimal digits', () => {
  const schema = form(
    { type: 'textfield', key: 't', validate: { minLength: 3, maxLength: 5 } },
    { type: 'number', key: 'n', decimalDigits: 1, validate: { min: 1, max: 10 } },
  )
  assert.equal(codes(schema, { t: '  ab  ', n: 0.55 }), ['t:minLength', 'n:decimalDigits', 'n:min'])
  assert.equal(codes(schema, { t: 'abcdef', n: 11 }), ['t:maxLength', 'n:max'])
  assert.equal(codes(schema, { t: ' abc ', n: 9.5 }), [])
  assert.equal(codes(schema, { n: '5' }), ['n:type'], 'a number field sends numbers')
  assert.equal(codes(form({ type: 'number', key: 'n', serializeToString: true }), { n: '5.25' }), [])
})

test('bounds may be FEEL over the task\'s variables', () => {
  const schema = form({ type: 'number', key: 'hours', validate: { max: '=limit' } })
  assert.equal(codes(schema, { hours: 8 }, { limit: 7.5 }), ['hours:max'])
  assert.equal(codes(schema, { hours: 7 }, { limit: 7.5 }), [])
})

test('pattern is tested unanchored, as form-js does; its own message is used', () => {
  const loose = form({ type: 'textfield', key: 'x', validate: { pattern: '\\d{3}' } })
  assert.equal(codes(loose, { x: 'ab123cd' }), [])
  const anchored = form({ type: 'textfield', key: 'x', label: 'Kode', validate: { pattern: '^\\d{3}$', patternErrorMessage: 'Tre siffer.' } })
  const [problem] = validateSubmission(anchored, { x: 'ab123cd' })
  assert.equal(problem, { path: 'x', code: 'pattern', message: 'Tre siffer.' })
})

test('email and phone (with country code)', () => {
  const schema = form(
    { type: 'textfield', key: 'e', validate: { validationType: 'email' } },
    { type: 'textfield', key: 'p', validate: { validationType: 'phone' } },
  )
  assert.equal(codes(schema, { e: 'kari@', p: '91234567' }), ['e:email', 'p:phone'])
  assert.equal(codes(schema, { e: 'kari.nordmann@kommune.no', p: '+47 912 34 567' }), [])
})

test('options: static values, values from a task variable, and lists of them', () => {
  const schema = form(
    { type: 'select', key: 's', values: [{ label: 'A', value: 'a' }] },
    { type: 'taglist', key: 'tags', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] },
    { type: 'radio', key: 'r', valuesKey: 'choices' },
  )
  assert.equal(codes(schema, { s: 'b', tags: ['a', 'c'], r: 'z' }, { choices: [{ label: 'Y', value: 'y' }] }), ['s:option', 'tags:option', 'r:option'])
  assert.equal(codes(schema, { s: 'a', tags: ['b', 'a'], r: 'y' }, { choices: [{ label: 'Y', value: 'y' }] }), [])
  assert.equal(codes(schema, { tags: 'a' }), ['tags:type'])
  assert.equal(codes(schema, { r: 'anything' }), [], 'options the server cannot see are not checked')
})

test('types: checkbox is true/false, text is text, dates and times are real ones', () => {
  const schema = form(
    { type: 'checkbox', key: 'b' },
    { type: 'textarea', key: 't' },
    { type: 'datetime', key: 'd', subtype: 'date' },
    { type: 'datetime', key: 'tm', subtype: 'time' },
    { type: 'datetime', key: 'dt', subtype: 'datetime' },
  )
  assert.equal(codes(schema, { b: 'true', t: 5, d: '2025-02-29', tm: '25:00', dt: '2025-01-01' }), ['b:type', 't:type', 'd:type', 'tm:type', 'dt:type'])
  assert.equal(codes(schema, { b: false, t: 'x', d: '2024-02-29', tm: '08:30', dt: '2025-01-01T08:30:00+01:00' }), [])
})

test('groups with a path nest their keys; dynamic lists validate each item; unknown keys are refused', () => {
  const schema = form(
    { type: 'group', path: 'guardian', components: [{ type: 'textfield', key: 'name', validate: { required: true } }] },
    { type: 'group', components: [{ type: 'textfield', key: 'contact.email', validate: { validationType: 'email' } }] },
    { type: 'dynamiclist', path: 'services', components: [{ type: 'textfield', key: 'name', validate: { required: true } }] },
  )
  const data = { guardian: { name: '', age: 40 }, contact: { email: 'x' }, services: [{ name: 'A' }, { name: '', extra: 1 }, 'x'], other: 1 }
  assert.equal(codes(schema, data), [
    'guardian.name:required', 'contact.email:email', 'services[1].name:required', 'services[2]:type',
    'guardian.age:unknown', 'services[1].extra:unknown', 'other:unknown',
  ])
  assert.equal(codes(schema, { guardian: { name: 'G' }, services: 'A' }), ['services:type'])
  assert.equal(validateSubmission(schema, { guardian: { name: 'G' }, other: 1 }, { rejectUnknownKeys: false }), [])
})

test('a field hidden by its condition is not validated; conditions read the task\'s variables too', () => {
  const schema = form(
    { type: 'radio', key: 'choice', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] },
    { type: 'textfield', key: 'why', conditional: { hide: '=choice = suggested' }, validate: { required: true } },
  )
  assert.equal(codes(schema, { choice: 'a' }, { suggested: 'a' }), [])
  assert.equal(codes(schema, { choice: 'b' }, { suggested: 'a' }), ['why:required'])
})

test('an identity number field with samflyt:check is checked with its control digits, never echoed', () => {
  const schema = form({ type: 'textfield', key: 'identityNumber', validate: { pattern: '^\\d{11}$' }, properties: { 'samflyt:check': 'identityNumber' } })
  assert.equal(codes(schema, { identityNumber: identityNumber() }), [])
  const wrongControl = identityNumber().slice(0, 10) + ((Number(identityNumber()[10]) + 1) % 10)
  const problems = validateSubmission(schema, { identityNumber: wrongControl })
  assert.equal(problems.map((p) => `${p.path}:${p.code}`), ['identityNumber:check'])
  assert.not.ok(problems[0]!.message.includes(wrongControl))
  assert.equal(codes(schema, { identityNumber: '123' }), ['identityNumber:pattern', 'identityNumber:check'])
})

test('the registration form: no identity number (it stays on the person), guardians, the coordinator wish from the register, a manual escalation with its reason', () => {
  const registration = ke('registration')
  const valid = {
    channel: 'health-personnel-notice', receivedDate: '2025-01-10', personName: 'Ola Nordmann', language: 'nb',
    hasGuardian: true, guardian: { name: 'Kari Nordmann', relation: 'parent', email: 'kari@example.no', phone: '+4791234567' },
    services: [{ name: 'PPT-utredning', sector: 'ppt', provider: 'PPT Vest', longTerm: true }], description: 'Gutt på 8 år med behov fra flere tjenester.',
  }
  assert.equal(codes(registration, valid), [])
  assert.equal(codes(registration, { ...valid, identityNumber: identityNumber() }), ['identityNumber:unknown'])
  assert.equal(codes(registration, { ...valid, guardian: { name: '' } }), ['guardian.name:required', 'guardian.relation:required'])
  assert.equal(codes(registration, { ...valid, hasGuardian: false, guardian: { name: '' } }), [], 'a hidden group is not checked')
  const register = { coordinatorOptions: [{ label: 'Anne Aas (Helse og omsorg, sykepleier)', value: '7' }] }
  assert.equal(codes(registration, { ...valid, coordinatorWish: '7' }, register), [])
  assert.equal(codes(registration, { ...valid, coordinatorWish: 'Anne' }, register), ['coordinatorWish:option'])
  assert.equal(codes(registration, { ...valid, escalateAtRegistration: true }), ['manualEscalation.reason:required'])
  assert.equal(codes(registration, { ...valid, escalateAtRegistration: true, manualEscalation: { reason: 'Uklart hvem som har ansvaret.' } }), [])
})

test('the assessment form: escalating to the intake group needs a reason and no decision; otherwise every right and a reason', () => {
  const assessment = ke('assessment')
  assert.equal(codes(assessment, { escalateAtAssessment: true }, { complex: false }), ['manualEscalation.reason:required'])
  assert.equal(codes(assessment, { escalateAtAssessment: true, manualEscalation: { reason: 'Bør drøftes i mottaksgruppen.' } }, { complex: false }), [])
  const decision = { assessment: 'Saksbehandlers vurdering av behovene.', individualPlanRight: 'granted', coordinatorRight: 'granted', childCoordinatorRight: 'not-relevant', reasons: 'Begrunnelsen for vedtaket i saken.' }
  assert.equal(codes(assessment, decision, { complex: true }), [], 'a complex case back from the intake group is decided as usual')
  assert.equal(codes(assessment, {}, { complex: true }), ['assessment:required', 'individualPlanRight:required', 'coordinatorRight:required', 'childCoordinatorRight:required', 'reasons:required'])
})

test('the consent form: scope is required only when consent is given', () => {
  const consent = ke('consent')
  const base = { consentGivenBy: 'guardian', consentDate: '2025-01-12' }
  assert.equal(codes(consent, { ...base, consentDecision: 'refused' }), [])
  assert.equal(codes(consent, { ...base, consentDecision: 'given' }), ['consentScope:required'])
  assert.equal(codes(consent, { ...base, consentDecision: 'given', consentScope: ['coordinator', 'everything'] }), ['consentScope:option'])
})

test('the assessment and intake-group forms ask for every right and a reason', () => {
  assert.equal(codes(ke('assessment'), {}), ['assessment:required', 'individualPlanRight:required', 'coordinatorRight:required', 'childCoordinatorRight:required', 'reasons:required'])
  assert.equal(codes(ke('intake-group-outcome'), { intakeGroupOutcome: 'coordinator', responsibleAgency: 'ppt', meetingAttendees: 'Ola Hansen, PPT' }), [])
  assert.equal(codes(ke('intake-group-outcome'), { intakeGroupOutcome: 'maybe' }), ['intakeGroupOutcome:option', 'responsibleAgency:required', 'meetingAttendees:required'])
})

test('a generated form: a field per variable the outputs read, typed from current values', () => {
  const outputs = [
    { source: { feel: 'approved' }, target: 'approved' },
    { source: { feel: 'decision.date' }, target: 'decidedOn' },
    { source: { feel: 'if x then 1 else 2' }, target: 'computed' },
    { source: { value: 'static' }, target: 'fixed' },
    { source: { feel: 'count' }, target: 'n' },
    { source: { feel: 'approved' }, target: 'again' },
  ]
  assert.equal(outputVariables(outputs), ['approved', 'decision.date', 'count'])
  const schema = generateForm({ processId: 'p', elementId: 'task', name: null, outputs }, { approved: true, count: 2 })
  assert.equal(schema.components.filter((c) => c.key).map((c) => [c.key, c.type]), [['approved', 'checkbox'], ['decision.date', 'textfield'], ['count', 'number']])
  assert.equal(validateSubmission(schema, { approved: 'no', count: 1 }, { rejectUnknownKeys: false }).map((p) => p.code), ['type'])
  const none = generateForm({ processId: 'p', elementId: 'task', name: null, outputs: [] }, {})
  assert.equal(none.components.map((c) => c.type), ['text'])
})

test.run()
