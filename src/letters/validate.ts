// Checks a LetterData before anything is rendered or stored: a letter missing its addressee or
// with a malformed date is refused with every problem named by its JSON pointer.
import { SamflytError, type ErrorDetail } from '../errors.js'
import { isCalendarDate } from './dates.js'
import { LANGUAGES, LETTER_KINDS, RIGHTS, type LetterData } from './types.js'

export function validateLetterData(value: unknown): LetterData {
  const problems: ErrorDetail[] = []
  const at = (path: string, message: string) => problems.push({ path, message })
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== ''
  const data = (value ?? {}) as Record<string, any>
  if (typeof value !== 'object' || value === null) {
    throw new SamflytError('SAMFLYT_VALIDATION', 'The letter data must be an object', [{ path: '', message: 'not an object' }])
  }

  if (!LETTER_KINDS.includes(data.kind)) at('/kind', `must be one of ${LETTER_KINDS.join(', ')}`)
  if (!LANGUAGES.includes(data.language)) at('/language', 'must be nb (bokmål) or nn (nynorsk)')
  if (!text(data.caseReference)) at('/caseReference', 'required')
  if (!text(data.date) || !isCalendarDate(data.date)) at('/date', 'required: a date, YYYY-MM-DD')
  if (!text(data.person?.name)) at('/person/name', 'required')
  const addressee = data.addressee ?? {}
  if (!text(addressee.name)) at('/addressee/name', 'required')
  if (!Array.isArray(addressee.addressLines) || !addressee.addressLines.every(text)) at('/addressee/addressLines', 'required: a list of address lines')
  if (!text(addressee.postalCode)) at('/addressee/postalCode', 'required')
  if (!text(addressee.postalTown)) at('/addressee/postalTown', 'required')
  if (addressee.role !== 'person' && addressee.role !== 'guardian' && addressee.role !== 'parent') at('/addressee/role', 'must be person, guardian or parent')
  if (addressee.identityNumber !== undefined && !/^\d{11}$/.test(addressee.identityNumber)) at('/addressee/identityNumber', 'must be 11 digits when given')
  if (!text(data.caseworker?.name)) at('/caseworker/name', 'required')

  if (data.kind === 'decision') {
    if (!Array.isArray(data.decisions) || data.decisions.length === 0) at('/decisions', 'required: at least one right granted or refused')
    else {
      const rights = new Set<string>()
      data.decisions.forEach((d: any, i: number) => {
        if (!RIGHTS.includes(d?.right)) at(`/decisions/${i}/right`, `must be one of ${RIGHTS.join(', ')}`)
        else if (rights.has(d.right)) at(`/decisions/${i}/right`, `${d.right} is decided twice`)
        rights.add(d?.right)
        if (d?.outcome !== 'granted' && d?.outcome !== 'refused') at(`/decisions/${i}/outcome`, 'must be granted or refused')
      })
    }
    if (!Array.isArray(data.facts) || data.facts.length === 0) at('/facts', 'required: the facts relied on')
    else data.facts.forEach((f: any, i: number) => {
      if (!text(f?.label)) at(`/facts/${i}/label`, 'required')
      if (!text(f?.value)) at(`/facts/${i}/value`, 'required')
    })
    if (!Array.isArray(data.ruleReasons)) at('/ruleReasons', 'required: the recorded rule reasons (may be empty)')
    else data.ruleReasons.forEach((r: any, i: number) => {
      if (!text(r?.reason)) at(`/ruleReasons/${i}/reason`, 'required')
    })
    if (!text(data.assessment)) at('/assessment', "required: the caseworker's assessment")
    if (data.coordinator != null && !text(data.coordinator.name)) at('/coordinator/name', 'required when a coordinator is given')
    const grantsCoordinator = Array.isArray(data.decisions) && data.decisions.some((d: any) => d?.outcome === 'granted' && (d.right === 'coordinator' || d.right === 'child-coordinator'))
    if (grantsCoordinator && data.coordinator == null) at('/coordinator', 'required: a granted coordinator must be named, with how to reach them')
  } else if (data.kind === 'interim-reply') {
    if (!text(data.receivedDate) || !isCalendarDate(data.receivedDate)) at('/receivedDate', 'required: a date, YYYY-MM-DD')
    if (!text(data.delayReason)) at('/delayReason', 'required: why the case takes longer')
    if (!text(data.expectedBy) || !isCalendarDate(data.expectedBy)) at('/expectedBy', 'required: a date, YYYY-MM-DD')
  }
  if (problems.length > 0) {
    throw new SamflytError('SAMFLYT_VALIDATION', `The letter data is incomplete: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems)
  }
  return data as LetterData
}
