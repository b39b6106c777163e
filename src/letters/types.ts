// What a letter is made of. The cases domain builds a `LetterData` from a case (no database
// here): the letters module renders it, stores it, has it approved and dispatches it.
//
// Terminology
//
// - letter: a decision letter (vedtaksbrev) or an interim reply (foreløpig svar) to one case.
// - template: a text file a municipality edits (templates/letters/<kind>.<language>.md) with
//   placeholders such as {{caseReference}}; checked when it is loaded.
// - addressee: who the letter goes to: the person, or their guardian (verge).
// - draft -> approved -> sent: a decision letter is approved by a second person (four eyes)
//   before it is sent; an interim reply needs no approval. A dispatch that fails for good
//   makes it `failed`, which a caseworker can resend or mark as sent by post.
// - dispatch: handing a letter to the municipal dispatch service (KS SvarUt-style HTTP API),
//   or, in the embedded default, to a local outbox folder.

export const LANGUAGES = ['nb', 'nn'] as const
/** Bokmål or nynorsk: the person's choice, recorded on the case. */
export type Language = (typeof LANGUAGES)[number]

export const LETTER_KINDS = ['decision', 'interim-reply'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

export const RIGHTS = ['individual-plan', 'coordinator', 'child-coordinator'] as const
/** The three rights the KE decides on (DOMAIN.md). */
export type Right = (typeof RIGHTS)[number]

export const LETTER_STATUSES = ['draft', 'approved', 'sent', 'failed', 'sent-by-post'] as const
export type LetterStatus = (typeof LETTER_STATUSES)[number]

/** How a sent letter left: the dispatch service, the local outbox (embedded default), or paper by hand. */
export type LetterChannel = 'svarut' | 'outbox' | 'post'

export interface Addressee {
  name: string
  /** Street address lines, without postal code and town. */
  addressLines: string[]
  postalCode: string
  postalTown: string
  /** The person themselves, their guardian (verge), or the parent of a child under 16 (who acts for the child, pbrl § 4-4). */
  role: 'person' | 'guardian' | 'parent'
  /** For digital delivery only; never printed in the letter, never logged. */
  identityNumber?: string | undefined
}

export interface Contact {
  name: string
  unit?: string | undefined
  phone?: string | undefined
  email?: string | undefined
}

interface LetterDataBase {
  language: Language
  /** The case reference the person quotes (e.g. 2026/123). */
  caseReference: string
  /** The letter's date, YYYY-MM-DD. */
  date: string
  /** The person the case is about. */
  person: { name: string }
  addressee: Addressee
  caseworker: Contact
}

export interface RightDecision {
  right: Right
  outcome: 'granted' | 'refused'
}

/** A recorded rule reason (src/rules DecisionReason): the letter quotes the one in its language. */
export interface RuleReason {
  rule?: string | undefined
  reason: string
  reasonNn?: string | undefined
  law?: string | null | undefined
  /** Worded to a parent about their child ("barnet ditt", "dere"), for letters to a parent. */
  reasonParent?: string | undefined
  reasonParentNn?: string | undefined
}

export interface DecisionLetterData extends LetterDataBase {
  kind: 'decision'
  decisions: RightDecision[]
  /** The facts relied on, in the letter's language: "Alder" / "12 år". */
  facts: { label: string; value: string }[]
  /** The reasons the rules recorded for this case. */
  ruleReasons: RuleReason[]
  /** The caseworker's own assessment; blank lines separate paragraphs. */
  assessment: string
  /** The appointed coordinator (or child coordinator), when one is. */
  coordinator?: Contact | null | undefined
  /** Who approved the letter (four eyes), beside the caseworker who signs it; set when it is approved. */
  approvedBy?: Contact | null | undefined
}

export interface InterimReplyData extends LetterDataBase {
  kind: 'interim-reply'
  /** When the enquiry was received, YYYY-MM-DD. */
  receivedDate: string
  /** Why the case takes longer, in the letter's language. */
  delayReason: string
  /** When the person can expect an answer, YYYY-MM-DD. */
  expectedBy: string
}

export type LetterData = DecisionLetterData | InterimReplyData
