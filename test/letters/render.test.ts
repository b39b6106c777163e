// Letters rendered to real PDFs and read back with pdf.js: every part the law and DOMAIN.md ask
// for is there, in bokmål and nynorsk, and æ, ø and å survive.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadTemplates } from '../../src/letters/template/load.js'
import { loadMunicipality } from '../../src/letters/municipality.js'
import { renderLetter } from '../../src/letters/render.js'
import { SamflytError } from '../../src/errors.js'
import { decisionData, flat, interimData, pdfText } from './fixtures.js'

const deps = { templates: loadTemplates('templates/letters'), municipality: loadMunicipality('templates/letters/municipality.json') }

async function textOf(data: Parameters<typeof renderLetter>[0]) {
  const rendered = await renderLetter(data, deps)
  return { ...rendered, text: flat(await pdfText(rendered.pdf)) }
}

function assertHasAll(text: string, parts: Record<string, string>) {
  const missing = Object.entries(parts).filter(([, expected]) => !text.includes(expected))
  assert.equal(missing, [], `missing from the letter:\n${missing.map(([what, expected]) => `  ${what}: "${expected}"`).join('\n')}\n--- letter text:\n${text}`)
}

test('a decision letter in bokmål has every required part', async () => {
  const { text, pdf } = await textOf(decisionData('nb'))
  assertHasAll(text, {
    'municipality header': 'Fjordvik kommune Koordinerende enhet',
    'municipality address': 'Rådhusplassen 1 5999 Fjordvik',
    'case reference': 'Vår referanse: 2026/0417',
    date: 'Dato: 23. november 2026',
    addressee: 'Åse Ødegård Bjørkeveien 7 5998 Fjordvik',
    'IP granted': 'Du får individuell plan.',
    'coordinator granted': 'Du får koordinator.',
    'child coordinator refused': 'Familien får ikke barnekoordinator.',
    'IP rule': 'Individuell plan: pasient- og brukerrettighetsloven § 2-5 og helse- og omsorgstjenesteloven § 7-1',
    'coordinator rule': 'Koordinator: pasient- og brukerrettighetsloven § 2-5 b og helse- og omsorgstjenesteloven § 7-2',
    'child coordinator rule': 'Barnekoordinator: pasient- og brukerrettighetsloven § 2-5 c og helse- og omsorgstjenesteloven § 7-2 a',
    'reasons law': 'forvaltningsloven §§ 24 og 25',
    'facts relied on': 'Tjenester hjemmesykepleie, fysioterapi, NAV-oppfølging',
    'another fact': 'Alder 47 år',
    'rule reason': 'Du har behov for langvarige og koordinerte tjenester, og har derfor rett til en individuell plan.',
    "caseworker's assessment": 'Vi har lagt vekt på at du får tjenester fra tre ulike sektorer.',
    "assessment's second paragraph": 'vilkårene for barnekoordinator er derfor ikke oppfylt.',
    coordinator: 'Koordinatoren din Ingrid Berg Enhet: Fysio/ergo Telefon: 55 55 04 56 E-post: ingrid.berg@fjordvik.kommune.no',
    'appeal deadline': 'innen 4 uker fra du mottok dette brevet',
    'appeal law': 'pasient- og brukerrettighetsloven §§ 7-2 og 7-5',
    'appeal through the municipality': 'Send klagen til Fjordvik kommune, Koordinerende enhet.',
    'to the county governor': 'sender vi klagen videre til Statsforvalteren i Vestland',
    'right to see the documents': 'Du har rett til å se dokumentene i saken din (forvaltningsloven § 18)',
    'caseworker contact': 'kontakte Kari Nordmann på telefon 55 55 01 23',
    'page numbers': 'Side 1 av 2',
  })
  assert.not.ok(text.includes('01029400470'), 'the identity number is never printed')
  assert.ok(pdf.includes('/FontFile2'), 'the fonts are embedded')
  assert.ok(pdf.includes('Roboto'), 'Roboto is the embedded font')
})

test('a decision letter in nynorsk has every required part, in nynorsk', async () => {
  const { text } = await textOf(decisionData('nn'))
  assertHasAll(text, {
    'municipality header': 'Fjordvik kommune Koordinerande eining',
    'case reference': 'Vår referanse: 2026/0417',
    date: 'Dato: 23. november 2026',
    addressee: 'Åse Ødegård Bjørkeveien 7 5998 Fjordvik',
    'IP granted': 'Du får individuell plan.',
    'child coordinator refused': 'Familien får ikkje barnekoordinator.',
    'IP rule': 'Individuell plan: pasient- og brukarrettslova § 2-5 og helse- og omsorgstenestelova § 7-1',
    'child coordinator rule': 'Barnekoordinator: pasient- og brukarrettslova § 2-5 c og helse- og omsorgstenestelova § 7-2 a',
    'reasons law': 'forvaltningslova §§ 24 og 25',
    'facts relied on': 'Tenester hjemmesykepleie, fysioterapi, NAV-oppfølging',
    'rule reason in nynorsk': 'Du har behov for langvarige og koordinerte tenester, og har difor rett til ein individuell plan.',
    "caseworker's assessment": 'Vi har lagt vekt på at du får tenester frå tre ulike sektorar.',
    coordinator: 'Ingrid Berg Eining: Fysio/ergo Telefon: 55 55 04 56',
    'appeal deadline': 'innan 4 veker frå du fekk dette brevet',
    'appeal law': 'pasient- og brukarrettslova §§ 7-2 og 7-5',
    'appeal through the municipality': 'Send klagen til Fjordvik kommune, Koordinerande eining.',
    'to the county governor': 'sender vi klagen vidare til Statsforvaltaren i Vestland',
    'right to see the documents': 'Du har rett til å sjå dokumenta i saka di (forvaltningslova § 18)',
    closing: 'Med venleg helsing',
  })
  assert.not.ok(text.includes('tjenester, og har derfor'), 'the bokmål reason is not used in a nynorsk letter')
})

test('a letter to a guardian says so, and names the person the case is about', async () => {
  const guardian = { name: 'Bjørn Ødegård', addressLines: ['Bjørkeveien 7'], postalCode: '5998', postalTown: 'Fjordvik', role: 'guardian' as const }
  const nb = await textOf(decisionData('nb', { addressee: guardian }))
  assert.ok(nb.text.includes('Bjørn Ødegård Bjørkeveien 7'), nb.text)
  assert.ok(nb.text.includes('Du får dette brevet som verge for Åse Ødegård.'), nb.text)
  const nn = await textOf(decisionData('nn', { addressee: guardian }))
  assert.ok(nn.text.includes('Du får dette brevet som verje for Åse Ødegård.'), nn.text)
  const self = await textOf(decisionData('nb'))
  assert.not.ok(self.text.includes('som verge for'), 'a letter to the person has no guardian sentence')
})

test('without an appointed coordinator there is no coordinator section, and the refusals are stated', async () => {
  const { text } = await textOf(decisionData('nb', {
    decisions: [{ right: 'individual-plan', outcome: 'refused' }, { right: 'coordinator', outcome: 'refused' }],
    coordinator: null,
  }))
  assert.ok(text.includes('Du får ikke individuell plan.'), text)
  assert.ok(text.includes('Du får ikke koordinator.'), text)
  assert.not.ok(text.includes('Koordinatoren din'), text)
  assert.ok(text.includes('innen 4 uker'), 'a refusal can be appealed too')
})

test('an interim reply says why the case takes longer and when to expect an answer, in both languages', async () => {
  const nb = await textOf(interimData('nb'))
  assertHasAll(nb.text, {
    'municipality header': 'Fjordvik kommune Koordinerende enhet',
    'case reference': 'Vår referanse: 2026/0418',
    date: 'Dato: 23. november 2026',
    'guardian addressee': 'Bjørg Æsøy Fjæresvingen 3 Leilighet H0201 5997 Fjordvik',
    'as guardian': 'som verge for Jørgen Æsøy',
    received: '12. oktober 2026',
    law: 'forvaltningsloven § 11 a',
    why: 'Saken skal drøftes i det tverretatlige mottaksmøtet',
    when: 'svar innen 15. desember 2026',
  })
  const nn = await textOf(interimData('nn'))
  assertHasAll(nn.text, {
    title: 'Førebels svar på førespurnaden din',
    'as guardian': 'som verje for Jørgen Æsøy',
    law: 'forvaltningslova § 11 a',
    why: 'Saka skal drøftast i det tverretatlege mottaksmøtet',
    when: 'svar innan 15. desember 2026',
    header: 'Koordinerande eining',
  })
})

test('incomplete letter data is refused with every problem named by its place', async () => {
  const data = decisionData('nb', { date: '2026-02-30', facts: [], assessment: ' ', coordinator: null })
  try {
    await renderLetter(data, deps)
    assert.unreachable('rendered incomplete data')
  } catch (error) {
    assert.instance(error, SamflytError)
    const paths = (error as SamflytError).details.map((d) => d.path)
    assert.equal(paths.sort(), ['/assessment', '/coordinator', '/date', '/facts'])
    assert.is((error as SamflytError).status, 400)
  }
})

test('the identity number is never in a validation message', async () => {
  const data = decisionData('nb')
  data.addressee.identityNumber = '0102940047'
  try {
    await renderLetter(data, deps)
    assert.unreachable()
  } catch (error) {
    assert.not.ok((error as Error).message.includes('0102940047'))
    assert.equal((error as SamflytError).details.map((d) => d.path), ['/addressee/identityNumber'])
  }
})

test.run()
