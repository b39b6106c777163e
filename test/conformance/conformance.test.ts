// The conformance suite against the embedded engine on a real database (PGlite, or Postgres with
// DATABASE_URL). Every scenario is a test named after it; a failure says which step or check.
import { test } from 'uvu'
import { EmbeddedPort } from './embedded.js'
import { runScenario } from './runner.js'
import type { Scenario } from './scenario.js'
import { scenarios as timers } from './scenarios/timers.js'
import { scenarios as messages } from './scenarios/messages.js'
import { scenarios as errors } from './scenarios/errors.js'
import { scenarios as scopes } from './scenarios/scopes.js'
import { scenarios as calls } from './scenarios/calls.js'
import { scenarios as multiInstance } from './scenarios/multi-instance.js'
import { scenarios as interactions } from './scenarios/interactions.js'

export const ALL: [string, Scenario[]][] = [
  ['timers', timers], ['messages', messages], ['errors', errors], ['scopes', scopes],
  ['calls', calls], ['multi-instance', multiInstance], ['interactions', interactions],
]

let port: EmbeddedPort
// The embedded database's socket does not keep Node alive by itself while a step awaits it.
let keepAlive: ReturnType<typeof setInterval>
test.before(async () => {
  keepAlive = setInterval(() => {}, 60_000)
  port = await EmbeddedPort.open()
})
test.after(async () => {
  await port.close()
  clearInterval(keepAlive)
})

const only = process.env.SCENARIO
for (const [group, scenarios] of ALL) {
  for (const scenario of scenarios) {
    if (only && !`${group}: ${scenario.name}`.includes(only)) continue
    test(`${group}: ${scenario.name}`, () => runScenario(port, scenario))
  }
}

test.run()
