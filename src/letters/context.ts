// What each placeholder of a template stands for in one letter: the inline texts, the
// conditions, and the blocks (as pdfmake content), from the letter data and the municipality.
import type { Content } from 'pdfmake/interfaces.js'
import { formatDate } from './dates.js'
import { APPEAL_WEEKS, LAWS, RIGHT_LAWS } from './laws.js'
import { localText, type Municipality } from './municipality.js'
import type { Inline, LetterTemplate } from './template/parse.js'
import type { LetterData } from './types.js'

export interface RenderContext {
  inline: Record<string, string>
  conditions: Record<string, boolean>
  blocks: Record<string, () => Content>
}

/** Fills a parsed text (a phrase or a line) with inline values. */
export function fill(parts: Inline[], values: Record<string, string>): string {
  return parts.map((part) => ('text' in part ? part.text : values[part.placeholder] ?? '')).join('')
}

/** Blank lines separate paragraphs in free text a caseworker wrote. */
const paragraphs = (text: string): Content[] =>
  text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => ({ text: p, style: 'body' }))

export function letterContext(data: LetterData, municipality: Municipality, template: LetterTemplate): RenderContext {
  const l = data.language
  const inline: Record<string, string> = {
    caseReference: data.caseReference,
    date: formatDate(data.date),
    addresseeName: data.addressee.name,
    personName: data.person.name,
    municipality: localText(municipality.name, l),
    unit: localText(municipality.unit, l),
    municipalityPhone: municipality.phone,
    municipalityEmail: municipality.email,
    caseworkerName: data.caseworker.name,
    caseworkerPhone: data.caseworker.phone ?? municipality.phone,
    caseworkerEmail: data.caseworker.email ?? municipality.email,
    countyGovernor: localText(municipality.countyGovernor, l),
  }
  const parent = data.addressee.role === 'parent'
  const pronoun = parent ? (l === 'nn' ? 'de' : 'dere') : 'du'
  Object.assign(inline, {
    addresseePronoun: pronoun,
    AddresseePronoun: pronoun[0]!.toUpperCase() + pronoun.slice(1),
    addresseeObject: parent ? (l === 'nn' ? 'dykk' : 'dere') : 'deg',
    addresseePossessive: parent ? 'til barnet ditt' : l === 'nn' ? 'di' : 'din',
  })
  const conditions: Record<string, boolean> = { guardian: data.addressee.role === 'guardian', parent, person: data.addressee.role === 'person' }
  const phrase = (key: string) => fill(template.phrases[key] ?? [], inline)
  /** A phrase to a parent about their child, where the template has one. */
  const spoken = (key: string) => (parent && template.phrases[`${key}.parent`] ? phrase(`${key}.parent`) : phrase(key))
  const blocks: Record<string, () => Content> = {
    addressee: () => ({
      stack: [data.addressee.name, ...data.addressee.addressLines, `${data.addressee.postalCode} ${data.addressee.postalTown}`],
      style: 'addressee',
    }),
  }

  if (data.kind === 'decision') {
    Object.assign(inline, {
      appealWeeks: String(APPEAL_WEEKS),
      appealLaw: LAWS.appeal(l),
      accessLaw: LAWS.access(l),
      reasonsLaw: LAWS.reasons(l),
    })
    const coordinator = data.coordinator ?? null
    inline.approvedBy = data.approvedBy?.name ?? ''
    Object.assign(conditions, {
      approved: Boolean(data.approvedBy),
      coordinator: coordinator !== null,
      granted: data.decisions.some((d) => d.outcome === 'granted'),
      refused: data.decisions.some((d) => d.outcome === 'refused'),
    })
    Object.assign(blocks, {
      decisions: () => ({ ul: data.decisions.map((d) => ({ text: spoken(`${d.outcome}.${d.right}`), bold: true })), style: 'list' }),
      rules: () => ({ ul: data.decisions.map((d) => ({ text: [{ text: `${phrase(`right.${d.right}`)}: `, bold: true }, RIGHT_LAWS[d.right](l)] })), style: 'list' }),
      facts: () => ({
        table: { widths: ['auto', '*'], body: data.facts.map((f) => [{ text: f.label, bold: true }, f.value]) },
        layout: 'noBorders',
        style: 'facts',
      }),
      considerations: () => {
        const reasons = data.ruleReasons.map((r) =>
          parent && r.reasonParent ? (l === 'nn' && r.reasonParentNn ? r.reasonParentNn : r.reasonParent) : l === 'nn' && r.reasonNn ? r.reasonNn : r.reason)
        return { stack: [...(reasons.length ? [{ ul: reasons, style: 'list' }] : []), ...paragraphs(data.assessment)] }
      },
      coordinator: () =>
        coordinator === null
          ? { text: '' }
          : {
              stack: [
                { text: coordinator.name, bold: true },
                ...(coordinator.unit ? [`${phrase('label.unit')}: ${coordinator.unit}`] : []),
                ...(coordinator.phone ? [`${phrase('label.phone')}: ${coordinator.phone}`] : []),
                ...(coordinator.email ? [`${phrase('label.email')}: ${coordinator.email}`] : []),
              ],
              style: 'contact',
            },
    })
  } else {
    Object.assign(inline, {
      receivedDate: formatDate(data.receivedDate),
      expectedBy: formatDate(data.expectedBy),
      delayReason: data.delayReason.trim(),
      interimLaw: LAWS.interim(l),
    })
  }
  return { inline, conditions, blocks }
}
