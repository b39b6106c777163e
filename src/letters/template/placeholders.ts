// Every placeholder a letter template may use: where (inline in text, a block on its own line,
// or a condition of {{#if ...}}), in which kinds of letter, and which are required. A
// template naming anything else, or missing a required part, is refused when it is loaded.
import { RIGHTS, type LetterKind } from '../types.js'

export type PlaceholderUse = 'inline' | 'block'

export interface PlaceholderSpec {
  use: PlaceholderUse
  kinds: readonly LetterKind[]
  /** Required in these kinds of letter: the letter is unlawful or useless without it. */
  required?: readonly LetterKind[]
  /** A required part that may sit inside {{#if}} (the coordinator is only there when appointed). */
  mayBeConditional?: boolean
  description: string
}

const BOTH = ['decision', 'interim-reply'] as const
const DECISION = ['decision'] as const
const INTERIM = ['interim-reply'] as const

export const PLACEHOLDERS: Record<string, PlaceholderSpec> = {
  caseReference: { use: 'inline', kinds: BOTH, required: BOTH, description: 'the case reference' },
  date: { use: 'inline', kinds: BOTH, required: BOTH, description: "the letter's date, e.g. 23. november 2026" },
  addressee: { use: 'block', kinds: BOTH, required: BOTH, description: "the addressee's name and postal address" },
  addresseeName: { use: 'inline', kinds: BOTH, description: "the addressee's name" },
  personName: { use: 'inline', kinds: BOTH, description: 'the name of the person the case is about' },
  municipality: { use: 'inline', kinds: BOTH, description: "the municipality's name" },
  unit: { use: 'inline', kinds: BOTH, description: 'the coordinating unit (koordinerende enhet)' },
  municipalityPhone: { use: 'inline', kinds: BOTH, description: "the unit's telephone" },
  municipalityEmail: { use: 'inline', kinds: BOTH, description: "the unit's e-mail" },
  caseworkerName: { use: 'inline', kinds: BOTH, description: "the caseworker's name" },
  caseworkerPhone: { use: 'inline', kinds: BOTH, description: "the caseworker's telephone (else the unit's)" },
  caseworkerEmail: { use: 'inline', kinds: BOTH, description: "the caseworker's e-mail (else the unit's)" },
  addresseePronoun: { use: 'inline', kinds: BOTH, description: 'how the letter speaks to its addressee: "du", or "dere" (nynorsk "de") to the parents of a child under 16' },
  AddresseePronoun: { use: 'inline', kinds: BOTH, description: 'the same, capitalised, to begin a sentence' },
  addresseePossessive: { use: 'inline', kinds: BOTH, description: '"din" / "di" (nynorsk), or "til barnet ditt" to the parents of a child under 16: whose case it is' },
  addresseeObject: { use: 'inline', kinds: BOTH, description: '"deg", or "dere" (nynorsk "dykk") to the parents of a child under 16' },
  approvedBy: { use: 'inline', kinds: DECISION, description: 'who approved the letter (four eyes); empty in a draft' },
  countyGovernor: { use: 'inline', kinds: BOTH, required: DECISION, description: 'the county governor appeals go to' },

  decisions: { use: 'block', kinds: DECISION, required: DECISION, description: 'what was granted and refused' },
  rules: { use: 'block', kinds: DECISION, required: DECISION, description: 'the rules applied, with their law references' },
  facts: { use: 'block', kinds: DECISION, required: DECISION, description: 'the facts relied on' },
  considerations: { use: 'block', kinds: DECISION, required: DECISION, description: "the main considerations: the rules' reasons and the caseworker's assessment" },
  coordinator: { use: 'block', kinds: DECISION, required: DECISION, mayBeConditional: true, description: 'the appointed coordinator and how to reach them' },
  appealWeeks: { use: 'inline', kinds: DECISION, required: DECISION, description: 'the appeal deadline in weeks (4)' },
  appealLaw: { use: 'inline', kinds: DECISION, required: DECISION, description: 'the law giving the right to appeal (pbrl. §§ 7-2 and 7-5)' },
  accessLaw: { use: 'inline', kinds: DECISION, required: DECISION, description: 'the law giving the right to see the documents (fvl. § 18)' },
  reasonsLaw: { use: 'inline', kinds: DECISION, description: 'the law on reasoned decisions (fvl. §§ 24 and 25)' },

  receivedDate: { use: 'inline', kinds: INTERIM, description: 'when the enquiry was received' },
  delayReason: { use: 'inline', kinds: INTERIM, required: INTERIM, description: 'why the case takes longer' },
  expectedBy: { use: 'inline', kinds: INTERIM, required: INTERIM, description: 'when to expect an answer' },
  interimLaw: { use: 'inline', kinds: INTERIM, required: INTERIM, description: 'the law on interim replies (fvl. § 11 a)' },
}

/** Names {{#if name}} may test. */
export const CONDITIONS: Record<string, { kinds: readonly LetterKind[]; description: string }> = {
  guardian: { kinds: BOTH, description: 'the letter goes to a guardian (verge), not the person' },
  parent: { kinds: BOTH, description: 'the letter goes to a parent of a child under 16, who is represented by them: "barnet ditt", "dere"' },
  person: { kinds: BOTH, description: 'the letter goes to the person themselves' },
  approved: { kinds: DECISION, description: 'a second person has approved the letter (four eyes): approvedBy names them' },
  coordinator: { kinds: DECISION, description: 'a coordinator is appointed' },
  granted: { kinds: DECISION, description: 'at least one right is granted' },
  refused: { kinds: DECISION, description: 'at least one right is refused' },
}

/**
 * Front-matter keys: the words the blocks are built from, so they too are the municipality's
 * to edit. `title` is the PDF's title; the phrases say each outcome of each right.
 */
export const FRONT_MATTER: Record<string, { kinds: readonly LetterKind[]; required: boolean; description: string }> = {
  kind: { kinds: BOTH, required: true, description: 'decision or interim-reply' },
  language: { kinds: BOTH, required: true, description: 'nb or nn' },
  title: { kinds: BOTH, required: true, description: "the document's title" },
  ...Object.fromEntries(
    RIGHTS.flatMap((right) => [
      [`right.${right}`, { kinds: DECISION, required: true, description: `the name of the right (${right})` }],
      [`granted.${right}`, { kinds: DECISION, required: true, description: `the sentence granting ${right}` }],
      [`refused.${right}`, { kinds: DECISION, required: true, description: `the sentence refusing ${right}` }],
      [`granted.${right}.parent`, { kinds: DECISION, required: false, description: `the sentence granting ${right}, to a parent about their child` }],
      [`refused.${right}.parent`, { kinds: DECISION, required: false, description: `the sentence refusing ${right}, to a parent about their child` }],
    ]),
  ),
  'label.approvedBy': { kinds: DECISION, required: false, description: 'the words before who approved the letter (four eyes), e.g. "Godkjent av"' },
  'label.draft': { kinds: DECISION, required: false, description: 'the mark on every page of a draft, e.g. UTKAST' },
  'label.unit': { kinds: DECISION, required: true, description: 'the word before the coordinator\'s unit' },
  'label.phone': { kinds: BOTH, required: true, description: 'the word before a telephone number' },
  'label.email': { kinds: BOTH, required: true, description: 'the word before an e-mail address' },
  'label.page': { kinds: BOTH, required: true, description: 'the footer, with {{page}} and {{pages}}' },
}

/** Placeholders the footer (label.page) may use besides the inline ones. */
export const PAGE_PLACEHOLDERS = ['page', 'pages'] as const
