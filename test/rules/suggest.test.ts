import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { CoordinatorCandidate } from '../../src/rules/candidate-facts.js'
import { rankCoordinators } from '../../src/rules/suggest.js'
import { shipped } from './fixtures/shipped.js'

const NOW = new Date('2025-06-15T12:00:00Z')
const candidate = (id: string, overrides: Partial<CoordinatorCandidate>): CoordinatorCandidate => ({
  id, name: `Koordinator ${id}`, unit: 'Helsehuset', profession: 'sykepleier',
  trainingCompleted: true, childCoordinatorQualified: false, capacity: 10, currentLoad: 5, ...overrides,
})

const REGISTER = [
  candidate('anne', { capacity: 10, currentLoad: 2 }), // trained, much room
  candidate('bjorn', { capacity: 5, currentLoad: 4, childCoordinatorQualified: true }), // trained, little room, child-qualified
  candidate('cecilie', { trainingCompleted: false, capacity: 10, currentLoad: 0 }), // untrained
  candidate('dag', { capacity: 3, currentLoad: 3 }), // full
]
const order = (ranked: { candidate: { id: string } }[]) => ranked.map((r) => r.candidate.id)

test('without a wish: training and capacity rank, a full coordinator is excluded and last', async () => {
  const ranked = await rankCoordinators(await shipped('coordinator-suggestion'), {}, REGISTER, NOW)
  assert.equal(order(ranked), ['anne', 'bjorn', 'cecilie', 'dag'])
  assert.ok(ranked[0]!.score > ranked[1]!.score && ranked[1]!.score > ranked[2]!.score)
  assert.is(ranked[3]!.excluded, true)
  assert.ok(ranked[3]!.reasons.some((r) => r.excludes && /kapasitet/.test(r.reason)))
  assert.is(ranked[0]!.score, ranked[0]!.reasons.reduce((sum, r) => sum + r.points, 0))
})

test('the person\'s wish outweighs training and capacity', async () => {
  const ranked = await rankCoordinators(await shipped('coordinator-suggestion'), { coordinatorWish: 'cecilie' }, REGISTER, NOW)
  assert.is(order(ranked)[0], 'cecilie')
  assert.ok(ranked[0]!.reasons.some((r) => r.rule === 'wished-by-person' && r.points > 0))
  assert.is(ranked[0]!.facts.candidate.wishedByPerson, true)
})

test('a wish cannot place a coordinator with no capacity left', async () => {
  const ranked = await rankCoordinators(await shipped('coordinator-suggestion'), { coordinatorWish: 'dag' }, REGISTER, NOW)
  assert.equal(order(ranked).at(-1), 'dag')
  assert.is(ranked.at(-1)!.excluded, true)
})

test('a child-coordinator case puts qualified coordinators first and excludes the others', async () => {
  const ranked = await rankCoordinators(await shipped('coordinator-suggestion'), { needsChildCoordinator: true }, REGISTER, NOW)
  assert.is(order(ranked)[0], 'bjorn')
  assert.is(ranked[0]!.excluded, false)
  for (const r of ranked.slice(1)) {
    assert.is(r.excluded, true, r.candidate.id)
    assert.ok(r.reasons.some((reason) => reason.rule === 'not-child-coordinator-qualified' || reason.rule === 'no-capacity'))
  }
})

test('more capacity ranks higher when all else is equal; ties go by name, not register order', async () => {
  const set = await shipped('coordinator-suggestion')
  const roomy = candidate('x', { name: 'Berit', capacity: 10, currentLoad: 0 })
  const tight = candidate('y', { name: 'Arne', capacity: 10, currentLoad: 9 })
  assert.equal(order(await rankCoordinators(set, {}, [tight, roomy], NOW)), ['x', 'y'])
  const twin = candidate('z', { name: 'Arne', capacity: 10, currentLoad: 0 })
  assert.equal(order(await rankCoordinators(set, {}, [roomy, twin], NOW)), ['z', 'x'])
  assert.equal(order(await rankCoordinators(set, {}, [twin, roomy], NOW)), ['z', 'x'])
})

test('only a candidate rule set can rank', async () => {
  try {
    await rankCoordinators(await shipped('complexity'), {}, REGISTER, NOW)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.match((error as Error).message, /not a candidate rule set/)
  }
})

test.run()
