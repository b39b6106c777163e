// The demo office's cases, each left at a different step of the KE process, as a new user
// expects to find them: one just registered, one awaiting consent (and past its deadline, so
// the interim reply and the escalation have gone out), one for the caseworker to assess, one on
// the intake group's agenda, one with a coordinator to appoint, one letter to approve, one
// decided. Kari registers every enquiry and Siri assesses, so Kari may approve the letters
// (four eyes); Ola records the intake group's outcome; Ingrid is appointed a child coordinator.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { Variables } from '../engine/types.js'
import { intake, type IntakeInput } from '../cases/intake.js'
import { recordCaseReads } from '../cases/access-log.js'
import { addDays } from '../cases/deadlines.js'
import { caseReaches, completeAs, openTask } from './drive.js'
import { syntheticIdentityNumber } from './identity-numbers.js'

export const DEMO_CASEWORKER = { username: 'kari', unit: 'KE' }
/** The second caseworker, who assesses, so that Kari can approve the letters. */
export const SECOND_CASEWORKER = 'siri'

export interface DemoCase {
  id: string
  reference: string
  /** Where the demo left it: the open task's element, or the status. */
  waitsAt: string
}

interface Ctx {
  sql: Sql
  engine: Engine
  today: string
  coordinators: Record<string, string>
}

const person = (name: string, birthDate: string) => ({ identityNumber: syntheticIdentityNumber(birthDate, 7), name })

async function register(ctx: Ctx, daysAgo: number, input: Omit<IntakeInput, 'receivedOn'>) {
  const { case: row } = await intake(ctx.sql, ctx.engine, { ...input, receivedOn: addDays(ctx.today, -daysAgo) }, DEMO_CASEWORKER, {
    allowSyntheticIdentities: true,
    now: ctx.engine.clock(),
  })
  await recordCaseReads(ctx.sql, [row.id], { principal: { username: DEMO_CASEWORKER.username, roles: ['caseworker'] }, purpose: 'POST /api/cases (intake)' })
  return row as typeof row & { instanceKey: string }
}

/** What Kari submits in the registration form: the enquiry as registered, checked. */
function verified(input: Omit<IntakeInput, 'receivedOn'>, receivedDate: string, extra: Variables = {}): Variables {
  return {
    channel: input.channel,
    receivedDate,
    personName: input.person.name,
    language: 'nb',
    services: (input.facts?.services ?? []) as never,
    description: input.summary ?? 'Behov for koordinerte tjenester.',
    ...extra,
  }
}

const decision = (rights: { ip: string; coordinator: string; child?: string }, reasons: string): Variables => ({
  assessment: 'Opplysningene i saken viser langvarige behov for tjenester fra flere tjenesteytere som må samarbeide.',
  individualPlanRight: rights.ip,
  coordinatorRight: rights.coordinator,
  childCoordinatorRight: rights.child ?? 'not-relevant',
  reasons,
})

const CONSENT_GIVEN = { consentGiven: true, ipDeclined: false }
/** Consent that covers sharing with the intake group and the agencies involved (a complex case needs it, or another basis). */
const CONSENT_TO_SHARE = { ...CONSENT_GIVEN, scope: ['individual-plan', 'coordinator', 'information-sharing'] as ('individual-plan' | 'coordinator' | 'information-sharing')[] }

export async function seedCases(ctx: Ctx): Promise<DemoCase[]> {
  const { sql, engine, today } = ctx
  const cases: DemoCase[] = []
  const done = (row: { id: string; reference: string }, waitsAt: string) => cases.push({ id: row.id, reference: row.reference, waitsAt })

  // 1. Just registered: a notice from a GP, for Kari to check.
  const eva: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'health-personnel-notice', sender: { name: 'Fastlege Kristin Moe', organisation: 'Nordnes legekontor' },
    person: { ...person('Eva Johansen', '1958-03-12'), address: 'Strandgaten 12', postalCode: '5013', city: 'Bergen' },
    summary: 'Melding om behov for individuell plan og koordinator etter hjerneslag. Trenger hjemmesykepleie og fysioterapi.',
    facts: { services: [
      { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten sone sentrum', longTerm: true, coordinated: true },
      { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
    ] },
  }
  const c1 = await register(ctx, 1, eva)
  await openTask(sql, c1.instanceKey, 'verify')
  done(c1, 'verify')

  // 2. Awaiting consent, received over a month ago: interim reply sent, escalated to the leader.
  const tor: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'nav-referral', sender: { name: 'Veileder Per Aasen', organisation: 'NAV Bergenhus' },
    person: person('Tor Amundsen', '1990-10-02'),
    summary: 'Henvisning fra NAV: arbeidsavklaring og oppfølging fra psykisk helsetjeneste må ses i sammenheng.',
    facts: { mentalHealthNeeds: true, services: [
      { name: 'Arbeidsavklaringspenger', sector: 'nav', provider: 'NAV Bergenhus', longTerm: true, coordinated: true },
      { name: 'Psykisk helsetjeneste', sector: 'health-and-care', provider: 'Psykisk helse og rus', longTerm: true, coordinated: true },
    ] },
  }
  const c2 = await register(ctx, 33, tor)
  await completeAs(sql, engine, 'kari', c2.instanceKey, 'verify', verified(tor, c2.receivedOn, { channel: 'nav-referral' }))
  await openTask(sql, c2.instanceKey, 'consentReply')
  done(c2, 'consentReply')

  // 3. For the caseworker to assess: long-term needs from two health providers, not complex.
  const solveig: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'application', person: { ...person('Solveig Lunde', '1947-06-21'), language: 'nn' }, consent: CONSENT_GIVEN,
    summary: 'Søknad om koordinator. Bur heime og får heimesjukepleie; skal ha rehabilitering etter hoftebrot.',
    facts: { services: [
      { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten sone nord', longTerm: true, coordinated: true },
      { name: 'Rehabilitering', sector: 'health-and-care', provider: 'Helse Bergen', longTerm: true, coordinated: true },
    ] },
  }
  const c3 = await register(ctx, 10, solveig)
  await completeAs(sql, engine, 'kari', c3.instanceKey, 'verify', verified(solveig, c3.receivedOn, { language: 'nn' }))
  await openTask(sql, c3.instanceKey, 'decide')
  done(c3, 'decide')

  // 4. On the intake group's agenda: a child with a serious condition, school and health services.
  const emil: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'application', sender: { role: 'parent', name: 'Line Hansen' }, person: person('Emil Hansen', '2014-09-03'),
    guardians: [{ name: 'Line Hansen', relation: 'parent', identityNumber: syntheticIdentityNumber('1984-04-18', 7), phone: '+4740000201', mayConsent: true }],
    consent: { ...CONSENT_TO_SHARE, givenBy: 'parent' },
    summary: 'Søknad om barnekoordinator for Emil (11), som har en alvorlig nevromuskulær sykdom.',
    facts: { childHasSeriousCondition: true, services: [
      { name: 'Fysioterapi', sector: 'health-and-care', provider: 'Fysio/ergo', longTerm: true, coordinated: true },
      { name: 'Spesialundervisning', sector: 'school', provider: 'Nordnes skole', longTerm: true, coordinated: true },
      { name: 'Avlastning', sector: 'health-and-care', provider: 'Avlastningsboligen', longTerm: true, coordinated: true },
    ] },
  }
  const c4 = await register(ctx, 12, emil)
  await completeAs(sql, engine, 'kari', c4.instanceKey, 'verify', verified(emil, c4.receivedOn))
  await openTask(sql, c4.instanceKey, 'intakeMeeting')
  done(c4, 'intakeMeeting')

  // 5. A coordinator to appoint: granted by Siri; the person wished for Anne Kristiansen.
  const kjersti: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'application', person: person('Kjersti Vik', '1985-01-30'), consent: CONSENT_GIVEN,
    summary: 'Søknad om koordinator etter trafikkulykke. Hjemmesykepleie og rehabilitering må samordnes.',
    facts: { services: [
      { name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten sone sentrum', longTerm: true, coordinated: true },
      { name: 'Rehabilitering', sector: 'health-and-care', provider: 'Helse Bergen', longTerm: true, coordinated: true },
    ] },
  }
  const c5 = await register(ctx, 16, kjersti)
  await completeAs(sql, engine, 'kari', c5.instanceKey, 'verify', verified(kjersti, c5.receivedOn, { coordinatorWish: ctx.coordinators['Anne Kristiansen']! }))
  await completeAs(sql, engine, SECOND_CASEWORKER, c5.instanceKey, 'decide',
    decision({ ip: 'granted', coordinator: 'granted' }, 'Kjersti har langvarige behov for koordinerte tjenester fra to tjenesteytere (pasient- og brukerrettighetsloven §§ 2-5 og 2-5 b).'))
  await openTask(sql, c5.instanceKey, 'chooseCoordinator')
  done(c5, 'chooseCoordinator')

  // 6. A letter to approve: ROP needs, a complex case; Ahmed consented to a plan and a coordinator
  // but not to sharing, so the KE handled it alone (no intake group, no agency told). Decided by
  // Siri, so Kari approves.
  const ahmed: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'internal-notice', sender: { name: 'Rusteamet', organisation: 'Psykisk helse og rus' }, person: person('Ahmed Ali', '1972-11-15'),
    consent: CONSENT_GIVEN,
    summary: 'Intern melding: samtidige behov innen psykisk helse og rus, bolig og oppfølging fra NAV.',
    facts: { mentalHealthNeeds: true, substanceUseNeeds: true, services: [
      { name: 'Oppfølging fra rusteamet', sector: 'health-and-care', provider: 'Psykisk helse og rus', longTerm: true, coordinated: true },
      { name: 'Kommunal bolig', sector: 'housing', provider: 'Boligkontoret', longTerm: true, coordinated: true },
    ] },
  }
  const c6 = await register(ctx, 20, ahmed)
  await completeAs(sql, engine, 'kari', c6.instanceKey, 'verify', verified(ahmed, c6.receivedOn, { channel: 'internal-notice', mentalHealthNeeds: true, substanceUseNeeds: true }))
  await completeAs(sql, engine, SECOND_CASEWORKER, c6.instanceKey, 'decide',
    decision({ ip: 'granted', coordinator: 'granted' }, 'Ahmed har samtidige behov innen psykisk helse og rus og behov for bolig, som krever koordinerte tjenester over tid.'))
  await completeAs(sql, engine, SECOND_CASEWORKER, c6.instanceKey, 'chooseCoordinator',
    { coordinatorId: ctx.coordinators['Lars Haugen']!, coordinatorChoiceReason: 'Lars kjenner Ahmed fra rusteamet.' })
  await openTask(sql, c6.instanceKey, 'approveLetter')
  done(c6, 'approveLetter')

  // 7. Decided: a child coordinator (Ingrid) appointed, the letter approved by Kari, the case closed.
  // The parents consented to the plan and a coordinator, not to sharing: the KE handled it alone.
  const nora: Omit<IntakeInput, 'receivedOn'> = {
    channel: 'health-personnel-notice', sender: { name: 'Barnelege Sigrid Vold', organisation: 'Haukeland universitetssjukehus' },
    person: person('Nora Eriksen', '2019-02-14'),
    guardians: [{ name: 'Kjetil Eriksen', relation: 'parent', identityNumber: syntheticIdentityNumber('1987-12-01', 7), phone: '+4740000202', mayConsent: true }],
    consent: { ...CONSENT_GIVEN, givenBy: 'parent' },
    summary: 'Melding om barn med medfødt hjertefeil som trenger oppfølging fra helsetjenesten og tilrettelegging i barnehagen.',
    facts: { childHasSeriousCondition: true, services: [
      { name: 'Helsestasjon og oppfølging', sector: 'health-and-care', provider: 'Helsestasjonen Sentrum', longTerm: true, coordinated: true },
      { name: 'Spesialpedagogisk hjelp', sector: 'kindergarten', provider: 'Solsikken barnehage', longTerm: true, coordinated: true },
    ] },
  }
  const c7 = await register(ctx, 25, nora)
  await completeAs(sql, engine, 'kari', c7.instanceKey, 'verify', verified(nora, c7.receivedOn, { channel: 'health-personnel-notice' }))
  await completeAs(sql, engine, SECOND_CASEWORKER, c7.instanceKey, 'decide',
    decision({ ip: 'granted', coordinator: 'refused', child: 'granted' }, 'Nora er under 18 år, har en alvorlig sykdom og trenger langvarige helsetjenester og tilrettelegging i barnehagen (pasient- og brukerrettighetsloven § 2-5 c).'))
  await completeAs(sql, engine, SECOND_CASEWORKER, c7.instanceKey, 'chooseCoordinator', { coordinatorId: ctx.coordinators['Ingrid Berg']!, coordinatorChoiceReason: 'Ingrid er kvalifisert barnekoordinator og kjenner familien fra fysioterapien.' })
  await completeAs(sql, engine, 'kari', c7.instanceKey, 'approveLetter', { letterApproval: 'approved', approvalComment: 'Godkjent.' })
  await caseReaches(sql, c7.id, 'closed')
  done(c7, 'closed')

  return cases
}
