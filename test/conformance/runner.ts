// Runs conformance scenarios against any ConformancePort and says exactly where one differs.
import * as assert from 'uvu/assert'
import { durationMs } from '../../src/engine/store/durations.js'
import type { ConformancePort } from './port.js'
import type { Expectation, Scenario, Step } from './scenario.js'

const firstProcessId = (xml: string) => /<bpmn:process id="([^"]+)"/.exec(xml)?.[1] ?? 'p'

const ms = (value: string | number) => {
  if (typeof value === 'number') return value
  const parsed = durationMs(value)
  if (parsed === null) throw new Error(`not a duration: ${value}`)
  return parsed
}

export async function runScenario(port: ConformancePort, scenario: Scenario): Promise<void> {
  await port.reset()
  const files = Array.isArray(scenario.bpmn) ? scenario.bpmn : [scenario.bpmn]
  await port.deploy(files.map((xml, i) => ({ name: `${scenario.name.slice(0, 40).replace(/\W+/g, '-')}-${i}.bpmn`, xml })))
  let root: string | undefined
  if (!scenario.noStart) root = await port.start(scenario.process ?? firstProcessId(files[0]!), scenario.input ?? {})
  // Without a root (instances started by timers or messages), commands look in every instance.
  const need = () => root ?? ''
  for (const [index, step] of scenario.script.entries()) {
    try {
      await runStep(port, step, need, (key) => (root ??= key))
    } catch (error) {
      throw new Error(`step ${index + 1} ${JSON.stringify(step)} failed: ${(error as Error).message}`)
    }
  }
  await check(port, root, scenario, 'at the end')
}

async function runStep(port: ConformancePort, step: Step, root: () => string, started: (key: string) => void): Promise<void> {
  if ('start' in step) started(await port.start(step.start, step.variables ?? {}))
  else if ('completeJob' in step) await port.completeJob(root(), step.completeJob, step.variables ?? {}, step.nth)
  else if ('failJob' in step) await port.failJob(root(), step.failJob, step.retries, step.message ?? 'failed')
  else if ('throwError' in step) await port.throwError(root(), step.throwError, step.code, step.message ?? '')
  else if ('completeUserTask' in step) await port.completeUserTask(root(), step.completeUserTask, step.variables ?? {}, step.nth)
  else if ('publish' in step) await port.publishMessage({ name: step.publish, correlationKey: step.correlationKey, variables: step.variables ?? {}, timeToLiveMs: step.ttl === undefined ? 0 : ms(step.ttl) })
  else if ('advance' in step) await port.advanceClock(ms(step.advance))
  else if ('cancel' in step) await port.cancel(root())
  else if ('resolveIncidents' in step) await port.resolveIncidents(root())
  else if ('setVariables' in step) await port.setVariables(root(), step.setVariables)
  else if ('restart' in step) await port.restart()
  else if ('deploy' in step) await port.deploy([{ name: `mid-script-${Date.now()}.bpmn`, xml: step.deploy }])
  else if ('expect' in step) await check(port, root(), step.expect, 'mid-script')
}

async function check(port: ConformancePort, root: string | undefined | '', expected: Expectation & { finalVariables?: Scenario['finalVariables'] }, when: string): Promise<void> {
  if (root) {
    if (expected.trail) assert.equal(await port.completedElements(root), expected.trail, `trail ${when}`)
    if (expected.status) assert.is(await port.status(root), expected.status, `status ${when}`)
    if (expected.waitingAt) assert.equal(await port.activeElements(root), [...expected.waitingAt].sort(), `waiting at ${when}`)
    if (expected.variables) {
      const actual = await port.variables(root)
      for (const [name, value] of Object.entries(expected.variables)) assert.equal(actual[name], value, `variable ${name} ${when}`)
    }
    if (expected.finalVariables) assert.equal(await port.variables(root), expected.finalVariables, `variables ${when}`)
    if (expected.incidents) assert.equal(await port.incidents(root), expected.incidents, `incidents ${when}`)
  }
  for (const [processId, instances] of Object.entries(expected.instances ?? {})) {
    const keys = await port.instancesOf(processId)
    assert.is(keys.length, instances.length, `number of ${processId} instances ${when}`)
    for (const [i, instance] of instances.entries()) {
      if (instance.trail) assert.equal(await port.completedElements(keys[i]!), instance.trail, `trail of ${processId} #${i + 1} ${when}`)
      if (instance.status) assert.is(await port.status(keys[i]!), instance.status, `status of ${processId} #${i + 1} ${when}`)
      if (instance.variables) {
        const actual = await port.variables(keys[i]!)
        for (const [name, value] of Object.entries(instance.variables)) assert.equal(actual[name], value, `variable ${name} of ${processId} #${i + 1} ${when}`)
      }
    }
  }
}
