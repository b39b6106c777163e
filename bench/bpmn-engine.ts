// The in-memory reference: bpmn-engine running (a) at its best. The definition is parsed and
// serialized once and every instance starts from that context (no XML parsing per instance),
// the service task calls a function, nothing is persisted.
import { BpmnModdle } from 'bpmn-moddle'
import * as elements from 'bpmn-elements'
import serialize, { TypeResolver } from 'moddle-context-serializer'
import { Engine } from 'bpmn-engine'
import { SERVICE_TASK_PROCESS_CAMUNDA } from './processes.js'
import { inParallel, type BenchResult } from './stats.js'

const silent = () => ({ debug() {}, error() {}, warn() {} })

export async function benchBpmnEngine(instances = 20_000, concurrency = 32): Promise<BenchResult[]> {
  const moddleContext = await new BpmnModdle().fromXML(SERVICE_TASK_PROCESS_CAMUNDA)
  const sourceContext = serialize(moddleContext, TypeResolver(elements))
  const services = { work: (_context: unknown, next: (error: Error | null) => void) => next(null) }

  const runOne = async () => {
    const engine = new Engine({ name: 'bench-a', sourceContext, services, Logger: silent })
    const ended = new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve())
      engine.once('error', reject)
    })
    await engine.execute()
    await ended
  }
  await inParallel(1_000, concurrency, runOne) // warm-up
  const start = performance.now()
  await inParallel(instances, concurrency, runOne)
  const rate = (instances * 1000) / (performance.now() - start)
  return [{ name: '(a) bpmn-engine in memory, parsed once', value: Math.round(rate), unit: 'instances/s', reference: Math.round(rate), referenceName: 'itself' }]
}
