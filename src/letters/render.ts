// Renders a letter to PDF with pdfmake: the municipality's letterhead, then the template's body
// filled from the letter data, and a footer with the page numbers. Fonts are embedded.
import { createHash } from 'node:crypto'
import pdfmake from 'pdfmake'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import { fill, letterContext, type RenderContext } from './context.js'
import { FONT_DIR, FONTS } from './fonts.js'
import { localText, type Municipality } from './municipality.js'
import type { LetterTemplates } from './template/load.js'
import type { LetterTemplate, TemplateNode } from './template/parse.js'
import type { LetterData } from './types.js'
import { validateLetterData } from './validate.js'

// Letters never fetch anything: no URLs at all, and local files only from the font folder.
pdfmake.setFonts(FONTS)
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR))

export interface RenderDependencies {
  templates: LetterTemplates
  municipality: Municipality
}

export interface RenderedLetter {
  pdf: Buffer
  /** sha256 of the PDF, hex. */
  checksum: string
  /** Which template it came from, and that file's sha256. */
  template: { name: string; checksum: string }
}

const STYLES: TDocumentDefinitions['styles'] = {
  municipality: { fontSize: 16, bold: true, color: '#1f3b57' },
  unit: { fontSize: 11, color: '#1f3b57' },
  letterhead: { fontSize: 8, color: '#444444' },
  addressee: { margin: [0, 18, 0, 18] },
  title: { fontSize: 15, bold: true, margin: [0, 14, 0, 8] },
  heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
  body: { margin: [0, 0, 0, 6], lineHeight: 1.15 },
  list: { margin: [0, 0, 0, 6] },
  facts: { margin: [0, 0, 0, 6] },
  contact: { margin: [0, 0, 0, 6] },
}

function bodyContent(nodes: TemplateNode[], context: RenderContext): Content[] {
  return nodes.flatMap((node): Content[] => {
    switch (node.type) {
      case 'heading':
        return [{ text: fill(node.content, context.inline), style: node.level === 1 ? 'title' : 'heading', headlineLevel: node.level }]
      case 'paragraph':
        return [{ text: fill(node.content, context.inline), style: 'body' }]
      case 'bullets':
        return [{ ul: node.items.map((item) => fill(item, context.inline)), style: 'list' }]
      case 'block':
        return [context.blocks[node.name]!()]
      case 'if':
        return bodyContent(context.conditions[node.condition] ? node.then : node.else, context)
    }
  })
}

function letterhead(municipality: Municipality, data: LetterData, template: LetterTemplate, context: RenderContext): Content {
  const l = data.language
  const label = (key: string) => fill(template.phrases[key] ?? [], context.inline)
  return {
    columns: [
      { width: '*', stack: [{ text: localText(municipality.name, l), style: 'municipality' }, { text: localText(municipality.unit, l), style: 'unit' }] },
      {
        width: 'auto',
        style: 'letterhead',
        alignment: 'right',
        stack: [
          ...municipality.address,
          `${municipality.postalCode} ${municipality.postalTown}`,
          `${label('label.phone')}: ${municipality.phone}`,
          `${label('label.email')}: ${municipality.email}`,
          ...(municipality.website ? [municipality.website] : []),
          ...(municipality.orgNumber ? [`Org.nr. ${municipality.orgNumber}`] : []),
        ],
      },
    ],
  }
}

export interface RenderOptions {
  /** A draft carries the template's draft mark (UTKAST) across every page, so it is never taken for the letter sent. */
  draft?: boolean
}

/** The pdfmake document for a letter (exported for tests of the layout). */
export function letterDocument(data: LetterData, deps: RenderDependencies, createdAt: Date, options: RenderOptions = {}): { document: TDocumentDefinitions; template: LetterTemplate } {
  const template = deps.templates.get(data.kind, data.language)
  const context = letterContext(data, deps.municipality, template)
  const municipalityName = localText(deps.municipality.name, data.language)
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    info: { title: fill(template.phrases.title ?? [], context.inline), author: municipalityName, creator: 'Samflyt', creationDate: createdAt },
    defaultStyle: { font: 'Roboto', fontSize: 10.5 },
    ...(options.draft ? { watermark: { text: fill(template.phrases['label.draft'] ?? [], context.inline) || 'UTKAST', color: '#b00020', opacity: 0.18, bold: true, angle: -45 } } : {}),
    styles: STYLES,
    // A heading is never the last thing on a page: it moves to the next, with its text.
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    content: [
      letterhead(deps.municipality, data, template, context),
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 483, y2: 6, lineWidth: 0.5, lineColor: '#1f3b57' }] },
      ...bodyContent(template.body, context),
    ],
    footer: (page, pages) => ({
      margin: [56, 24, 56, 0],
      style: 'letterhead',
      columns: [
        { text: `${municipalityName}, ${localText(deps.municipality.unit, data.language)}` },
        { text: fill(template.phrases['label.page'] ?? [], { ...context.inline, page: String(page), pages: String(pages) }), alignment: 'right' },
      ],
    }),
  }
  return { document, template }
}

/** Validates the data, renders the PDF and fingerprints it. */
export async function renderLetter(data: LetterData, deps: RenderDependencies, createdAt: Date = new Date(), options: RenderOptions = {}): Promise<RenderedLetter> {
  const checked = validateLetterData(data)
  const { document, template } = letterDocument(checked, deps, createdAt, options)
  const pdf = await pdfmake.createPdf(document).getBuffer()
  return {
    pdf,
    checksum: createHash('sha256').update(pdf).digest('hex'),
    template: { name: template.name, checksum: template.checksum },
  }
}
