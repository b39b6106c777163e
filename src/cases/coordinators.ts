// The KE's coordinator register. Admins maintain it; the current load is counted from the open
// cases a coordinator is appointed to, so it can never drift from the cases themselves.
import type { Sql } from '../db/connect.js'
import type { CoordinatorCandidate } from '../rules/index.js'
import { SamflytError, notFound } from '../errors.js'

export interface CoordinatorInput {
  name: string
  unit: string
  profession: string
  email?: string | null | undefined
  phone?: string | null | undefined
  username?: string | null | undefined
  trainingCompleted: boolean
  trainedOn?: string | null | undefined
  childCoordinatorQualified: boolean
  capacity: number
  active?: boolean | undefined
}

export interface CoordinatorRow {
  id: string
  name: string
  unit: string
  profession: string
  email: string | null
  phone: string | null
  username: string | null
  trainingCompleted: boolean
  trainedOn: string | null
  childCoordinatorQualified: boolean
  capacity: number
  currentLoad: number
  active: boolean
}

const columns = (sql: Sql) => sql`
  k.id::text, k.name, k.unit, k.profession, k.email, k.phone, k.username, k.training_completed as "trainingCompleted",
  k.trained_on::text as "trainedOn", k.child_coordinator_qualified as "childCoordinatorQualified", k.capacity, k.active,
  (select count(*)::int from cases c where c.coordinator_id = k.id and c.closed_at is null) as "currentLoad"`

export async function listCoordinators(sql: Sql, options: { activeOnly?: boolean } = {}): Promise<CoordinatorRow[]> {
  return sql<CoordinatorRow[]>`
    select ${columns(sql)} from coordinators k ${options.activeOnly ? sql`where k.active` : sql``} order by k.name, k.id`
}

export async function getCoordinator(sql: Sql, id: string): Promise<CoordinatorRow | undefined> {
  const [row] = await sql<CoordinatorRow[]>`select ${columns(sql)} from coordinators k where k.id = ${id}`
  return row
}

function toRow(input: Partial<CoordinatorInput>) {
  const row: Record<string, unknown> = {
    name: input.name,
    unit: input.unit,
    profession: input.profession,
    email: input.email,
    phone: input.phone,
    username: input.username,
    training_completed: input.trainingCompleted,
    trained_on: input.trainedOn,
    child_coordinator_qualified: input.childCoordinatorQualified,
    capacity: input.capacity,
    active: input.active,
  }
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined))
}

/**
 * The register's own rules, beyond each field's type: a training date is not in the future
 * (`today` is the Oslo date, YYYY-MM-DD), and only a completed training has one.
 */
export function checkCoordinator(coordinator: Pick<CoordinatorInput, 'trainingCompleted' | 'trainedOn'>, today: string): void {
  const problems: { path: string; message: string; code: string }[] = []
  const trainedOn = coordinator.trainedOn ?? null
  if (trainedOn !== null && trainedOn > today) problems.push({ path: '/trainedOn', code: 'future', message: `the training date ${trainedOn} is after today (${today})` })
  if (trainedOn !== null && !coordinator.trainingCompleted) problems.push({ path: '/trainedOn', code: 'notCompleted', message: 'a training date is given only when trainingCompleted is true' })
  if (problems.length > 0) throw new SamflytError('SAMFLYT_VALIDATION', `The coordinator breaks the register's rules: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems)
}

/** Refuses (409) a username that another coordinator in the register already has. */
export async function checkUsernameFree(sql: Sql, username: string | null | undefined, exceptId: string | null): Promise<void> {
  if (!username) return
  const [other] = await sql<{ id: string }[]>`select id::text from coordinators where username = ${username} and id::text is distinct from ${exceptId}`
  if (other) throw new SamflytError('SAMFLYT_CONFLICT', `Coordinator ${other.id} already has the username ${username}`, [{ path: '/username', code: 'taken', message: `coordinator ${other.id} has it` }])
}

export async function insertCoordinator(sql: Sql, input: CoordinatorInput): Promise<CoordinatorRow> {
  const [row] = await sql<{ id: string }[]>`insert into coordinators ${sql(toRow(input) as never)} returning id::text`
  return (await getCoordinator(sql, row!.id))!
}

export async function updateCoordinator(sql: Sql, id: string, input: Partial<CoordinatorInput>): Promise<CoordinatorRow> {
  const fields = toRow(input)
  if (Object.keys(fields).length > 0) {
    const updated = await sql`update coordinators set ${sql(fields as never)}, updated_at = now() where id = ${id} returning id`
    if (updated.length === 0) throw notFound('Coordinator', id)
  }
  const row = await getCoordinator(sql, id)
  if (!row) throw notFound('Coordinator', id)
  return row
}

/**
 * The active coordinators as options of a form's select ({label, value}; the value is the
 * register id, which the coordinator-suggestion rules compare the person's wish with).
 */
export async function coordinatorOptions(sql: Sql): Promise<{ label: string; value: string }[]> {
  const rows = await sql<{ id: string; name: string; unit: string; profession: string; childCoordinatorQualified: boolean }[]>`
    select id::text, name, unit, profession, child_coordinator_qualified as "childCoordinatorQualified"
    from coordinators where active order by name, id`
  return rows.map((c) => ({ label: `${c.name} (${c.unit}, ${c.profession.toLowerCase()}${c.childCoordinatorQualified ? ', barnekoordinator' : ''})`, value: c.id }))
}

/** The register as the coordinator-suggestion rule set sees it: active coordinators only. */
export function asCandidate(row: CoordinatorRow): CoordinatorCandidate {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    profession: row.profession,
    trainingCompleted: row.trainingCompleted,
    childCoordinatorQualified: row.childCoordinatorQualified,
    capacity: row.capacity,
    currentLoad: row.currentLoad,
  }
}
