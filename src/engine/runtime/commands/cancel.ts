import type { Command } from '../../types.js'
import type { Run } from '../run.js'
import { closeOwned } from '../subscriptions.js'

/** Ends every token, cancels open jobs, user tasks and child instances, closes subscriptions and resolves open incidents. */
export function cancel(run: Run, _command: Extract<Command, { type: 'cancel' }>): void {
  run.terminateScope(0)
  closeOwned(run, 0)
  run.state.status = 'cancelled'
  run.events.push({ type: 'instanceCancelled' })
  run.effects.push({ type: 'instanceCancelled' })
}
