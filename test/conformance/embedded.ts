// The conformance port on the embedded engine, on this test file's own real database, with a
// manual clock: advancing it fires due timers through the same code path the timer loop uses.
import { Engine } from '../../src/engine/engine.js'
import { ManualClock } from '../../src/engine/executor/clock.js'
import { readHistory } from '../../src/engine/store/history.js'
import { getInstance } from '../../src/engine/store/instances.js'
import type { Variables } from '../../src/engine/types.js'
import { testDatabase, type TestDatabase } from '../helpers/database.js'
import type { ConformancePort, Resource } from './port.js'

const ACTOR = 'conformance'

export class EmbeddedPort implements ConformancePort {
  /** Instances up to this key belong to earlier scenarios. */
  private floor = '0'

  private constructor(private readonly db: TestDatabase, readonly clock: ManualClock, private engine: Engine) {}

  static async open(): Promise<EmbeddedPort> {
    const db = await testDatabase()
    const clock = new ManualClock('2025-01-06T08:00:00Z')
    return new EmbeddedPort(db, clock, new Engine({ db, clock: clock.now, timers: false }))
  }

  private get sql() {
    return this.db.sql
  }

  async reset(): Promise<void> {
    // Every scenario starts on Monday 6 January 2025 at 08:00 UTC (dates in scenarios count on it).
    this.clock.set('2025-01-06T08:00:00Z')
    // Test isolation only: history and correlations are append-only, so their triggers are
    // bypassed for this one transaction (as a restore would).
    await this.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`
      await tx`delete from message_correlations`
      await tx`delete from messages`
      await tx`delete from message_subscriptions`
      await tx`delete from timers`
      await tx`delete from jobs`
      await tx`delete from user_tasks`
      await tx`update process_instances set status = 'cancelled' where status = 'active'`
      // Earlier scenarios' processes are out of reach: a scenario deploys its own (even identical) BPMN.
      await tx`update process_definitions set process_id = process_id || '~' || key::text where process_id not like '%~%'`
    })
    const [row] = await this.sql<{ max: string | null }[]>`select max(key)::text as max from process_instances`
    this.floor = row?.max ?? '0'
  }

  async deploy(resources: Resource[]): Promise<void> {
    await this.engine.deploy(resources, ACTOR)
  }

  async start(processId: string, variables: Variables): Promise<string> {
    const { key } = await this.engine.startInstance({ processId, variables }, ACTOR)
    await this.settle()
    return key
  }

  /** What a running engine does between commands: fire timers that are already due. */
  private async settle(): Promise<void> {
    await this.engine.fireDueTimers()
  }

  /** The instance and every instance it called; '' means every instance of this scenario. */
  private async tree(root: string): Promise<string[]> {
    if (root === '') return (await this.sql<{ key: string }[]>`select key::text from process_instances where key > ${this.floor} order by key`).map((r) => r.key)
    const rows = await this.sql<{ key: string }[]>`select key::text from process_instances where key = ${root} or root_key = ${root} order by key`
    return rows.map((r) => r.key)
  }

  /** Open jobs at the element in the root's tree; when it has none, in any instance of the scenario. */
  private async jobKey(root: string, elementId: string, nth = 0): Promise<string> {
    const find = async (keys: string[]) => this.sql<{ key: string }[]>`
      select key::text from jobs where instance_key = any(${keys}::bigint[]) and element_id = ${elementId} order by key`
    let rows = await find(await this.tree(root))
    if (rows.length === 0 && root !== '') rows = await find(await this.tree(''))
    const row = rows[nth]
    if (!row) throw new Error(`no open job #${nth} at '${elementId}' (open: ${rows.length})`)
    return row.key
  }

  async completeJob(root: string, elementId: string, variables: Variables, nth = 0): Promise<void> {
    await this.engine.completeJob(await this.jobKey(root, elementId, nth), variables)
    await this.settle()
  }

  async failJob(root: string, elementId: string, retries: number, errorMessage: string): Promise<void> {
    await this.engine.failJob(await this.jobKey(root, elementId), errorMessage, { retries, backoffMs: 0 })
    await this.settle()
  }

  async throwError(root: string, elementId: string, errorCode: string, errorMessage: string): Promise<void> {
    await this.engine.throwError(await this.jobKey(root, elementId), errorCode, errorMessage)
    await this.settle()
  }

  async completeUserTask(root: string, elementId: string, variables: Variables, nth = 0): Promise<void> {
    const find = async (keys: string[]) => this.sql<{ key: string }[]>`
      select key::text from user_tasks where instance_key = any(${keys}::bigint[]) and element_id = ${elementId} and state = 'created' order by key`
    let rows = await find(await this.tree(root))
    if (rows.length === 0 && root !== '') rows = await find(await this.tree(''))
    const row = rows[nth]
    if (!row) throw new Error(`no open user task #${nth} at '${elementId}' (open: ${rows.length})`)
    await this.engine.completeUserTask(row.key, variables, ACTOR)
    await this.settle()
  }

  async publishMessage(message: { name: string; correlationKey: string; variables?: Variables; timeToLiveMs?: number }): Promise<void> {
    await this.engine.publishMessage(message, ACTOR)
    await this.settle()
  }

  async advanceClock(ms: number): Promise<void> {
    this.clock.advance(ms)
    await this.settle()
  }

  async cancel(instanceKey: string): Promise<void> {
    await this.engine.cancelInstance(instanceKey, ACTOR)
  }

  async resolveIncidents(root: string): Promise<void> {
    const rows = await this.sql<{ key: string }[]>`
      select key::text from incidents where instance_key = any(${await this.tree(root)}::bigint[]) and state = 'active' order by key`
    for (const row of rows) await this.engine.resolveIncident(row.key, ACTOR)
    await this.settle()
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    await this.engine.setVariables(instanceKey, variables, ACTOR)
  }

  async restart(): Promise<void> {
    await this.engine.stop()
    this.engine = new Engine({ db: this.db, clock: this.clock.now, timers: false })
  }

  async completedElements(instanceKey: string): Promise<string[]> {
    const history = await readHistory(this.sql, instanceKey, 0, 10_000)
    return history.filter((e) => e.type === 'elementCompleted').map((e) => e.elementId!)
  }

  async variables(instanceKey: string): Promise<Variables> {
    return (await getInstance(this.sql, instanceKey))!.state.variables
  }

  async status(instanceKey: string) {
    return (await getInstance(this.sql, instanceKey))!.status
  }

  async activeElements(instanceKey: string): Promise<string[]> {
    return (await getInstance(this.sql, instanceKey))!.state.elements.map((e) => e.elementId).sort()
  }

  async incidents(root: string) {
    return [...await this.sql<{ elementId: string; type: string }[]>`
      select element_id as "elementId", type from incidents where instance_key = any(${await this.tree(root)}::bigint[]) and state = 'active' order by key`]
  }

  async instancesOf(processId: string): Promise<string[]> {
    const rows = await this.sql<{ key: string }[]>`select key::text from process_instances where process_id = ${processId} and key > ${this.floor} order by key`
    return rows.map((r) => r.key)
  }

  async close(): Promise<void> {
    await this.engine.stop()
    await this.db.close()
  }
}
