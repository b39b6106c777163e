// A timer fired or a message was correlated: the subscription's event happens.
// Where it leads depends on the element it belongs to: a catch event or receive
// task completes; a branch of an event-based gateway wins over the others; a
// boundary event fires on its activity; an event sub-process starts. A
// non-interrupting event keeps its subscription (a cycle is rescheduled; a
// date or duration timer fires once).
import { CommandRejectedError } from '../../errors.js'
import type { Command, SubscriptionState, TimerSubscriptionState, Variables } from '../../types.js'
import { triggerBoundary, triggerEventSubProcess } from '../event-scopes.js'
import type { Run } from '../run.js'
import { closeOwned, closeSubscription } from '../subscriptions.js'
import { nextRepetition } from '../timers.js'

export function triggerTimer(run: Run, command: Extract<Command, { type: 'triggerTimer' }>): void {
  const subscription = openSubscription(run, command.subscriptionId, 'timer') as TimerSubscriptionState
  const ref = { elementInstanceId: subscription.elementInstanceId, elementId: ownerId(run, subscription) }
  run.events.push({ type: 'timerFired', subscriptionId: subscription.id, dueAt: subscription.dueAt, timerElementId: subscription.elementId, ...ref })
  fire(run, subscription, {})
}

export function correlateMessage(run: Run, command: Extract<Command, { type: 'correlateMessage' }>): void {
  const subscription = openSubscription(run, command.subscriptionId, 'message')
  if (subscription.kind !== 'message') throw new Error('unreachable')
  if (subscription.messageName !== command.messageName) {
    throw new CommandRejectedError('SUBSCRIPTION_NOT_FOUND', `Subscription ${subscription.id} waits for the message '${subscription.messageName}', not '${command.messageName}'.`)
  }
  const ref = { elementInstanceId: subscription.elementInstanceId, elementId: ownerId(run, subscription) }
  const { messageName, correlationKey } = subscription
  run.events.push({ type: 'messageCorrelated', subscriptionId: subscription.id, messageName, correlationKey, variables: command.variables, eventElementId: subscription.elementId, ...ref })
  fire(run, subscription, command.variables)
}

function openSubscription(run: Run, subscriptionId: number, kind: SubscriptionState['kind']): SubscriptionState {
  const subscription = run.state.subscriptions.find((open) => open.id === subscriptionId)
  if (!subscription || subscription.kind !== kind) {
    throw new CommandRejectedError('SUBSCRIPTION_NOT_FOUND', `There is no open ${kind} subscription ${subscriptionId} in this instance; it fired already, or its element ended.`)
  }
  return subscription
}

function fire(run: Run, subscription: SubscriptionState, variables: Variables): void {
  const event = run.elementById(subscription.elementId)
  const owner = subscription.elementInstanceId === 0 ? undefined : run.find(subscription.elementInstanceId)
  if (subscription.elementInstanceId !== 0 && !owner) throw new Error(`subscription ${subscription.id} belongs to element instance ${subscription.elementInstanceId}, which is gone`)

  if (event.kind === 'boundaryEvent' && owner) {
    if (!event.interrupting) keepOrReschedule(run, subscription)
    return triggerBoundary(run, owner, event, variables)
  }
  if (event.kind === 'startEvent' && event.parentId !== null) {
    const container = run.elementById(event.parentId)
    if (container.kind !== 'eventSubProcess') throw new Error(`start event '${event.id}' is not in an event sub-process`)
    if (event.interrupting) closeSubscription(run, subscription)
    else keepOrReschedule(run, subscription)
    return triggerEventSubProcess(run, subscription.elementInstanceId, container, event, variables)
  }
  if (!owner) throw new Error(`subscription ${subscription.id} of '${event.id}' has no element instance`)
  if (owner.elementId === event.id) {
    closeSubscription(run, subscription)
    return run.complete(owner, variables)
  }
  // A branch of an event-based gateway: the gateway completes, its other branches close, and the token goes to this event.
  const gateway = run.element(owner)
  const flowId = gateway.outgoing.find((id) => run.model.flows[id]?.targetId === event.id)
  if (gateway.kind !== 'eventBasedGateway' || flowId === undefined) throw new Error(`subscription ${subscription.id} of '${event.id}' is owned by '${gateway.id}', which does not lead to it`)
  closeOwned(run, owner.id)
  run.complete(owner)
  run.takeFlowNow(flowId, owner.scope, variables)
}

/** A non-interrupting event fired: a cycle schedules its next repetition (or ends), a one-off timer closes, a message subscription stays open. */
function keepOrReschedule(run: Run, subscription: SubscriptionState): void {
  if (subscription.kind === 'message') return
  const next = nextRepetition(subscription, run.now)
  if (next === null) return closeSubscription(run, subscription)
  subscription.dueAt = next.dueAt
  subscription.cycle = next.cycle
  const ref = { elementInstanceId: subscription.elementInstanceId, elementId: ownerId(run, subscription) }
  run.effects.push({ type: 'scheduleTimer', subscriptionId: subscription.id, elementId: subscription.elementId, elementInstanceId: subscription.elementInstanceId, dueAt: next.dueAt })
  run.events.push({ type: 'timerScheduled', subscriptionId: subscription.id, dueAt: next.dueAt, timerElementId: subscription.elementId, ...ref })
}

function ownerId(run: Run, subscription: SubscriptionState): string {
  return subscription.elementInstanceId === 0 ? run.model.processId : (run.find(subscription.elementInstanceId)?.elementId ?? run.model.processId)
}
