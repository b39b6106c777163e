// Start-up: the shipped rule sets are deployed and served, and starting again changes nothing.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { testEngine } from '../helpers/engine.js'
import { Engine } from '../../src/engine/engine.js'
import { startRules } from '../../src/rules/start.js'
import { registerRuleWorkers } from '../../src/rules/worker.js'
import { listRuleSetVersions } from '../../src/rules/store.js'
import { RULES_DIR } from './fixtures/shipped.js'

const SHIPPED = ['child-coordinator', 'complexity', 'coordinator', 'coordinator-suggestion', 'individual-plan']

test('the shipped rule sets are deployed at start-up, each gets a worker, and a restart deploys nothing new', async () => {
  const t = await testEngine()
  try {
    const workers = await startRules(t.engine, t.db.sql, undefined, RULES_DIR)
    assert.equal([...workers.ruleSetIds].sort(), SHIPPED)
    const before = await listRuleSetVersions(t.db.sql)
    assert.equal(before.map((row) => `${row.ruleSetId}:${row.version}`), SHIPPED.map((id) => `${id}:1`))

    // Another process on the same database (or this one, started again).
    const restarted = new Engine({ db: t.db })
    try {
      const again = await startRules(restarted, t.db.sql, undefined, RULES_DIR)
      assert.equal([...again.ruleSetIds].sort(), SHIPPED)
      assert.equal((await listRuleSetVersions(t.db.sql)).map((row) => row.key), before.map((row) => row.key))
    } finally {
      await restarted.stop()
    }
  } finally {
    await t.close()
  }
})

test('rule workers registered before the shipped rule sets are deployed still get them', async () => {
  const t = await testEngine()
  try {
    const early = await registerRuleWorkers(t.engine, t.db.sql)
    assert.equal([...early.ruleSetIds], [])
    const workers = await startRules(t.engine, t.db.sql, undefined, RULES_DIR)
    assert.is(workers, early)
    assert.equal([...workers.ruleSetIds].sort(), SHIPPED)
  } finally {
    await t.close()
  }
})

test.run()
