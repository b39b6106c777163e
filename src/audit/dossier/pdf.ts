// The dossier as a PDF in the case's language (pdfmake, with the letters' embedded fonts): the
// integrity status first, then the case, the timeline with what was entered, the decisions and
// their reasons, the letters and the access log.
import pdfmake from 'pdfmake'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import { FONT_DIR, FONTS } from '../../letters/fonts.js'
import { formatter } from '../timeline/format.js'
import type { Dossier } from './dossier.js'

pdfmake.setFonts(FONTS)
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR))

const TITLES = {
  nb: {
    title: (ref: string) => `Saksmappe ${ref}`,
    subtitle: 'Koordinerende enhet: saksgang, vedtak, brev og innsyn, til statsforvalteren',
    generated: (when: string, who: string, purpose: string) => `Laget ${when} av ${who}. Formål: ${purpose}.`,
    integrity: 'Integritet',
    intact: 'Saksloggen er hel: alle hashkjeder og segl stemmer.',
    broken: 'Saksloggen stemmer ikke. Første rad som ikke stemmer:',
    seal: (id: string, when: string, hash: string) => `Nyeste segl: nr. ${id}, ${when}, SHA-256 ${hash}`,
    chains: (n: number, rows: number) => `${n} kjeder, ${rows} rader kontrollert.`,
    caseSection: 'Saken', person: 'Person', status: 'Status', received: 'Mottatt', deadline: 'Frist', decision: 'Vedtak', reason: 'Begrunnelse',
    timeline: 'Saksgang', entered: 'Registrert', changed: 'Endret', decisions: 'Regelverkets vurderinger', facts: 'Opplysninger brukt', reasons: 'Regler som slo til',
    letters: 'Brev', pdf: 'SHA-256 av PDF', access: 'Innsynslogg', who: 'Hvem', role: 'Rolle', when: 'Når', why: 'Formål', none: 'Ingen',
  },
  nn: {
    title: (ref: string) => `Saksmappe ${ref}`,
    subtitle: 'Koordinerande eining: saksgang, vedtak, brev og innsyn, til statsforvaltaren',
    generated: (when: string, who: string, purpose: string) => `Laga ${when} av ${who}. Føremål: ${purpose}.`,
    integrity: 'Integritet',
    intact: 'Sakslogg er heil: alle hashkjeder og segl stemmer.',
    broken: 'Sakslogg stemmer ikkje. Første rad som ikkje stemmer:',
    seal: (id: string, when: string, hash: string) => `Nyaste segl: nr. ${id}, ${when}, SHA-256 ${hash}`,
    chains: (n: number, rows: number) => `${n} kjeder, ${rows} rader kontrollerte.`,
    caseSection: 'Saka', person: 'Person', status: 'Status', received: 'Motteken', deadline: 'Frist', decision: 'Vedtak', reason: 'Grunngiving',
    timeline: 'Saksgang', entered: 'Registrert', changed: 'Endra', decisions: 'Vurderingane til regelverket', facts: 'Opplysningar brukte', reasons: 'Reglar som slo til',
    letters: 'Brev', pdf: 'SHA-256 av PDF', access: 'Innsynslogg', who: 'Kven', role: 'Rolle', when: 'Når', why: 'Føremål', none: 'Ingen',
  },
}

export function dossierDocument(dossier: Dossier): TDocumentDefinitions {
  const t = TITLES[dossier.language]
  const f = formatter(dossier.language)
  const integrity = dossier.integrity
  const rows = integrity.chains.reduce((sum, chain) => sum + chain.rows, 0)
  const small = (text: string): Content => ({ text, style: 'small' })
  const content: Content[] = [
    { text: t.title(dossier.case.reference), style: 'title' },
    { text: t.subtitle, style: 'subtitle' },
    small(t.generated(f.moment(dossier.generatedAt), dossier.generatedBy.username, dossier.purpose)),
    { text: t.integrity, style: 'heading' },
    { text: integrity.ok ? t.intact : t.broken, bold: !integrity.ok, color: integrity.ok ? '#14532d' : '#991b1b' },
    ...integrity.problems.map((p) => ({ text: p.message, color: '#991b1b', margin: [10, 2, 0, 0] }) as Content),
    small(t.chains(integrity.chains.length, rows)),
    ...(integrity.newestSeal ? [small(t.seal(integrity.newestSeal.id, f.moment(integrity.newestSeal.sealedAt), integrity.newestSeal.sealHash))] : []),
    { text: t.caseSection, style: 'heading' },
    {
      table: {
        widths: [110, '*'],
        body: [
          [t.person, dossier.person ? `${dossier.person.name}, ${dossier.person.identityNumber}` : t.none],
          [t.status, dossier.case.status],
          [t.received, f.date(dossier.case.receivedOn)],
          [t.deadline, f.date(dossier.case.deadline)],
          [t.decision, dossier.case.decision ?? t.none],
          [t.reason, dossier.case.decisionReason ?? t.none],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: t.timeline, style: 'heading' },
    ...dossier.timeline.flatMap((entry): Content[] => [
      { text: entry.text, margin: [0, 4, 0, 0] },
      ...entry.entered.map((field) => ({ text: `${field.label}: ${field.value}`, style: 'detail' }) as Content),
      ...entry.changes.map((change) => ({ text: `${t.changed}: ${change.label}: ${change.before} → ${change.after}`, style: 'detail', italics: true }) as Content),
      ...(entry.decision ? [
        ...entry.decision.facts.map((fact) => ({ text: `${t.facts}: ${fact.label} = ${fact.value}`, style: 'detail' }) as Content),
        ...entry.decision.reasons.map((reason) => ({ text: `${t.reasons}: ${reason.reason}${reason.law ? ` (${reason.law})` : ''}`, style: 'detail' }) as Content),
      ] : []),
    ]),
    { text: t.letters, style: 'heading' },
    ...(dossier.letters.length === 0 ? [small(t.none)] : dossier.letters.map((l) => ({
      text: `${l.kind} (${l.language}), ${l.status}${l.sentAt ? `, ${f.moment(l.sentAt)}` : ''}${l.channel ? `, ${l.channel}` : ''}. ${t.pdf}: ${l.pdfSha256}`, margin: [0, 2, 0, 0],
    }) as Content)),
    { text: t.access, style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: [90, 70, 90, '*'],
        body: [
          [t.when, t.who, t.role, t.why].map((text) => ({ text, bold: true })),
          ...dossier.accessLog.map((a) => [f.moment(a.at), a.username, a.roles.join(', '), a.purpose]),
        ],
      },
      layout: 'lightHorizontalLines',
      style: 'small',
    },
  ]
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: { title: t.title(dossier.case.reference), author: 'Samflyt', creator: 'Samflyt', creationDate: new Date(dossier.generatedAt) },
    defaultStyle: { font: 'Roboto', fontSize: 9.5 },
    styles: {
      title: { fontSize: 16, bold: true, color: '#1f3b57' },
      subtitle: { fontSize: 10, color: '#1f3b57', margin: [0, 2, 0, 6] },
      heading: { fontSize: 12, bold: true, color: '#1f3b57', margin: [0, 14, 0, 4] },
      detail: { fontSize: 8.5, color: '#374151', margin: [12, 1, 0, 0] },
      small: { fontSize: 8.5, color: '#374151' },
    },
    footer: (page, pages) => ({ text: `${dossier.case.reference}  ${page} / ${pages}`, alignment: 'right', margin: [48, 20, 48, 0], fontSize: 8 }),
    content,
  }
}

export async function renderDossierPdf(dossier: Dossier): Promise<Buffer> {
  return pdfmake.createPdf(dossierDocument(dossier)).getBuffer()
}
