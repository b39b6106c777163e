// Every text of the web app in bokmål. nn.ts has the same keys in nynorsk; the type checker
// refuses a key that one of them lacks. `{name}` in a text is filled in by t(key, { name }).
import { casesNb } from './cases.nb.js'

export const nb = {
  ...casesNb,
  'app.name': 'Samflyt',
  'app.skipToContent': 'Hopp til innholdet',
  'app.loading': 'Laster …',

  'nav.label': 'Hovedmeny',
  'nav.tasks': 'Oppgaver',
  'nav.cases': 'Saker',
  'nav.newCase': 'Ny henvendelse',
  'nav.intakeGroup': 'Mottaksgruppe',
  'nav.coordinators': 'Koordinatorer',
  'nav.processes': 'Prosesser',
  'nav.signOut': 'Logg ut',
  'nav.signedInAs': 'Logget inn som {name}',
  'nav.language': 'Språk',

  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',

  'role.caseworker': 'saksbehandler',
  'role.intake-group': 'mottaksgruppe',
  'role.coordinator': 'koordinator',
  'role.process-owner': 'prosesseier',
  'role.auditor': 'revisor',
  'role.admin': 'administrator',

  'login.title': 'Logg inn i Samflyt',
  'login.intro': 'Samflyt er saksbehandlingen for koordinerende enhet.',
  'login.username': 'Brukernavn',
  'login.password': 'Passord',
  'login.submit': 'Logg inn',
  'login.submitting': 'Logger inn …',
  'login.wrong': 'Feil brukernavn eller passord.',
  'login.required': 'Fyll inn både brukernavn og passord.',
  'login.expired': 'Økten din er utløpt. Logg inn igjen for å fortsette der du var.',
  'login.signedOut': 'Du er logget ut.',
  'login.oidc': 'Logg inn med {provider}',
  'login.oidcDefault': 'kommunens innlogging',
  'login.or': 'eller med lokal konto',
  'login.oidcFailed': 'Innloggingen hos identitetsleverandøren ble ikke fullført. Prøv igjen.',

  'page.tasks.title': 'Oppgaver',
  'page.task.title': 'Oppgave {key}',
  'page.cases.title': 'Saker',
  'page.newCase.title': 'Ny henvendelse',
  'page.case.title': 'Sak {id}',
  'page.caseHistory.title': 'Historikk for sak {id}',
  'page.intakeGroup.title': 'Mottaksgruppe',
  'page.meeting.title': 'Møte {id}',
  'page.coordinators.title': 'Koordinatorer',
  'page.processes.title': 'Prosesser',
  'page.placeholder': 'Denne siden er under arbeid.',

  'forbidden.title': 'Ingen tilgang',
  'forbidden.body': 'Siden «{page}» er ikke for deg. Den er for: {roles}. Du er logget inn som {you}.',
  'forbidden.back': 'Gå til forsiden',
  'notFound.title': 'Fant ikke siden',
  'notFound.body': 'Det finnes ingen side på adressen {path}.',
  'notFound.back': 'Gå til forsiden',
  'home.noPages': 'Brukeren din har ingen sider i Samflyt. Ta kontakt med en administrator.',

  'error.title': 'Noe gikk galt',
  'error.server': 'Det oppstod en feil hos Samflyt. Oppgi feilkoden {requestId} hvis du kontakter brukerstøtte.',
  'error.network': 'Fikk ikke kontakt med Samflyt. Sjekk nettverkstilkoblingen og prøv igjen.',
  'error.forbidden': 'Du har ikke tilgang til dette.',
  'error.notFound': 'Fant ikke det du lette etter.',
  'error.conflict': 'Noen andre har endret dette i mellomtiden. Last inn siden på nytt.',
  'error.validation': 'Noe av det du fylte inn, er ikke gyldig.',
  'error.rateLimited': 'For mange forsøk. Vent litt og prøv igjen.',
  'error.other': 'Forespørselen ble avvist ({status}): {message}',
  'error.retry': 'Prøv igjen',
} as const

export type MessageKey = keyof typeof nb
export type Catalogue = Record<MessageKey, string>
