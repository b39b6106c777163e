// Letter data as the cases domain would build it, and a reader that turns a PDF back into text.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Sql } from '../../src/db/connect.js'
import { upsertPerson } from '../../src/cases/people.js'
import { insertCase } from '../../src/cases/cases.js'
import type { DecisionLetterData, InterimReplyData, Language } from '../../src/letters/types.js'

/** A case to hang letters on, made with the cases domain's own functions; returns its id. */
export async function testCase(sql: Sql): Promise<string> {
  const identityNumber = String(Math.floor(Math.random() * 1e11)).padStart(11, '0')
  const person = await upsertPerson(sql, { identityNumber, name: 'Åse Ødegård', language: 'nb' }, { kind: 'synthetic', birthDate: '1979-02-01' })
  const created = await insertCase(sql, {
    personId: person.id, channel: 'application', senderRole: 'person', senderName: null, senderOrganisation: null,
    receivedOn: '2026-10-12', deadline: '2026-11-09', interimReplyDue: '2026-11-12', unit: 'KE', language: 'nb',
    summary: null, facts: {} as never, linkedCaseId: null, createdBy: 'kari',
  })
  return created.id
}

export function decisionData(language: Language = 'nb', overrides: Partial<DecisionLetterData> = {}): DecisionLetterData {
  return {
    kind: 'decision',
    language,
    caseReference: '2026/0417',
    date: '2026-11-23',
    person: { name: 'Åse Ødegård' },
    addressee: { name: 'Åse Ødegård', addressLines: ['Bjørkeveien 7'], postalCode: '5998', postalTown: 'Fjordvik', role: 'person', identityNumber: '01029400470' },
    caseworker: { name: 'Kari Nordmann', phone: '55 55 01 23', email: 'kari.nordmann@fjordvik.kommune.no' },
    decisions: [
      { right: 'individual-plan', outcome: 'granted' },
      { right: 'coordinator', outcome: 'granted' },
      { right: 'child-coordinator', outcome: 'refused' },
    ],
    facts: [
      { label: language === 'nb' ? 'Tjenester' : 'Tenester', value: 'hjemmesykepleie, fysioterapi, NAV-oppfølging' },
      { label: language === 'nb' ? 'Varighet' : 'Varigheit', value: language === 'nb' ? 'langvarig (over ett år)' : 'langvarig (over eitt år)' },
      { label: 'Alder', value: '47 år' },
    ],
    ruleReasons: [
      {
        rule: 'right-to-individual-plan',
        reason: 'Du har behov for langvarige og koordinerte tjenester, og har derfor rett til en individuell plan.',
        reasonNn: 'Du har behov for langvarige og koordinerte tenester, og har difor rett til ein individuell plan.',
        law: 'pasient- og brukerrettighetsloven § 2-5',
      },
    ],
    assessment:
      language === 'nb'
        ? 'Vi har lagt vekt på at du får tjenester fra tre ulike sektorer.\n\nDu har ikke barn under 18 år, og vilkårene for barnekoordinator er derfor ikke oppfylt.'
        : 'Vi har lagt vekt på at du får tenester frå tre ulike sektorar.\n\nDu har ikkje barn under 18 år, og vilkåra for barnekoordinator er difor ikkje oppfylte.',
    coordinator: { name: 'Ingrid Berg', unit: 'Fysio/ergo', phone: '55 55 04 56', email: 'ingrid.berg@fjordvik.kommune.no' },
    ...overrides,
  }
}

export function interimData(language: Language = 'nb', overrides: Partial<InterimReplyData> = {}): InterimReplyData {
  return {
    kind: 'interim-reply',
    language,
    caseReference: '2026/0418',
    date: '2026-11-23',
    person: { name: 'Jørgen Æsøy' },
    addressee: { name: 'Bjørg Æsøy', addressLines: ['Fjæresvingen 3', 'Leilighet H0201'], postalCode: '5997', postalTown: 'Fjordvik', role: 'guardian' },
    caseworker: { name: 'Kari Nordmann' },
    receivedDate: '2026-10-12',
    delayReason: language === 'nb' ? 'Saken skal drøftes i det tverretatlige mottaksmøtet, som neste gang møtes 2. desember.' : 'Saka skal drøftast i det tverretatlege mottaksmøtet, som neste gong møtest 2. desember.',
    expectedBy: '2026-12-15',
    ...overrides,
  }
}

/**
 * The PDF's text, lines joined with newlines (pdf.js's end-of-line marks). The page footers
 * come last, apart, so a sentence running over a page break reads as one.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  const body: string[] = []
  const footers: string[] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    for (const item of content.items) {
      if (!('str' in item)) continue
      // Footers sit in the bottom margin (y is measured from the bottom of the page, in points).
      const target = item.transform[5] < 50 ? footers : body
      target.push(item.str + (item.hasEOL ? '\n' : ''))
    }
    body.push('\n')
    footers.push('\n')
  }
  await document.destroy()
  return `${body.join('')}\n${footers.join('')}`
}

/** Text with line breaks and repeated spaces folded, so a wrapped sentence still matches. */
export const flat = (text: string) => text.replace(/\s+/g, ' ')

/** Each page's text, footers included, folded to single spaces. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  const pages: string[] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    pages.push(flat(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')))
  }
  await document.destroy()
  return pages
}
