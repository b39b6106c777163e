// Evaluations per second through our layer (createEvaluator(...).evaluate: derive the facts,
// run, order the events, build the decision) against bare json-rules-engine Engine.run on the
// same rules and the same, already derived, facts. Target: ours >= 0.8 of bare.
// Our layer hands the engine only the facts the rules read (see evaluate.ts); for a fair view
// the bare engine is also timed on that subset, and the ratio against it is printed too.
// evaluateDeployed is the path business-rule task workers and what-if checks take (a deployed
// version, plus picking the facts a decision records); recording the decision is a database
// insert and belongs to the engine-throughput figures, not here.
//
//   node --import tsx bench/rules.ts

import { Engine } from 'json-rules-engine'
import { fileURLToPath } from 'node:url'
import { referencedFacts } from '../src/rules/conditions.js'
import { createEvaluator, ENGINE_OPTIONS, toEngineRule } from '../src/rules/evaluate.js'
import { deriveCaseFacts, type CaseFacts } from '../src/rules/facts.js'
import { loadRuleSet } from '../src/rules/load.js'
import { registerOperators } from '../src/rules/operators.js'
import { evaluateDeployed } from '../src/rules/run.js'
import type { RuleSetVersionRow } from '../src/rules/store.js'
import type { BenchResult } from './stats.js'


const ROUND_MS = 400
const ROUNDS = 5
const NOW = new Date('2025-06-15T12:00:00Z')

/** A spread of cases: plain, one criterion, several, a child with an identity number. */
const CASES: CaseFacts[] = [
  { services: [{ name: 'Hjemmesykepleie', sector: 'health-and-care', provider: 'Hjemmetjenesten', longTerm: true }] },
  { services: [{ name: 'A', sector: 'health-and-care', provider: 'P1' }, { name: 'B', sector: 'nav', provider: 'P2' }] },
  { mentalHealthNeeds: true, substanceUseNeeds: true, responsibilityDisputed: true },
  { identityNumber: '10811550073' /* synthetic (Tenor), born 2015-01-10 */, childHasSeriousCondition: true, needsLongTermHealthServices: true, needsOtherWelfareServices: true },
  { manualEscalation: { reason: 'Uklart ansvar' }, services: [1, 2, 3].map((i) => ({ name: `S${i}`, sector: 'health-and-care', provider: 'P', coordinated: true })) },
]

/** Runs `once` in a loop for ROUND_MS and returns calls per second. */
async function round(once: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now()
  let calls = 0
  while (performance.now() - start < ROUND_MS) {
    for (let i = 0; i < 50; i++) await once(calls++)
  }
  return (calls * 1000) / (performance.now() - start)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function benchRules(): Promise<BenchResult[]> {
  const ruleSet = await loadRuleSet(fileURLToPath(new URL('../rules/complexity.json', import.meta.url)))
  const evaluator = createEvaluator(ruleSet)
  const bare = new Engine(ruleSet.rules.map(toEngineRule), ENGINE_OPTIONS)
  registerOperators(bare)
  const derived = CASES.map((facts) => deriveCaseFacts(facts, NOW))

  const ours = (i: number) => evaluator.evaluate(CASES[i % CASES.length]!, { now: NOW })
  const row: RuleSetVersionRow = {
    key: 'bench', ruleSetId: ruleSet.id, version: 1, declaredVersion: ruleSet.version, subject: ruleSet.subject, description: ruleSet.description,
    checksum: '', content: JSON.stringify(ruleSet), deployedAt: NOW, deployedBy: null,
  }
  const deployed = (i: number) => evaluateDeployed(row, { facts: CASES[i % CASES.length]! }, NOW)
  const reference = (i: number) => bare.run(derived[i % derived.length]!)
  const usedNames = [...ruleSet.rules.reduce((names, rule) => referencedFacts(rule.conditions, names), new Set<string>())]
  const subsets = derived.map((facts) => Object.fromEntries(usedNames.map((name) => [name, (facts as unknown as Record<string, unknown>)[name]])))
  const referenceSubset = (i: number) => bare.run(subsets[i % subsets.length]!)

  // Same answers first: a fast wrong layer is no use.
  for (let i = 0; i < CASES.length; i++) {
    const [a, b] = await Promise.all([ours(i), reference(i)])
    if (a.events.length !== b.events.length) throw new Error(`case ${i}: ${a.events.length} events through our layer, ${b.events.length} bare`)
    if ((await deployed(i)).events.length !== b.events.length) throw new Error(`case ${i}: evaluateDeployed disagrees with the bare engine`)
  }

  await round(ours) // warm-up, both paths
  await round(reference)
  const oursRates: number[] = []
  const bareRates: number[] = []
  const subsetRates: number[] = []
  const deployedRates: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate so drift in machine load hits all alike.
    bareRates.push(await round(reference))
    oursRates.push(await round(ours))
    subsetRates.push(await round(referenceSubset))
    deployedRates.push(await round(deployed))
  }
  const oursRate = median(oursRates)
  const bareRate = median(bareRates)
  const subsetRate = median(subsetRates)
  const deployedRate = median(deployedRates)
  return [
    { name: 'rules: complexity via createEvaluator().evaluate', value: Math.round(oursRate), unit: 'evaluations/s', reference: Math.round(bareRate) },
    { name: 'rules: complexity via bare json-rules-engine Engine.run', value: Math.round(bareRate), unit: 'evaluations/s', reference: Math.round(bareRate) },
    { name: 'rules: complexity via bare Engine.run, only the facts the rules read', value: Math.round(subsetRate), unit: 'evaluations/s', reference: Math.round(bareRate) },
    { name: 'rules: ratio ours / bare', value: Number((oursRate / bareRate).toFixed(3)), unit: 'ratio', reference: 0.8 },
    { name: 'rules: ratio ours / bare on the same fact subset', value: Number((oursRate / subsetRate).toFixed(3)), unit: 'ratio', reference: 0.8 },
    { name: 'rules: complexity via evaluateDeployed (worker and what-if path)', value: Math.round(deployedRate), unit: 'evaluations/s', reference: Math.round(bareRate) },
    { name: 'rules: ratio evaluateDeployed / bare', value: Number((deployedRate / bareRate).toFixed(3)), unit: 'ratio', reference: 0.8 },
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await benchRules()
  const width = Math.max(...results.map((r) => r.name.length))
  console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  ${'reference'.padStart(10)}  unit`)
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)}  ${String(r.reference).padStart(10)}  ${r.unit}`)
}
