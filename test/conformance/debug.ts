// Runs the scenarios whose name contains argv[2], printing each failure in full (for debugging).
import { EmbeddedPort } from './embedded.js'
import { runScenario } from './runner.js'
import { scenarios as timers } from './scenarios/timers.js'
import { scenarios as messages } from './scenarios/messages.js'
import { scenarios as errors } from './scenarios/errors.js'
import { scenarios as scopes } from './scenarios/scopes.js'
import { scenarios as calls } from './scenarios/calls.js'
import { scenarios as multiInstance } from './scenarios/multi-instance.js'
import { scenarios as interactions } from './scenarios/interactions.js'

const all = [...timers, ...messages, ...errors, ...scopes, ...calls, ...multiInstance, ...interactions]
const port = await EmbeddedPort.open()
let failed = 0
const pending = setInterval(() => {}, 1000)
for (const scenario of all.filter((s) => s.name.includes(process.argv[2] ?? ''))) {
  try {
    await runScenario(port, scenario)
    console.log(`ok   ${scenario.name}`)
  } catch (error) {
    failed++
    console.log(`FAIL ${scenario.name}\n     ${(error as Error).message}\n${(error as { details?: string }).details ?? ""}`)
  }
}
clearInterval(pending)
await port.close()
console.log(`${failed} failed`)
