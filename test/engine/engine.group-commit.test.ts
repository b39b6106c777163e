// Group commit on a real database: commands issued together share a transaction (the rows they
// write carry one xmin), each keeps its own outcome, and a refused command among them reaches
// only its own caller while the others land.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testEngine, type TestEngine } from '../helpers/engine.js'
import { definitionOf, startEvent, endEvent, serviceTask, userTask, gateway, chain, flow } from './helpers.js'
import { readHistory } from '../../src/engine/store/history.js'
import { getInstance } from '../../src/engine/store/instances.js'
import { SamflytError } from '../../src/errors.js'

const ONE_JOB = definitionOf('one-job', startEvent(), serviceTask('work'), endEvent(), chain('start', 'work', 'end'))
const TWO_JOBS = definitionOf('two-jobs',
  startEvent(), gateway('parallel', 'fork'), serviceTask('a', 'left'), serviceTask('b', 'right'), gateway('parallel', 'join'), endEvent(),
  flow('start', 'fork'), flow('fork', 'a'), flow('fork', 'b'), flow('a', 'join'), flow('b', 'join'), flow('join', 'end'))
const ONE_TASK = definitionOf('one-task', startEvent(), userTask('review'), endEvent(), chain('start', 'review', 'end'))

let t: TestEngine
test.before(async () => {
  t = await testEngine({ timers: false })
  await t.engine.deploy([
    { name: 'one-job.bpmn', xml: ONE_JOB },
    { name: 'two-jobs.bpmn', xml: TWO_JOBS },
    { name: 'one-task.bpmn', xml: ONE_TASK },
  ], 'per')
})
test.after(async () => {
  await t.close()
})

const jobsOf = (keys: string[]) =>
  t.db.sql<{ key: string; instanceKey: string; elementId: string }[]>`
    select key::text, instance_key::text as "instanceKey", element_id as "elementId" from jobs where instance_key = any(${keys}::bigint[]) order by jobs.key`
const transactionsOf = async (keys: string[]) => {
  const [row] = await t.db.sql<{ n: number }[]>`select count(distinct xmin::text)::int as n from process_instances where key = any(${keys}::bigint[])`
  return row!.n
}
const startMany = (processId: string, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => t.engine.startInstance({ processId, variables: { i } }, 'kari'))).then((started) => started.map((s) => s.key))

test('starts issued together share transactions, and each instance is whole: its row, history and job', async () => {
  const keys = await startMany('one-job', 40)
  assert.is(new Set(keys).size, 40, 'forty distinct keys')
  assert.ok((await transactionsOf(keys)) < 40, 'fewer transactions than starts')
  const jobs = await jobsOf(keys)
  assert.equal(jobs.map((job) => job.instanceKey).sort(), [...keys].sort(), 'one job per instance')
  for (const [index, key] of keys.entries()) {
    const instance = (await getInstance(t.db.sql, key))!
    assert.equal(instance.state.variables, { i: index })
    const history = await readHistory(t.db.sql, key)
    assert.equal(history.map((event) => event.seq), history.map((_, i) => i + 1), 'gap-free history')
    assert.is(instance.historySeq, history.length)
    assert.is(history.at(-1)!.type, 'jobCreated')
    assert.is(history[0]!.actor, 'kari')
  }
})

test('a stale job among completions issued together fails alone; the others land', async () => {
  const keys = await startMany('one-job', 20)
  const jobs = await jobsOf(keys)
  await t.engine.completeJob(jobs[5]!.key, { done: 'early' }, undefined)
  const outcomes = await Promise.allSettled(jobs.map((job, i) => t.engine.completeJob(job.key, { done: i }, undefined)))
  const refused = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [[i, outcome.reason] as const] : []))
  assert.is(refused.length, 1, 'only the job completed before is refused')
  assert.is(refused[0]![0], 5)
  assert.instance(refused[0]![1], SamflytError)
  assert.is((refused[0]![1] as SamflytError).code, 'SAMFLYT_NOT_FOUND')
  for (const [i, job] of jobs.entries()) {
    const instance = (await getInstance(t.db.sql, job.instanceKey))!
    assert.is(instance.status, 'completed')
    assert.is(instance.state.variables.done, i === 5 ? 'early' : i)
    const completions = (await readHistory(t.db.sql, job.instanceKey)).filter((event) => event.type === 'jobCompleted')
    assert.is(completions.length, 1, 'each job completed once')
  }
  assert.is((await jobsOf(keys)).length, 0, 'no job left')
})

test('two jobs of one instance completed together both count: the join passes once and the instance ends', async () => {
  const keys = await startMany('two-jobs', 10)
  const jobs = await jobsOf(keys)
  assert.is(jobs.length, 20)
  await Promise.all(jobs.map((job) => t.engine.completeJob({ key: job.key, instanceKey: job.instanceKey }, { [job.elementId]: true }, undefined)))
  for (const key of keys) {
    const instance = (await getInstance(t.db.sql, key))!
    assert.is(instance.status, 'completed')
    assert.equal(instance.state.variables, { i: keys.indexOf(key), a: true, b: true })
    const history = await readHistory(t.db.sql, key)
    assert.equal(history.map((event) => event.seq), history.map((_, i) => i + 1), 'gap-free history')
    assert.is(history.filter((event) => event.type === 'elementCompleted' && event.elementId === 'join').length, 1)
  }
})

test('user tasks completed together: a task claimed by someone else is refused (409) and stays open; the rest complete', async () => {
  const keys = await startMany('one-task', 12)
  const tasks = await t.db.sql<{ key: string; instanceKey: string }[]>`
    select key::text, instance_key::text as "instanceKey" from user_tasks where instance_key = any(${keys}::bigint[]) order by user_tasks.key`
  await t.engine.assignUserTask(tasks[3]!.key, 'siri', 'siri')
  const outcomes = await Promise.allSettled(tasks.map((task) => t.engine.completeUserTask(task.key, { approved: true }, 'kari')))
  assert.equal(outcomes.map((outcome) => outcome.status), tasks.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')))
  assert.is(((outcomes[3] as PromiseRejectedResult).reason as SamflytError).code, 'SAMFLYT_CONFLICT')
  const states = await t.db.sql<{ state: string; completedBy: string | null }[]>`
    select state, completed_by as "completedBy" from user_tasks where key = any(${tasks.map((task) => task.key)}::bigint[]) order by user_tasks.key`
  assert.equal(states.map((row) => row.state), tasks.map((_, i) => (i === 3 ? 'created' : 'completed')))
  assert.equal(states.filter((row) => row.state === 'completed').map((row) => row.completedBy), Array(11).fill('kari'))
  assert.is((await getInstance(t.db.sql, tasks[3]!.instanceKey))!.status, 'active')
  assert.is((await getInstance(t.db.sql, tasks[0]!.instanceKey))!.status, 'completed')
})

test.run()
