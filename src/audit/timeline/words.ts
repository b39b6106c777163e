// The timeline's words in bokmål and nynorsk: roles, verbs, what each automatic step of the KE
// process means for the person, deadlines, decisions and letters. Element names come from the
// diagram (written in bokmål); where nynorsk words it differently, NN_ELEMENT_NAMES has it.
export type Lang = 'nb' | 'nn'

export const ROLE_WORDS: Record<string, Record<Lang, string>> = {
  caseworker: { nb: 'saksbehandler', nn: 'saksbehandlar' },
  'intake-group': { nb: 'mottaksgruppen', nn: 'mottaksgruppa' },
  coordinator: { nb: 'koordinator', nn: 'koordinator' },
  'process-owner': { nb: 'prosesseier', nn: 'prosesseigar' },
  auditor: { nb: 'internkontroll', nn: 'internkontroll' },
  admin: { nb: 'administrator', nn: 'administrator' },
}

export const NN_ELEMENT_NAMES: Record<string, string> = {
  verify: 'Kontroller førespurnaden',
  decide: 'Vurder og avgjer saka',
  intakeMeeting: 'Behandle saka i mottaksgruppa',
  approveLetter: 'Godkjenn vedtaksbrevet (fire auge)',
  chooseCoordinator: 'Oppnemn koordinator',
}

type Vars = Record<string, unknown>
type Phrase = (v: Vars, f: Format) => string
export interface Format {
  date(iso: string): string
  moment(at: Date | string): string
  list(items: string[]): string
}

const s = (value: unknown) => (typeof value === 'string' ? value : '')

/** What the municipality did at each automatic step, from what the step reported. */
export const AUTOMATIC: Record<string, Record<Lang, Phrase>> = {
  linkDuplicate: { nb: () => 'Henvendelsen ble knyttet til den åpne saken personen har fra før.', nn: () => 'Førespurnaden vart knytt til den opne saka personen har frå før.' },
  updateRegistration: { nb: () => 'Saken ble oppdatert med opplysningene fra kontrollen.', nn: () => 'Saka vart oppdatert med opplysningane frå kontrollen.' },
  requestConsent: { nb: () => 'Kommunen ba om samtykke.', nn: () => 'Kommunen bad om samtykke.' },
  consentReminder: { nb: () => 'Kommunen sendte en påminnelse om samtykket.', nn: () => 'Kommunen sende ei påminning om samtykket.' },
  recordConsent: { nb: () => 'Svaret på samtykket ble registrert i saken.', nn: () => 'Svaret på samtykket vart registrert i saka.' },
  closeIpPart: { nb: () => 'Delen om individuell plan ble avsluttet; tilbudet om koordinator står.', nn: () => 'Delen om individuell plan vart avslutta; tilbodet om koordinator står.' },
  recordAssessment: {
    nb: (v) => `Vurderingen ble registrert: saken er ${v.route === 'complex' ? 'kompleks og går til tverretatlig mottaksgruppe' : 'ikke kompleks og avgjøres av KE'}.`,
    nn: (v) => `Vurderinga vart registrert: saka er ${v.route === 'complex' ? 'kompleks og går til tverretatleg mottaksgruppe' : 'ikkje kompleks og blir avgjord av KE'}.`,
  },
  putOnAgenda: {
    nb: (v, f) => `Saken ble satt på sakslisten til mottaksgruppens møte${v.meetingAt ? ` ${f.moment(s(v.meetingAt))}` : ''}.`,
    nn: (v, f) => `Saka vart sett på sakslista til møtet i mottaksgruppa${v.meetingAt ? ` ${f.moment(s(v.meetingAt))}` : ''}.`,
  },
  notifyAgencies: { nb: () => 'De involverte etatene ble varslet om møtet.', nn: () => 'Dei involverte etatane vart varsla om møtet.' },
  recordOutcome: { nb: () => 'Mottaksgruppens konklusjon ble registrert i saken.', nn: () => 'Konklusjonen frå mottaksgruppa vart registrert i saka.' },
  escalateByHand: { nb: () => 'Saken ble sendt til tverretatlig mottaksgruppe (manuell eskalering).', nn: () => 'Saka vart send til tverretatleg mottaksgruppe (manuell eskalering).' },
  recordDecision: {
    nb: (v) => `Vedtaket ble registrert: ${v.decision === 'granted' ? 'innvilget' : v.decision === 'refused' ? 'avslått' : 'registrert'}${v.appointCoordinator === true ? ', og koordinator skal oppnevnes' : ''}.`,
    nn: (v) => `Vedtaket vart registrert: ${v.decision === 'granted' ? 'innvilga' : v.decision === 'refused' ? 'avslått' : 'registrert'}${v.appointCoordinator === true ? ', og koordinator skal oppnemnast' : ''}.`,
  },
  loadCandidates: {
    nb: (v) => `Kandidater ble hentet fra koordinatorregisteret${Array.isArray(v.candidates) ? ` (${v.candidates.length})` : ''}.`,
    nn: (v) => `Kandidatar vart henta frå koordinatorregisteret${Array.isArray(v.candidates) ? ` (${v.candidates.length})` : ''}.`,
  },
  appointCoordinator: {
    nb: (v) => `${s(v.coordinatorName) || 'Koordinatoren'} ble oppnevnt som koordinator og varslet.`,
    nn: (v) => `${s(v.coordinatorName) || 'Koordinatoren'} vart oppnemnd som koordinator og varsla.`,
  },
  closeCase: { nb: () => 'Saken ble avsluttet.', nn: () => 'Saka vart avslutta.' },
  escalate: { nb: () => 'Fristen var passert, og saken ble eskalert til leder for KE.', nn: () => 'Fristen var passert, og saka vart eskalert til leiar for KE.' },
  recordWithdrawal: { nb: () => 'Tilbaketrekkingen ble registrert, og saken ble avsluttet.', nn: () => 'Tilbaketrekkinga vart registrert, og saka vart avslutta.' },
}

/** Steps the letter entries tell of (drafted, approved, sent), so they are not told twice. */
export const LETTER_STEPS = new Set(['decisionLetter', 'sendDecisionLetter', 'sendInterimReply', 'dispatchInterimReply'])

export const WORDS = {
  nb: {
    municipality: 'Kommunen',
    completed: (who: string, task: string, when: string) => `${who} fullførte «${task}» ${when}`,
    claimed: (who: string, task: string, when: string) => `${who} tok oppgaven «${task}» ${when}`,
    registered: (who: string, when: string) => `${who} registrerte henvendelsen ${when}`,
    automatic: (when: string, what: string) => `${when}: ${what}`,
    unnamedStep: (name: string) => `Kommunen utførte «${name}».`,
    again: 'Gjort på nytt; endret siden sist:',
    unchanged: 'Gjort på nytt, med de samme opplysningene som sist.',
    interimDue: (when: string) => `${when}: Det har gått én måned uten vedtak, og personen skal få foreløpig svar (forvaltningsloven § 11 a).`,
    deadlinePassed: (when: string) => `${when}: Saksbehandlingsfristen er passert.`,
    consentWait: (when: string) => `${when}: 14 dager uten svar på samtykket.`,
    timer: (when: string, name: string) => `${when}: Fristen «${name}» er nådd.`,
    withdrawn: (who: string, when: string) => `${who} registrerte ${when} at henvendelsen er trukket tilbake`,
    incident: (when: string, name: string) => `${when}: Det automatiske steget «${name}» stoppet og venter på at en administrator retter feilen.`,
    incidentResolved: (who: string, when: string, name: string) => `${who} løste ${when} feilen i «${name}»`,
    ended: (when: string) => `${when}: Saksbehandlingen er ferdig.`,
    cancelled: (when: string) => `${when}: Saksbehandlingen ble avbrutt.`,
    decision: (when: string, rule: string, version: number) => `${when}: Regelverket «${rule}» (versjon ${version}) vurderte saken.`,
    noReasons: 'Ingen regler slo til.',
    letterDrafted: (kind: string, who: string | null) => `${kind} ble laget av kommunen${who ? ` ut fra vurderingen til ${who}` : ''}`,
    letterApproved: (who: string, when: string) => `godkjent av ${who} ${when} (fire øyne)`,
    letterNotApproved: 'sendt uten godkjenning (foreløpig svar)',
    letterSent: (when: string, how: string) => `sendt ${when} ${how}`,
    letterUnsent: (status: string) => `ikke sendt (${status})`,
    letterKinds: { decision: 'Vedtaksbrevet', 'interim-reply': 'Det foreløpige svaret' } as Record<string, string>,
    channels: { svarut: 'via SvarUt (digital post)', outbox: 'til utsendingsmappen (utboksen)', post: 'i posten' } as Record<string, string>,
    yes: 'Ja',
    no: 'Nei',
    empty: '(tomt)',
    removed: 'Opplysningene er slettet etter at saken var avsluttet (oppbevaringstiden er ute)',
    removedLabel: 'Opplysninger',
    factsUsed: 'Opplysninger regelverket brukte',
    reasonsFired: 'Regler som slo til',
    entered: 'Det som ble registrert',
    at: (date: string, time: string) => `${date} kl. ${time}`,
  },
  nn: {
    municipality: 'Kommunen',
    completed: (who: string, task: string, when: string) => `${who} fullførte «${task}» ${when}`,
    claimed: (who: string, task: string, when: string) => `${who} tok oppgåva «${task}» ${when}`,
    registered: (who: string, when: string) => `${who} registrerte førespurnaden ${when}`,
    automatic: (when: string, what: string) => `${when}: ${what}`,
    unnamedStep: (name: string) => `Kommunen utførte «${name}».`,
    again: 'Gjort på nytt; endra sidan sist:',
    unchanged: 'Gjort på nytt, med dei same opplysningane som sist.',
    interimDue: (when: string) => `${when}: Det har gått ein månad utan vedtak, og personen skal få førebels svar (forvaltningslova § 11 a).`,
    deadlinePassed: (when: string) => `${when}: Saksbehandlingsfristen er passert.`,
    consentWait: (when: string) => `${when}: 14 dagar utan svar på samtykket.`,
    timer: (when: string, name: string) => `${when}: Fristen «${name}» er nådd.`,
    withdrawn: (who: string, when: string) => `${who} registrerte ${when} at førespurnaden er trekt tilbake`,
    incident: (when: string, name: string) => `${when}: Det automatiske steget «${name}» stoppa og ventar på at ein administrator rettar feilen.`,
    incidentResolved: (who: string, when: string, name: string) => `${who} løyste ${when} feilen i «${name}»`,
    ended: (when: string) => `${when}: Saksbehandlinga er ferdig.`,
    cancelled: (when: string) => `${when}: Saksbehandlinga vart avbroten.`,
    decision: (when: string, rule: string, version: number) => `${when}: Regelverket «${rule}» (versjon ${version}) vurderte saka.`,
    noReasons: 'Ingen reglar slo til.',
    letterDrafted: (kind: string, who: string | null) => `${kind} vart laga av kommunen${who ? ` ut frå vurderinga til ${who}` : ''}`,
    letterApproved: (who: string, when: string) => `godkjent av ${who} ${when} (fire auge)`,
    letterNotApproved: 'sendt utan godkjenning (førebels svar)',
    letterSent: (when: string, how: string) => `sendt ${when} ${how}`,
    letterUnsent: (status: string) => `ikkje sendt (${status})`,
    letterKinds: { decision: 'Vedtaksbrevet', 'interim-reply': 'Det førebelse svaret' } as Record<string, string>,
    channels: { svarut: 'via SvarUt (digital post)', outbox: 'til utsendingsmappa (utboksen)', post: 'i posten' } as Record<string, string>,
    yes: 'Ja',
    no: 'Nei',
    empty: '(tomt)',
    removed: 'Opplysningane er sletta etter at saka var avslutta (oppbevaringstida er ute)',
    removedLabel: 'Opplysningar',
    factsUsed: 'Opplysningar regelverket brukte',
    reasonsFired: 'Reglar som slo til',
    entered: 'Det som vart registrert',
    at: (date: string, time: string) => `${date} kl. ${time}`,
  },
} as const

export const RULE_SET_NAMES: Record<string, Record<Lang, string>> = {
  complexity: { nb: 'Kompleks sak', nn: 'Kompleks sak' },
  'individual-plan': { nb: 'Rett til individuell plan', nn: 'Rett til individuell plan' },
  coordinator: { nb: 'Rett til koordinator', nn: 'Rett til koordinator' },
  'child-coordinator': { nb: 'Rett til barnekoordinator', nn: 'Rett til barnekoordinator' },
  'coordinator-suggestion': { nb: 'Forslag til koordinator', nn: 'Forslag til koordinator' },
}
