// The words the cases domain puts into letters, in bokmål and nynorsk: the labels and values of
// the facts relied on, and why a case takes longer (for an interim reply). The letters' fixed
// text is in templates/letters/, which the municipality edits.
import type { Language } from '../letters/index.js'
import type { CaseStatus, Channel, ConsentStatus, SharingBasis } from './types.js'

interface FactWords {
  received: string
  channel: Record<Channel, string>
  age: string
  services: string
  sectors: string
  sector: Record<string, string>
  longTerm: string
  coordinated: string
  yes: string
  no: string
  rop: string
  ropValue: string
  disputed: string
  disputedValue: string
  childCondition: string
  childConditionValue: string
  consent: string
  consentStatus: (status: ConsentStatus, toParent: boolean) => string
  ipDeclined: string
  ipDeclinedValue: (toParent: boolean) => string
  sharing: string
  sharingValue: Record<SharingBasis, string>
  intakeGroup: string
  intakeGroupValue: (day: string) => string
}

export const FACT_WORDS: Record<Language, FactWords> = {
  nb: {
    received: 'Henvendelsen kom inn',
    channel: { application: 'søknad', 'health-personnel-notice': 'melding fra helsepersonell', 'nav-referral': 'henvisning fra NAV', 'internal-notice': 'intern melding' },
    age: 'Alder',
    services: 'Tjenester',
    sectors: 'Sektorer',
    sector: { 'health-and-care': 'helse og omsorg', nav: 'NAV', school: 'skole', ppt: 'PPT', kindergarten: 'barnehage', 'child-welfare': 'barnevern', housing: 'bolig', other: 'annet' },
    longTerm: 'Langvarige behov',
    coordinated: 'Tjenester som må ses i sammenheng',
    yes: 'ja',
    no: 'nei',
    rop: 'Psykisk helse og rus',
    ropValue: 'behov innen begge (ROP)',
    disputed: 'Ansvar',
    disputedValue: 'de involverte enhetene er uenige om hvem som har ansvaret',
    childCondition: 'Barnets helse',
    childConditionValue: 'alvorlig sykdom, skade eller funksjonsnedsettelse',
    consent: 'Samtykke',
    consentStatus: (status, toParent) => ({
      missing: 'ikke gitt ennå (ikke bedt om)',
      requested: 'bedt om, ikke besvart ennå',
      given: 'gitt',
      refused: toParent ? 'dere har sagt nei til å samtykke' : 'du har sagt nei til å samtykke',
    })[status],
    ipDeclined: 'Individuell plan',
    ipDeclinedValue: (toParent) => (toParent ? 'dere har takket nei' : 'du har takket nei'),
    sharing: 'Deling av opplysninger',
    sharingValue: {
      consent: 'med samtykke, i tverretatlig mottaksgruppe og med de involverte tjenestene',
      'legal-basis': 'med hjemmel i lov, i tverretatlig mottaksgruppe og med de involverte tjenestene',
      anonymous: 'saken er drøftet anonymt i tverretatlig mottaksgruppe, uten opplysninger som identifiserer personen',
      none: 'ingen: uten samtykke til å dele er saken behandlet av koordinerende enhet alene',
    },
    intakeGroup: 'Tverretatlig mottaksgruppe',
    intakeGroupValue: (day) => `behandlet i møtet ${day}`,
  },
  nn: {
    received: 'Førespurnaden kom inn',
    channel: { application: 'søknad', 'health-personnel-notice': 'melding frå helsepersonell', 'nav-referral': 'tilvising frå NAV', 'internal-notice': 'intern melding' },
    age: 'Alder',
    services: 'Tenester',
    sectors: 'Sektorar',
    sector: { 'health-and-care': 'helse og omsorg', nav: 'NAV', school: 'skule', ppt: 'PPT', kindergarten: 'barnehage', 'child-welfare': 'barnevern', housing: 'bustad', other: 'anna' },
    longTerm: 'Langvarige behov',
    coordinated: 'Tenester som må sjåast i samanheng',
    yes: 'ja',
    no: 'nei',
    rop: 'Psykisk helse og rus',
    ropValue: 'behov innan begge (ROP)',
    disputed: 'Ansvar',
    disputedValue: 'dei involverte einingane er usamde om kven som har ansvaret',
    childCondition: 'Helsa til barnet',
    childConditionValue: 'alvorleg sjukdom, skade eller funksjonsnedsetjing',
    consent: 'Samtykke',
    consentStatus: (status, toParent) => ({
      missing: 'ikkje gitt enno (ikkje bede om)',
      requested: 'bede om, ikkje svara på enno',
      given: 'gitt',
      refused: toParent ? 'de har sagt nei til å samtykkje' : 'du har sagt nei til å samtykkje',
    })[status],
    ipDeclined: 'Individuell plan',
    ipDeclinedValue: (toParent) => (toParent ? 'de har takka nei' : 'du har takka nei'),
    sharing: 'Deling av opplysningar',
    sharingValue: {
      consent: 'med samtykke, i tverretatleg mottaksgruppe og med dei involverte tenestene',
      'legal-basis': 'med heimel i lov, i tverretatleg mottaksgruppe og med dei involverte tenestene',
      anonymous: 'saka er drøfta anonymt i tverretatleg mottaksgruppe, utan opplysningar som identifiserer personen',
      none: 'ingen: utan samtykke til å dele er saka handsama av koordinerande eining åleine',
    },
    intakeGroup: 'Tverretatleg mottaksgruppe',
    intakeGroupValue: (day) => `handsama i møtet ${day}`,
  },
}

export const OUTCOME_WORDS: Record<Language, { coordinatorNotYetAppointed: (unit: string, toParent: boolean) => string; coordinatorAfterRefusal: (unit: string, toParent: boolean) => string }> = {
  nb: {
    coordinatorNotYetAppointed: (unit, p) => `${unit} oppnevner koordinatoren når ${p ? 'dere' : 'du'} har gitt samtykke`,
    coordinatorAfterRefusal: (unit, p) => `${unit} oppnevner koordinator hvis ${p ? 'dere' : 'du'} gir samtykke senere`,
  },
  nn: {
    coordinatorNotYetAppointed: (unit, p) => `${unit} oppnemner koordinatoren når ${p ? 'de' : 'du'} har gitt samtykke`,
    coordinatorAfterRefusal: (unit, p) => `${unit} oppnemner koordinator om ${p ? 'de' : 'du'} gir samtykke seinare`,
  },
}

/** Why a case is not answered within a month, from where it stands; `meetingDay` is the intake group's next meeting. */
export function delayReason(language: Language, status: CaseStatus, meetingDay: string | null, toParent = false): string {
  const nb = language === 'nb'
  if (status === 'awaiting-consent' && toParent) {
    return nb
      ? 'Vi venter på samtykke fra dere som foreldre eller foresatte. Uten samtykke kan vi ikke lage individuell plan for barnet ditt eller oppnevne koordinator.'
      : 'Vi ventar på samtykke frå dykk som foreldre eller føresette. Utan samtykke kan vi ikkje lage individuell plan for barnet ditt eller oppnemne koordinator.'
  }
  switch (status) {
    case 'received':
    case 'registered':
      return nb
        ? 'Vi har ikke fått kontrollert og registrert alle opplysningene i henvendelsen ennå, og trenger dem for å kunne vurdere saken.'
        : 'Vi har ikkje fått kontrollert og registrert alle opplysningane i førespurnaden enno, og treng dei for å kunne vurdere saka.'
    case 'awaiting-consent':
      return nb
        ? 'Vi venter på samtykke fra deg, eller fra den som kan samtykke for deg. Uten samtykke kan vi ikke lage individuell plan eller oppnevne koordinator.'
        : 'Vi ventar på samtykke frå deg, eller frå den som kan samtykke for deg. Utan samtykke kan vi ikkje lage individuell plan eller oppnemne koordinator.'
    case 'intake-group':
      return nb
        ? `Saken gjelder tjenester fra flere sektorer og skal drøftes i den tverretatlige mottaksgruppen${meetingDay ? `, som møtes ${meetingDay}` : ''}.`
        : `Saka gjeld tenester frå fleire sektorar og skal drøftast i den tverretatlege mottaksgruppa${meetingDay ? `, som møtest ${meetingDay}` : ''}.`
    case 'coordinator-appointment':
      return nb ? 'Vi arbeider med å finne en koordinator som passer for deg.' : 'Vi arbeider med å finne ein koordinator som passar for deg.'
    case 'decision-letter':
      return nb
        ? 'Vedtaket er skrevet, og en annen saksbehandler skal kontrollere det før vi sender det.'
        : 'Vedtaket er skrive, og ein annan saksbehandlar skal kontrollere det før vi sender det.'
    default:
      return nb
        ? 'Saken trenger en grundigere vurdering av behovene dine og av hvilke tjenester som må ses i sammenheng.'
        : 'Saka treng ei grundigare vurdering av behova dine og av kva tenester som må sjåast i samanheng.'
  }
}
