// Timers and messages in the embedded engine, on a real Postgres:
// - 10,000 instances each waiting on a 1 s timer, started as fast as the engine takes them while
//   the timer loop fires: the delay from each timer's due time to its firing, p50 and p99 (ms);
// - correlating messages by key among 100,000 open subscriptions: correlations per second.
// References are targets (no other engine here runs timers or messages in the same run):
// a timer fires within 100 ms of due at p50 and 1 s at p99 under that load; 500 correlations/s.
//
//   node --import tsx bench/engine-events.ts            (on a database of its own, samflyt_bench_events)
import { openDatabase } from '../src/db/connect.js'
import { Engine } from '../src/engine/engine.js'
import type { BenchResult } from './stats.js'
import { inParallel, quantile, round1 } from './stats.js'

const XML = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://bpmn.io/schema/bpmn">${body}</bpmn:definitions>`

const TIMER = XML(`<bpmn:process id="bench-timer" isExecutable="true">
  <bpmn:startEvent id="start"/><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/></bpmn:process>`)

const MESSAGE = XML(`<bpmn:process id="bench-message" isExecutable="true">
  <bpmn:startEvent id="start"/><bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent><bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="paid"/><bpmn:sequenceFlow id="f2" sourceRef="paid" targetRef="end"/></bpmn:process>
  <bpmn:message id="m" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`)

export async function benchEngineEvents(databaseUrl: string, options: { timers?: number; subscriptions?: number; correlations?: number } = {}): Promise<BenchResult[]> {
  const timers = options.timers ?? 10_000
  const subscriptions = options.subscriptions ?? 100_000
  const correlations = options.correlations ?? 3_000
  const db = await openDatabase({ databaseUrl, maxConnections: 10 })
  const engine = new Engine({ db })
  const results: BenchResult[] = []
  try {
    // ---------------------------------------------------------------- timers
    await engine.deploy([{ name: 'bench-timer.bpmn', xml: TIMER }], 'bench')
    await inParallel(timers, 8, async () => {
      await engine.startInstance({ processId: 'bench-timer' }, 'bench')
    })
    for (;;) {
      const [row] = await db.sql<{ open: number }[]>`select count(*)::int as open from process_instances where process_id = 'bench-timer' and status = 'active'`
      if (row!.open === 0) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const delays = (await db.sql<{ delay: number }[]>`
      select extract(epoch from (h.at - (h.data ->> 'dueAt')::timestamptz)) * 1000 as delay
      from history h join process_instances i on i.key = h.instance_key
      where i.process_id = 'bench-timer' and h.type = 'timerFired'`).map((r) => Number(r.delay))
    results.push(
      { name: `timers: delay from due to fired, p50 (${timers} instances on a 1 s timer)`, value: round1(quantile(delays, 0.5)), unit: 'ms', reference: 100, referenceName: 'target' },
      { name: `timers: delay from due to fired, p99 (${timers} instances on a 1 s timer)`, value: round1(quantile(delays, 0.99)), unit: 'ms', reference: 1000, referenceName: 'target' },
    )

    if (process.env.BENCH_VERBOSE) console.error('timers done', results)
    // ---------------------------------------------------------------- messages
    await engine.deploy([{ name: 'bench-message.bpmn', xml: MESSAGE }], 'bench')
    const { key: template } = await engine.startInstance({ processId: 'bench-message', variables: { orderId: 'order-0' } }, 'bench')
    // The other subscriptions are copies of this waiting instance (each with its own key), made in
    // SQL: starting 100,000 instances one by one would measure starts, not correlation.
    await db.sql`
      with copies as (
        insert into process_instances (definition_key, process_id, version, business_key, status, state, history_seq, started_at)
        select definition_key, process_id, version, 'order-' || n, status,
               jsonb_set(state, '{variables,orderId}', to_jsonb('order-' || n)), history_seq, started_at
        from process_instances, generate_series(1, ${subscriptions - 1}) n where key = ${template}
        returning key, business_key)
      insert into message_subscriptions (instance_key, subscription_id, process_id, element_id, element_instance_id, message_name, correlation_key, interrupting)
      select c.key, s.subscription_id, s.process_id, s.element_id, s.element_instance_id, s.message_name, c.business_key, s.interrupting
      from copies c, message_subscriptions s where s.instance_key = ${template}`
    await db.sql`analyze message_subscriptions`
    if (process.env.BENCH_VERBOSE) console.error('subscriptions ready')
    const [open] = await db.sql<{ n: number }[]>`select count(*)::int as n from message_subscriptions where message_name = 'paid'`
    // Distinct random keys, so each message finds its one subscription among all the others.
    const keys = Array.from({ length: Math.min(correlations, subscriptions) }, (_, i) => `order-${(i * 7919) % subscriptions}`)
    const started = performance.now()
    let correlated = 0
    await inParallel(keys.length, 8, async (i) => {
      const published = await engine.publishMessage({ name: 'paid', correlationKey: keys[i]!, variables: { amount: i } }, 'bench')
      correlated += published.correlations.length
    })
    const seconds = (performance.now() - started) / 1000
    if (correlated !== keys.length) throw new Error(`expected ${keys.length} correlations, got ${correlated}`)
    results.push({ name: `messages: correlations by key among ${open!.n} open subscriptions`, value: Math.round(correlated / seconds), unit: 'correlations/s', reference: 500, referenceName: 'target' })
  } finally {
    await engine.stop()
    await db.close()
  }
  return results
}

// Run alone, it uses a database of its own, so it can run beside `npm run bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { freshBenchDatabase } = await import('./database.js')
  for (const result of await benchEngineEvents(await freshBenchDatabase('samflyt_bench_events'))) console.log(JSON.stringify(result))
}
