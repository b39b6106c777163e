// The path a case took through its diagrams, for drawing on them: for each of its instances
// (the case's own and those it called), the definition it ran (its BPMN XML, the exact version),
// each element's visit count, the flows taken, where it stands now, incidents still open and
// branches cancelled. Read from the engine's history.
import type { Sql } from '../../db/connect.js'
import { historyOf } from '../chains.js'

export interface InstancePath {
  instanceKey: string
  parentKey: string | null
  processId: string
  version: number
  status: string
  xml: string
  /** Element id to the number of times it was entered. */
  visits: Record<string, number>
  /** Flow id to the number of times it was taken. */
  flows: Record<string, number>
  /** Elements a token waits at now. */
  active: string[]
  /** Elements with an open incident. */
  incidents: string[]
  /** Elements cancelled (an interrupting event, a withdrawal). */
  terminated: string[]
}

export async function casePath(sql: Sql, rootKey: string): Promise<InstancePath[]> {
  const instances = await sql<{ key: string; parentKey: string | null; processId: string; version: number; status: string; xml: string }[]>`
    select p.key::text, p.parent_key::text as "parentKey", p.process_id as "processId", p.version, p.status, d.xml
    from process_instances p join process_definitions d on d.key = p.definition_key
    where p.key = ${rootKey} or p.root_key = ${rootKey} order by p.key`
  const paths: InstancePath[] = []
  for (const instance of instances) {
    const visits: Record<string, number> = {}
    const flows: Record<string, number> = {}
    const open = new Map<number, string>()
    const incidents = new Map<number, string>()
    const terminated = new Set<string>()
    for (const row of await historyOf(sql, instance.key)) {
      const data = (row.data ?? {}) as Record<string, unknown>
      switch (row.type) {
        case 'elementActivated':
          if (row.elementId) visits[row.elementId] = (visits[row.elementId] ?? 0) + 1
          if (row.elementInstanceId !== null && row.elementId) open.set(row.elementInstanceId, row.elementId)
          break
        case 'elementCompleted':
          if (row.elementInstanceId !== null) open.delete(row.elementInstanceId)
          break
        case 'elementTerminated':
          if (row.elementInstanceId !== null) open.delete(row.elementInstanceId)
          if (row.elementId) terminated.add(row.elementId)
          break
        case 'flowTaken': {
          const flow = typeof data.flowId === 'string' ? data.flowId : null
          if (flow) flows[flow] = (flows[flow] ?? 0) + 1
          break
        }
        case 'incidentRaised':
          if (typeof data.incidentId === 'number' && row.elementId) incidents.set(data.incidentId, row.elementId)
          break
        case 'incidentResolved':
          if (typeof data.incidentId === 'number') incidents.delete(data.incidentId)
          break
      }
    }
    // Sub-processes that still hold a token are not where the case stands: their innermost steps are.
    const containers = new Set(instance.xml.match(/<bpmn:subProcess id="([^"]+)"/g)?.map((m) => m.slice(20, -1)) ?? [])
    paths.push({
      instanceKey: instance.key, parentKey: instance.parentKey, processId: instance.processId, version: instance.version, status: instance.status, xml: instance.xml,
      visits, flows,
      active: [...new Set(open.values())].filter((id) => !containers.has(id) && id !== instance.processId),
      incidents: [...new Set(incidents.values())],
      terminated: [...terminated].filter((id) => !containers.has(id)),
    })
  }
  return paths
}
