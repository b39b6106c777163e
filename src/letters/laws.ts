// The law references a letter cites, in bokmål and nynorsk. They are legal facts, not wording,
// so they live here rather than in the templates; templates place them with placeholders.
import type { Language, Right } from './types.js'

const PBRL = { nb: 'pasient- og brukerrettighetsloven', nn: 'pasient- og brukarrettslova' }
const HOL = { nb: 'helse- og omsorgstjenesteloven', nn: 'helse- og omsorgstenestelova' }
const FVL = { nb: 'forvaltningsloven', nn: 'forvaltningslova' }

type Cite = (language: Language) => string

/** A no-break space: "§ 7-2 a" never splits across lines. */
const _ = '\u00a0'

/** The law that gives each right (DOMAIN.md). */
export const RIGHT_LAWS: Record<Right, Cite> = {
  'individual-plan': (l) => `${PBRL[l]} §${_}2-5 og ${HOL[l]} §${_}7-1`,
  coordinator: (l) => `${PBRL[l]} §${_}2-5${_}b og ${HOL[l]} §${_}7-2`,
  'child-coordinator': (l) => `${PBRL[l]} §${_}2-5${_}c og ${HOL[l]} §${_}7-2${_}a`,
}

export const LAWS = {
  /** The right to appeal to the county governor, within 4 weeks. */
  appeal: ((l) => `${PBRL[l]} §§${_}7-2 og 7-5`) as Cite,
  /** The right to see the case documents. */
  access: ((l) => `${FVL[l]} §${_}18`) as Cite,
  /** A reasoned decision. */
  reasons: ((l) => `${FVL[l]} §§${_}24 og 25`) as Cite,
  /** An interim reply when a case takes longer than a month. */
  interim: ((l) => `${FVL[l]} §${_}11${_}a`) as Cite,
}

/** Appeal deadline in weeks (pbrl § 7-5 with fvl. § 29). */
export const APPEAL_WEEKS = 4
