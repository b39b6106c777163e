// Whether a complex case's information may go to the intake group and the agencies involved.
// Health information is confidential (helsepersonelloven § 21, forvaltningsloven § 13); it is
// shared across agencies with the person's consent to share (the consent form's scope
// "information-sharing", hpl. § 22), or on another legal basis the caseworker names (hpl.
// §§ 23 ff., fvl. § 13 a ff.). Without either the KE handles the case alone. Where the
// municipality's routine allows it, the caseworker may choose to have the case discussed in the
// group without anything that identifies the person: an explicit choice, recorded.
import type { ConsentRow } from './consents.js'
import type { SharingBasis } from './types.js'

export interface SharingInput {
  consent: Pick<ConsentRow, 'status' | 'scope'> | undefined
  /** The legal basis the caseworker named for sharing without consent, if any. */
  legalBasis: string | null
  /** The caseworker chose anonymous discussion in the group. */
  anonymous: boolean
}

export function sharingBasisOf(input: SharingInput): { basis: SharingBasis; note: string | null } {
  // Anonymous when asked for, even with consent: the more careful choice is the caseworker's to make.
  if (input.anonymous) return { basis: 'anonymous', note: null }
  if (input.consent?.status === 'given' && input.consent.scope.includes('information-sharing')) return { basis: 'consent', note: null }
  if (input.legalBasis) return { basis: 'legal-basis', note: input.legalBasis }
  return { basis: 'none', note: null }
}

/** Why the KE handles a complex case alone, for the caseworker (and the case's notifications). */
export function handledAloneText(reference: string, consentStatus: string | undefined): string {
  const consent =
    consentStatus === 'refused' ? 'samtykke er nektet'
      : consentStatus === 'given' ? 'samtykket omfatter ikke å dele opplysninger med tjenestene'
        : 'samtykke til å dele opplysninger er ikke gitt ennå'
  return `Sak ${reference} er kompleks, men drøftes ikke i tverretatlig mottaksgruppe, og ingen andre etater varsles: ${consent}, ` +
    'og det er ikke registrert annet rettsgrunnlag for å dele opplysningene (helsepersonelloven § 21 ff., forvaltningsloven § 13). ' +
    'Koordinerende enhet behandler saken alene. Tillater kommunens rutine det, kan du velge anonym drøfting i mottaksgruppen i vurderingen.'
}
