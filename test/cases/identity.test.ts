import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ageAt, maskIdentityNumber, osloDate, validateIdentityNumber, type IdentityNumberResult } from '../../src/cases/identity.js'
import { breakChecksum, checkDigits, defaultIndividuals, makeIdentityNumber } from '../rules/fixtures/identity-numbers.js'

const NOW = new Date('2025-06-15T12:00:00Z')

function valid(result: IdentityNumberResult) {
  if (!result.valid) throw new Error(`expected valid, got: ${result.reason}`)
  return result
}
function invalid(result: IdentityNumberResult, reason: RegExp) {
  if (result.valid) throw new Error(`expected invalid (${reason}), got valid ${result.kind}`)
  assert.match(result.reason, reason)
}

test('a fødselsnummer gives its kind, birth date and age', () => {
  const number = makeIdentityNumber('1990-01-01')
  assert.is(number.slice(0, 6), '010190')
  const result = valid(validateIdentityNumber(number, { now: NOW }))
  assert.is(result.kind, 'fodselsnummer')
  assert.is(result.dNumber, false)
  assert.is(result.birthDate, '1990-01-01')
  assert.is(result.birthDateCertain, true)
  assert.is(result.checksumRule, 'classic')
  assert.is(result.age, 35)
})

test('every classic number the generator makes for a date is valid, and each with one digit changed is not', () => {
  for (let skip = 0; skip < 20; skip++) {
    const number = makeIdentityNumber('1975-11-23', { skip })
    valid(validateIdentityNumber(number, { now: NOW }))
    invalid(validateIdentityNumber(breakChecksum(number), { now: NOW }), /control digits/)
  }
})

test('a known-wrong checksum is refused: the same nine digits with every other pair of check digits', () => {
  const number = makeIdentityNumber('1984-07-12')
  let accepted = 0
  for (let check = 0; check < 100; check++) {
    const candidate = number.slice(0, 9) + String(check).padStart(2, '0')
    if (validateIdentityNumber(candidate, { now: NOW, checksum: 'classic' }).valid) accepted++
  }
  assert.is(accepted, 1, 'exactly one pair of check digits fits nine digits under the classic rule')
})

test('a D-number adds 4 to the first digit', () => {
  const number = makeIdentityNumber('1988-03-05', { kind: 'd-number' })
  assert.is(number.slice(0, 2), '45')
  const result = valid(validateIdentityNumber(number, { now: NOW }))
  assert.is(result.kind, 'd-number')
  assert.is(result.dNumber, true)
  assert.is(result.birthDate, '1988-03-05')
})

test('an H-number adds 40 to the month; with synthetic numbers allowed the same number reads as NAV Dolly', () => {
  const number = makeIdentityNumber('2001-09-30', { kind: 'h-number' })
  assert.is(number.slice(2, 4), '49')
  const hNumber = valid(validateIdentityNumber(number, { now: NOW }))
  assert.is(hNumber.kind, 'h-number')
  assert.is(hNumber.birthDate, '2001-09-30')
  assert.is(valid(validateIdentityNumber(number, { now: NOW, allowSynthetic: true })).kind, 'synthetic-dolly')
})

test('a Skatteetaten Tenor test number (month + 80) is refused unless synthetic numbers are allowed', () => {
  const number = makeIdentityNumber('2010-12-24', { kind: 'synthetic-tenor' })
  assert.is(number.slice(2, 4), '92')
  invalid(validateIdentityNumber(number, { now: NOW }), /synthetic test number/)
  const result = valid(validateIdentityNumber(number, { now: NOW, allowSynthetic: true }))
  assert.is(result.kind, 'synthetic-tenor')
  assert.is(result.birthDate, '2010-12-24')
  assert.is(result.age, 14)
})

test('a synthetic D-number is synthetic and a D-number; a real D-number cannot also be an H-number', () => {
  const number = makeByDigits('454901', 2001) // day 05 + 40, month 09 + 40
  invalid(validateIdentityNumber(number, { now: NOW }), /both a D-number and an H-number/)
  const result = valid(validateIdentityNumber(number, { now: NOW, allowSynthetic: true }))
  assert.is(result.kind, 'synthetic-dolly')
  assert.is(result.dNumber, true)
  assert.is(result.birthDate, '2001-09-05')
})

test('impossible dates are refused even with correct check digits', () => {
  // 31 February, 30 February, 29 February in years that are not leap years (1900 was not).
  for (const [ddmmyy, year] of [['310290', 1990], ['300201', 2001], ['290299', 1999], ['290200', 1900], ['000190', 1990], ['320190', 1990]] as const) {
    invalid(validateIdentityNumber(makeByDigits(ddmmyy, year), { now: NOW }), /real date/)
  }
  valid(validateIdentityNumber(makeIdentityNumber('2000-02-29'), { now: NOW }))
  valid(validateIdentityNumber(makeByDigits('290296', 1996), { now: NOW }))
  invalid(validateIdentityNumber(makeByDigits('011390', 1990), { now: NOW }), /month/)
  invalid(validateIdentityNumber(makeByDigits('010090', 1990), { now: NOW }), /month/)
  invalid(validateIdentityNumber(makeByDigits('810190', 1990), { now: NOW }), /old-style H-number/)
})

test('the century comes from the individual number and the year', () => {
  const cases: [string, [number, number], string][] = [
    ['1880-05-17', [500, 749], '1880-05-17'], // 500-749 with 54-99: 1854-1899
    ['1955-05-17', [0, 499], '1955-05-17'], // 000-499: 1900-1999
    ['2015-05-17', [500, 999], '2015-05-17'], // 500-999 with 00-39: 2000-2039
    ['1965-05-17', [900, 999], '1965-05-17'], // 900-999 with 40-99: 1940-1999
  ]
  for (const [birthDate, [from, to], expected] of cases) {
    const individuals = Array.from({ length: to - from + 1 }, (_, i) => from + i)
    const result = valid(validateIdentityNumber(makeIdentityNumber(birthDate, { individuals }), { now: NOW }))
    assert.is(result.birthDate, expected, `individual ${from}-${to}`)
  }
  // 750-899 with a year from 40 to 99, and 500-749 with 40-53, are not in use.
  invalid(validateIdentityNumber(makeIdentityNumber('1960-01-01', { individuals: range(750, 899) }), { now: NOW }), /not used with a birth year ending in 60/)
  invalid(validateIdentityNumber(makeIdentityNumber('1845-01-01', { individuals: range(500, 749) }), { now: NOW }), /not used with a birth year ending in 45/)
  invalid(validateIdentityNumber(makeIdentityNumber('1853-01-01', { individuals: range(500, 749) }), { now: NOW }), /not used with a birth year ending in 53/)
  assert.is(valid(validateIdentityNumber(makeIdentityNumber('1854-01-01', { individuals: range(500, 749) }), { now: NOW })).birthDate, '1854-01-01')
  assert.is(valid(validateIdentityNumber(makeIdentityNumber('2039-01-01', { individuals: range(500, 999) }), { now: new Date('2040-01-01') })).birthDate, '2039-01-01')
})

test('a birth date in the future is refused', () => {
  invalid(validateIdentityNumber(makeIdentityNumber('2030-01-01'), { now: NOW }), /future/)
})

test('the 2032 rule: Skatteetaten\'s published examples', () => {
  // From "Nytt fødselsnummer fra 2032": 02013299997 and 30108299920 pass the classic rule,
  // 30108299939 (K1 from remainder 1) only the new one.
  const after2032 = new Date('2032-06-01T12:00:00Z')
  assert.is(valid(validateIdentityNumber('02013299997', { now: after2032 })).birthDate, '2032-01-02')
  assert.is(valid(validateIdentityNumber('30108299920', { now: after2032 })).checksumRule, 'classic')
  invalid(validateIdentityNumber('30108299939', { now: NOW }), /control digits/) // auto before 2032: classic only
  invalid(validateIdentityNumber('30108299939', { now: after2032, checksum: 'classic' }), /control digits/)
  const loosened = valid(validateIdentityNumber('30108299939', { now: after2032 }))
  assert.is(loosened.checksumRule, 'from-2032')
  assert.is(loosened.birthDateCertain, false)
  assert.is(loosened.birthDate, '1982-10-30')
})

test('the 2032 rule accepts remainders 1-3 for K1 when asked, and never 4', () => {
  for (const k1Remainder of [1, 2, 3] as const) {
    const number = makeIdentityNumber('1999-04-04', { k1Remainder })
    invalid(validateIdentityNumber(number, { now: NOW }), /control digits/)
    assert.is(valid(validateIdentityNumber(number, { now: NOW, checksum: 'from-2032' })).checksumRule, 'from-2032')
  }
  const nine = '040499123'
  let acceptedK1 = 0
  for (let k1 = 0; k1 <= 9; k1++) {
    for (let k2 = 0; k2 <= 9; k2++) {
      if (validateIdentityNumber(`${nine}${k1}${k2}`, { now: NOW, checksum: 'from-2032' }).valid) acceptedK1++
    }
  }
  assert.ok(acceptedK1 >= 3 && acceptedK1 <= 4, `3 or 4 valid numbers per nine digits, got ${acceptedK1}`)
})

test('malformed input is refused in plain English, and no reason repeats the number', () => {
  invalid(validateIdentityNumber('0101901234', { now: NOW }), /11 digits/)
  invalid(validateIdentityNumber('010190 12345', { now: NOW }), /only digits/)
  invalid(validateIdentityNumber(1019012345 as unknown, { now: NOW }), /string/)
  invalid(validateIdentityNumber(undefined, { now: NOW }), /string/)
  const wrong = breakChecksum(makeIdentityNumber('1990-01-01'))
  const result = validateIdentityNumber(wrong, { now: NOW })
  assert.not.ok(!result.valid && result.reason.includes(wrong.slice(6)), 'the reason must not quote the number')
})

test('each refusal names its problem, for the web app to say in Norwegian; the browser and the server share this module', async () => {
  const problemOf = (value: unknown, options = {}) => {
    const result = validateIdentityNumber(value, { now: NOW, ...options })
    return result.valid ? 'valid' : result.problem
  }
  assert.is(problemOf('0101901234'), 'length')
  assert.is(problemOf('010190 1234'), 'not-digits')
  assert.is(problemOf(breakChecksum(makeIdentityNumber('1990-01-01'))), 'checksum')
  assert.is(problemOf(makeByDigits('011390', 1990)), 'month')
  assert.is(problemOf(makeByDigits('310290', 1990)), 'date')
  assert.is(problemOf(makeByDigits('018190', 1990)), 'synthetic')
  assert.is(problemOf(makeByDigits('018190', 1990), { allowSynthetic: true }), 'valid')
  const shared = await import('../../src/shared/identity.js')
  assert.is(shared.validateIdentityNumber, validateIdentityNumber, 'src/cases/identity.ts is the shared module')
})

test('age at a date: the day before the 18th birthday, the day, and Norway\'s date rather than UTC\'s', () => {
  const number = makeIdentityNumber('2007-03-02')
  assert.is(valid(validateIdentityNumber(number, { now: new Date('2025-03-01T12:00:00Z') })).age, 17)
  assert.is(valid(validateIdentityNumber(number, { now: new Date('2025-03-02T12:00:00Z') })).age, 18)
  // 23:30 UTC on 1 March is already 2 March in Oslo.
  assert.is(osloDate(new Date('2025-03-01T23:30:00Z')), '2025-03-02')
  assert.is(valid(validateIdentityNumber(number, { now: new Date('2025-03-01T23:30:00Z') })).age, 18)
  // Around the switches to and from summer time, and New Year's night.
  assert.is(osloDate(new Date('2025-10-25T22:30:00Z')), '2025-10-26') // 00:30 summer time
  assert.is(osloDate(new Date('2025-10-26T22:30:00Z')), '2025-10-26') // 23:30 winter time
  assert.is(osloDate(new Date('2025-03-29T23:30:00Z')), '2025-03-30')
  assert.is(osloDate(new Date('2025-12-31T23:00:00Z')), '2026-01-01')
  assert.is(osloDate(new Date('2025-12-31T22:59:59Z')), '2025-12-31')
  assert.is(ageAt('2008-02-29', '2026-02-28'), 17)
  assert.is(ageAt('2008-02-29', '2026-03-01'), 18)
  assert.is(ageAt('2030-01-01', '2026-03-01'), null)
})

test('maskIdentityNumber shows the birth-date part only', () => {
  assert.is(maskIdentityNumber('01019012345'), '010190*****')
  assert.is(maskIdentityNumber('0101901234'), '**********')
  assert.is(maskIdentityNumber('abc'), '***')
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/** Right check digits on any six date digits, even an impossible date. */
function makeByDigits(ddmmyy: string, year: number): string {
  for (const individual of defaultIndividuals(year)) {
    const nine = Array.from(`${ddmmyy}${String(individual).padStart(3, '0')}`, Number)
    const check = checkDigits(nine)
    if (check) return [...nine, ...check].join('')
  }
  throw new Error(`no number for ${ddmmyy}`)
}

test.run()
