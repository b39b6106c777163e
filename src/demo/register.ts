// The demo's coordinator register and the intake group's meeting schedule. Names, e-mail
// addresses (on the reserved .example domain) and phone numbers are made up.
import type { Sql } from '../db/connect.js'
import { insertCoordinator, type CoordinatorInput } from '../cases/coordinators.js'
import { insertMeeting } from '../cases/meetings.js'
import { addDays, osloDate, startOfOsloDay } from '../cases/deadlines.js'

export const DEMO_COORDINATORS: CoordinatorInput[] = [
  { name: 'Ingrid Berg', unit: 'Fysio/ergo', profession: 'Fysioterapeut', username: 'ingrid', email: 'ingrid.berg@samflyt.example', phone: '+4740000101', trainingCompleted: true, trainedOn: '2023-10-12', childCoordinatorQualified: true, capacity: 6 },
  { name: 'Anne Kristiansen', unit: 'Hjemmetjenesten', profession: 'Sykepleier', email: 'anne.kristiansen@samflyt.example', phone: '+4740000102', trainingCompleted: true, trainedOn: '2022-03-03', childCoordinatorQualified: false, capacity: 8 },
  { name: 'Lars Haugen', unit: 'Psykisk helse og rus', profession: 'Vernepleier', email: 'lars.haugen@samflyt.example', phone: '+4740000103', trainingCompleted: true, trainedOn: '2024-02-08', childCoordinatorQualified: false, capacity: 5 },
  { name: 'Maria Solberg', unit: 'PPT', profession: 'Spesialpedagog', email: 'maria.solberg@samflyt.example', phone: '+4740000104', trainingCompleted: true, trainedOn: '2024-09-19', childCoordinatorQualified: true, capacity: 4 },
  { name: 'Jonas Dahl', unit: 'Kultur og oppvekst', profession: 'Miljøterapeut', email: 'jonas.dahl@samflyt.example', phone: '+4740000105', trainingCompleted: false, trainedOn: null, childCoordinatorQualified: false, capacity: 3 },
  { name: 'Hilde Nygård', unit: 'Aktivitet og avlastning', profession: 'Sosionom', email: 'hilde.nygard@samflyt.example', phone: '+4740000106', trainingCompleted: true, trainedOn: '2021-05-27', childCoordinatorQualified: false, capacity: 4, active: false },
]

/** The register by name, with the ids it got. */
export async function seedCoordinators(sql: Sql): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const coordinator of DEMO_COORDINATORS) ids[coordinator.name] = (await insertCoordinator(sql, coordinator)).id
  return ids
}

export const MEETING_LOCATION = 'Rådhuset, møterom Fløyen'
const MEETING_HOUR = 9
const MEETINGS = 4
const EVERY_DAYS = 14

/** The group meets every other Tuesday at 09:00: the next four meetings from `now`. */
export async function seedMeetings(sql: Sql, now: Date): Promise<Date[]> {
  const today = osloDate(now)
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  // The next Tuesday after today (a week on, if today is one: today's meeting would be half over).
  const first = addDays(today, ((2 - weekday + 7) % 7) || 7)
  const starts: Date[] = []
  for (let i = 0; i < MEETINGS; i++) {
    const startsAt = new Date(startOfOsloDay(addDays(first, i * EVERY_DAYS)).getTime() + MEETING_HOUR * 3_600_000)
    await insertMeeting(sql, { startsAt, location: MEETING_LOCATION, note: 'Tverretatlig mottaksgruppe' }, 'demo')
    starts.push(startsAt)
  }
  return starts
}
