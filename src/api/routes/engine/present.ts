// Rows as the API shows them: dates as ISO strings, no internals. A reader whose role oversees
// the processes but who may not read the case an instance belongs to (a process owner) gets it
// `withheld`: the same shape without the case data (variables, history data).
import type { IncidentRow } from '../../../engine/store/incidents.js'
import type { ChildRow, InstanceRow } from '../../../engine/store/instances.js'
import type { UserTaskRow } from '../../../engine/store/user-tasks.js'
import type { HistoryRow } from '../../../engine/store/history.js'

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString())

export const presentIncident = (row: IncidentRow) => ({
  key: row.key,
  instanceKey: row.instanceKey,
  elementId: row.elementId,
  elementInstanceId: row.elementInstanceId,
  type: row.type,
  message: row.message,
  state: row.state,
  createdAt: iso(row.createdAt)!,
  resolvedAt: iso(row.resolvedAt),
  resolvedBy: row.resolvedBy,
})

export const presentTask = (row: UserTaskRow, withheld = false) => ({
  ...row,
  ...(withheld ? { variables: {}, withheld: true } : {}),
  dueDate: iso(row.dueDate),
  followUpDate: iso(row.followUpDate),
  createdAt: iso(row.createdAt)!,
  completedAt: iso(row.completedAt),
})

export const presentInstance = (row: InstanceRow, incidents: IncidentRow[], children: ChildRow[] = [], withheld = false) => ({
  key: row.key,
  processId: row.processId,
  version: row.version,
  definitionKey: row.definitionKey,
  businessKey: row.businessKey,
  status: row.status,
  startedAt: iso(row.startedAt)!,
  endedAt: iso(row.endedAt),
  activeElements: row.state.elements.map((e) => ({ elementInstanceId: e.id, elementId: e.elementId, status: e.status })),
  variables: withheld ? {} : row.state.variables,
  ...(withheld ? { withheld: true } : {}),
  incidents: incidents.map(presentIncident),
  parent: row.parentKey ? { instanceKey: row.parentKey, elementInstanceId: row.parentElementInstanceId!, rootInstanceKey: row.rootKey! } : null,
  children: children.map((child) => ({ instanceKey: child.key, processId: child.processId, version: child.version, status: child.status, parentElementInstanceId: child.parentElementInstanceId })),
})

export const presentHistory = (row: HistoryRow, withheld = false) => ({ ...row, ...(withheld ? { data: {} } : {}), at: iso(row.at)! })
