// The processes the KE casework owns are run by the casework only: a ke-sak instance is started
// by intake (POST /api/cases), which writes the case with it in one transaction; its variables
// change through its tasks' forms and its workers; it is withdrawn through the case. Through the
// generic engine routes (start, set variables, cancel, publish a message) such a process could be
// started for a case that exists already, or a case's facts rewritten, behind the case's back,
// so those routes refuse a domain process with 403 naming the route to use.
//
// The domain's processes are ke-sak and every process it calls (call activities whose process
// id is written out; a FEEL-computed one cannot be known ahead, and the diagrams have none), in
// every deployed version. The message names are those their message events wait for.
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { Element, Expression, ProcessModel } from '../engine/types.js'
import { SamflytError } from '../errors.js'
import { KE_PROCESS_ID } from './types.js'

const staticValue = (expression: Expression | null | undefined): string | null =>
  expression && 'value' in expression ? expression.value : null

function calledProcesses(model: ProcessModel): string[] {
  return Object.values(model.elements).flatMap((element: Element) => {
    const called = element.kind === 'callActivity' ? staticValue(element.processId) : null
    return called ? [called] : []
  })
}

function messageNames(model: ProcessModel): string[] {
  return Object.values(model.elements).flatMap((element) => {
    const trigger = 'trigger' in element ? element.trigger : null
    const message = trigger && trigger.type === 'message' ? trigger.message : element.kind === 'receiveTask' ? element.message : null
    const name = message ? staticValue(message.name) : null
    return name ? [name] : []
  })
}

export interface DomainProcesses {
  processIds: Set<string>
  messageNames: Set<string>
}

/** ke-sak and what it calls, in every deployed version, with the messages they wait for. */
export async function domainProcesses(sql: Sql, engine: Engine): Promise<DomainProcesses> {
  const processIds = new Set<string>([KE_PROCESS_ID])
  const names = new Set<string>()
  let frontier = [KE_PROCESS_ID]
  while (frontier.length > 0) {
    const definitions = await sql<{ key: string }[]>`select key::text from process_definitions where process_id = any(${frontier})`
    const next: string[] = []
    for (const { key } of definitions) {
      const model = await engine.model(key)
      for (const name of messageNames(model)) names.add(name)
      for (const called of calledProcesses(model)) {
        if (!processIds.has(called)) {
          processIds.add(called)
          next.push(called)
        }
      }
    }
    frontier = next
  }
  return { processIds, messageNames: names }
}

const refused = (message: string) => new SamflytError('SAMFLYT_FORBIDDEN', message)

/** Refuses starting a domain process through the generic engine route. */
export async function checkStartAllowed(sql: Sql, engine: Engine, processId: string): Promise<void> {
  if (!(await domainProcesses(sql, engine)).processIds.has(processId)) return
  throw refused(`${processId} is run by the KE casework and is started only by registering an enquiry (POST /api/cases), which creates its case with it`)
}

/** Refuses changing (variables, cancel) an instance of a domain process, or one in a domain process's call tree, through the generic engine routes. */
export async function checkChangeAllowed(sql: Sql, engine: Engine, instanceKey: string, what: 'variables' | 'cancel'): Promise<void> {
  const [tree] = await sql<{ processId: string; rootProcessId: string }[]>`
    select i.process_id as "processId", r.process_id as "rootProcessId"
    from process_instances i join process_instances r on r.key = coalesce(i.root_key, i.key) where i.key = ${instanceKey}`
  if (!tree) return
  const { processIds } = await domainProcesses(sql, engine)
  const owned = [tree.processId, tree.rootProcessId].find((id) => processIds.has(id))
  if (!owned) return
  throw refused(what === 'variables'
    ? `Process instance ${instanceKey} (${owned}) is run by the KE casework: its variables change only through its tasks' forms (POST /api/user-tasks/{key}/complete), not here`
    : `Process instance ${instanceKey} (${owned}) is run by the KE casework: end it by withdrawing its case (POST /api/cases/{id}/withdraw), not here`)
}

/** Refuses publishing a message that a domain process waits for or starts on. */
export async function checkMessageAllowed(sql: Sql, engine: Engine, name: string): Promise<void> {
  const { processIds, messageNames: names } = await domainProcesses(sql, engine)
  let owned = names.has(name)
  if (!owned) {
    const [subscribed] = await sql`select 1 from message_subscriptions where message_name = ${name} and process_id = any(${[...processIds]}) limit 1`
    owned = subscribed !== undefined
  }
  if (owned) throw refused(`Message '${name}' is for a process the KE casework runs; the casework publishes it itself (a withdrawal: POST /api/cases/{id}/withdraw)`)
}
