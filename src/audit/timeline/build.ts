// A case's history in words: each human step with who did it, in which role, when and what they
// entered (and, for a step done again, what changed since last time); each automatic step as what
// the municipality did; the rules' decisions with their version, the facts used and the reasons
// that fired; letters with who approved them and when and how they were sent; deadlines and
// withdrawals. Read from the engine's history, the decisions and the letters; never names a
// worker, a host or a process id.
import type { Sql } from '../../db/connect.js'
import type { ProcessModel } from '../../engine/types.js'
import type { CaseRow } from '../../cases/cases.js'
import { listLetters } from '../../letters/store.js'
import { historyOf, type StoredHistoryRow } from '../chains.js'
import { AUTOMATIC, LETTER_STEPS, NN_ELEMENT_NAMES, ROLE_WORDS, RULE_SET_NAMES, WORDS, type Lang } from './words.js'
import { displayValue, enteredValues, formatter } from './format.js'
import { formLabels } from './forms.js'
import { letterEntry } from './letters.js'
import type { Actor, TimelineEntry } from './types.js'

export type { TimelineEntry } from './types.js'

export interface TimelineSources {
  sql: Sql
  /** The executable model of a definition, for the elements' names. */
  model(definitionKey: string): Promise<ProcessModel>
}

const AUTOMATIC_TYPES = new Set(['jobCompleted'])

export async function buildTimeline(sources: TimelineSources, row: CaseRow, lang: Lang): Promise<TimelineEntry[]> {
  const { sql } = sources
  const words = WORDS[lang]
  const format = formatter(lang)
  const instances = row.instanceKey
    ? await sql<{ key: string; definitionKey: string }[]>`
        select key::text, definition_key::text as "definitionKey" from process_instances
        where key = ${row.instanceKey} or root_key = ${row.instanceKey} order by key`
    : []
  const people = await actors(sql, lang)
  // A decision is told where its business-rule task completed, in the history's order.
  const decisions = await decisionEntries(sql, instances.map((i) => i.key), lang)
  const pending = (instanceKey: string, elementId: string) => {
    const index = decisions.findIndex((d) => d.instanceKey === instanceKey && d.elementId === elementId)
    return index < 0 ? undefined : decisions.splice(index, 1)[0]
  }
  const entries: TimelineEntry[] = []
  const lastEntered = new Map<string, Map<string, string>>()
  let decider: string | null = null

  for (const instance of instances) {
    const model = await sources.model(instance.definitionKey)
    const nameOf = (elementId: string | null) => {
      if (!elementId) return ''
      return (lang === 'nn' ? NN_ELEMENT_NAMES[elementId] : undefined) ?? model.elements[elementId]?.name ?? elementId
    }
    const rows = await historyOf(sql, instance.key)
    const forms = new Map<string, string | null>()
    for (const r of rows) if (r.type === 'userTaskCreated') forms.set(`${r.elementInstanceId}`, (data(r).formId as string | null) ?? null)
    const labelsFor = await formLabels(sql, [...forms.values()].filter((id): id is string => id !== null))
    const root = instance.key === row.instanceKey

    for (const r of rows) {
      const at = r.at.toISOString()
      const when = format.moment(r.at)
      const base = { at, instanceKey: instance.key, elementId: r.elementId, seq: r.seq, entered: [], changes: [] }
      const person = r.actor ? people.get(r.actor) ?? null : null
      const d = data(r)
      switch (r.type) {
        case 'instanceStarted':
          if (root) entries.push({ ...base, kind: 'start', actor: person, text: words.registered(person ? label(person) : words.municipality, when) })
          break
        case 'userTaskCompleted': {
          const labels = labelsFor(forms.get(`${r.elementInstanceId}`) ?? null)
          const variables = (d.variables ?? {}) as Record<string, unknown>
          const entered = d.removed === true
            ? [{ key: 'removed', label: words.removedLabel, value: words.removed }]
            : enteredValues(variables, labels, lang, format)
          const now = new Map(entered.map((e) => [e.label, e.value]))
          const before = lastEntered.get(r.elementId ?? '')
          const changes = before
            ? [...new Set([...before.keys(), ...now.keys()])].filter((k) => before.get(k) !== now.get(k))
                .map((k) => ({ label: k, before: before.get(k) ?? words.empty, after: now.get(k) ?? words.empty }))
            : []
          lastEntered.set(r.elementId ?? '', now)
          if (r.elementId === 'decide') decider = person ? label(person) : null
          const who = person ? label(person) : words.municipality
          const again = before ? (changes.length > 0 ? ` ${words.again}` : ` ${words.unchanged}`) : ''
          entries.push({ ...base, kind: 'human', actor: person, text: `${words.completed(who, nameOf(r.elementId), when)}.${again}`, entered, changes })
          break
        }
        case 'userTaskClaimed':
          if (person) entries.push({ ...base, kind: 'human', actor: person, text: `${words.claimed(label(person), nameOf(r.elementId), when)}.` })
          break
        case 'timerFired': {
          const timer = (d.timerElementId as string | undefined) ?? r.elementId ?? ''
          const text = timer === 'oneMonth' ? words.interimDue(when)
            : timer === 'deadlinePassed' ? words.deadlinePassed(when)
            : timer === 'consentReminderTimer' ? words.consentWait(when)
            : words.timer(when, nameOf(timer))
          entries.push({ ...base, kind: 'deadline', actor: null, text })
          break
        }
        case 'messageCorrelated':
          if (d.messageName === 'ke-withdrawn') {
            const reason = typeof (d.variables as Record<string, unknown> | undefined)?.withdrawalReason === 'string'
              ? String((d.variables as Record<string, unknown>).withdrawalReason) : row.withdrawnReason ?? null
            entries.push({
              ...base, kind: 'withdrawal', actor: person, text: `${words.withdrawn(person ? label(person) : words.municipality, when)}.`,
              entered: reason ? [{ key: 'withdrawalReason', label: lang === 'nn' ? 'Grunngiving' : 'Begrunnelse', value: displayValue(reason, '', labelsFor(null), lang, format) }] : [],
            })
          }
          break
        case 'incidentRaised':
          entries.push({ ...base, kind: 'incident', actor: null, text: words.incident(when, nameOf(r.elementId)) })
          break
        case 'incidentResolved':
          entries.push({ ...base, kind: 'incident', actor: person, text: `${words.incidentResolved(person ? label(person) : words.municipality, when, nameOf(r.elementId))}.` })
          break
        case 'instanceCompleted':
          if (root) entries.push({ ...base, kind: 'end', actor: null, text: words.ended(when) })
          break
        case 'instanceCancelled':
          if (root) entries.push({ ...base, kind: 'end', actor: null, text: words.cancelled(when) })
          break
        default:
          if (AUTOMATIC_TYPES.has(r.type) && r.elementId && !LETTER_STEPS.has(r.elementId)) {
            if (model.elements[r.elementId]?.kind === 'businessRuleTask') {
              const decision = pending(instance.key, r.elementId)
              if (decision) entries.push({ ...decision, seq: r.seq })
              break
            }
            const phrase = AUTOMATIC[r.elementId]?.[lang]
            const what = phrase ? phrase((d.variables ?? {}) as Record<string, unknown>, format) : words.unnamedStep(nameOf(r.elementId))
            entries.push({ ...base, kind: 'automatic', actor: null, text: words.automatic(when, what) })
          }
      }
    }
  }

  entries.push(...decisions) // any not matched to a task (evaluated outside the diagram's steps)
  for (const letter of await listLetters(sql, row.id)) entries.push(letterEntry(letter, people, decider, lang))
  // In time order; within one moment (a test clock, or one transaction), in the order written.
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index).map((e) => e.entry)
}

async function decisionEntries(sql: Sql, instanceKeys: string[], lang: Lang): Promise<TimelineEntry[]> {
  if (instanceKeys.length === 0) return []
  const words = WORDS[lang]
  const format = formatter(lang)
  const rows = await sql<{ id: string; ruleSetId: string; version: number; facts: Record<string, unknown>; reasons: { rule: string; reason: string; reasonNn?: string; law: string | null }[]; elementId: string | null; instanceKey: string; evaluatedAt: Date }[]>`
    select id::text, rule_set_id as "ruleSetId", version, facts, reasons, element_id as "elementId",
           process_instance_key::text as "instanceKey", evaluated_at as "evaluatedAt"
    from decisions where process_instance_key = any(${instanceKeys}::bigint[]) order by id`
  const none = (await import('./forms.js')).labelsOf([])
  return rows.map((d) => {
    const name = RULE_SET_NAMES[d.ruleSetId]?.[lang] ?? d.ruleSetId
    const facts = Object.entries(d.facts ?? {}).map(([key, value]) => ({ key, label: key, value: displayValue(value, key, none, lang, format) }))
    const reasons = (d.reasons ?? []).map((r) => ({ rule: r.rule, reason: (lang === 'nn' ? r.reasonNn : undefined) ?? r.reason, law: r.law }))
    return {
      at: d.evaluatedAt.toISOString(), kind: 'decision' as const, instanceKey: d.instanceKey, elementId: d.elementId, seq: null, actor: null,
      text: `${words.decision(format.moment(d.evaluatedAt), name, d.version)}${reasons.length === 0 ? ` ${words.noReasons}` : ''}`,
      entered: [], changes: [],
      decision: { id: d.id, ruleSetId: d.ruleSetId, version: d.version, facts, reasons },
    }
  })
}

/** Every account, by username, as the timeline names them: "Kari Nordmann (saksbehandler)". */
async function actors(sql: Sql, lang: Lang): Promise<Map<string, Actor>> {
  const users = await sql<{ username: string; displayName: string; roles: string[] }[]>`
    select username, display_name as "displayName", roles from users`
  // A display name may carry its role already ("Kari Nordmann (saksbehandler)"): the role is said once, in the case's language.
  const bare = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '') || name
  return new Map(users.map((u) => [u.username, { username: u.username, name: bare(u.displayName), role: ROLE_WORDS[u.roles[0] ?? '']?.[lang] ?? u.roles[0] ?? '' }]))
}

export const label = (actor: Actor) => (actor.role ? `${actor.name} (${actor.role})` : actor.name)

const data = (row: StoredHistoryRow) => (row.data ?? {}) as Record<string, unknown>
