// The hash chain's own cost, on one core and without a database: history rows as the engine
// writes them for a start, service task and end (bench shape (a)), chained (canonical JSON and
// two SHA-256 per row) against the same rows only serialised to JSON, which the write buffer does anyway.
import { historyRows } from '../src/engine/store/history.js'
import type { HistoryEvent } from '../src/engine/types.js'
import type { BenchResult } from './stats.js'

const EVENTS = [
  { type: 'instanceStarted', processId: 'bench-a', businessKey: null, variables: { orderId: 'A-1001', amount: 1250, customer: { name: 'Kari Nordmann', tier: 'gold' } } },
  { type: 'elementActivated', elementId: 'start', elementInstanceId: 1, elementKind: 'startEvent', scope: 0 },
  { type: 'elementCompleted', elementId: 'start', elementInstanceId: 1, elementKind: 'startEvent' },
  { type: 'flowTaken', flowId: 'start-work', sourceId: 'start', targetId: 'work' },
  { type: 'elementActivated', elementId: 'work', elementInstanceId: 2, elementKind: 'serviceTask', scope: 0 },
  { type: 'jobCreated', elementId: 'work', elementInstanceId: 2, jobType: 'work', retries: 3 },
  { type: 'jobCompleted', elementId: 'work', elementInstanceId: 2, variables: { done: true } },
  { type: 'elementCompleted', elementId: 'work', elementInstanceId: 2, elementKind: 'serviceTask' },
  { type: 'flowTaken', flowId: 'work-end', sourceId: 'work', targetId: 'end' },
  { type: 'instanceCompleted' },
] as unknown as HistoryEvent[]

export function benchAuditChain(instances: number): BenchResult[] {
  const at = new Date()
  // CPU time, not wall time: on a shared machine the wall clock measures the neighbours.
  const rate = (work: (i: number) => void) => {
    const started = process.cpuUsage()
    for (let i = 0; i < instances; i++) work(i)
    const used = process.cpuUsage(started)
    return Math.round((instances * EVENTS.length) / ((used.user + used.system) / 1e6))
  }
  const plain = rate((i) => JSON.stringify(EVENTS.map((event, index) => ({ instance_key: String(i), seq: index + 1, at, data: event }))))
  const chained = rate((i) => JSON.stringify(historyRows(String(i), 0, null, EVENTS, 'bench', at, (data) => data).rows))
  const perRowUs = Number((1e6 / chained - 1e6 / plain).toFixed(2))
  return [
    { name: 'audit: history rows chained and serialised per CPU second', value: chained, unit: 'rows/s', reference: plain, referenceName: 'serialised only' },
    { name: 'audit: the chain\'s cost per history row', value: perRowUs, unit: 'µs', reference: Number.NaN, referenceName: '' },
  ]
}
