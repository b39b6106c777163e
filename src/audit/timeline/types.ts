// The shape of a timeline entry, as the API and the export give it.
export interface Actor {
  username: string
  /** The person's name, from their account. */
  name: string
  /** Their role in words (saksbehandler, mottaksgruppen, ...). */
  role: string
}

export interface TimelineEntry {
  at: string
  kind: 'start' | 'human' | 'automatic' | 'decision' | 'letter' | 'deadline' | 'withdrawal' | 'incident' | 'end'
  /** Where in the engine's history it comes from (null for decisions and letters). */
  instanceKey: string | null
  elementId: string | null
  seq: number | null
  actor: Actor | null
  /** The entry in one sentence. */
  text: string
  /** What a person entered at the step, field by field. */
  entered: { key: string; label: string; value: string }[]
  /** For a step done again: the fields that changed since last time. */
  changes: { label: string; before: string; after: string }[]
  decision?: { id: string; ruleSetId: string; version: number; facts: { key: string; label: string; value: string }[]; reasons: { rule: string; reason: string; law: string | null }[] }
  letter?: { id: string; kind: string; status: string; draftedAt: string; approvedBy: string | null; approvedAt: string | null; sentAt: string | null; channel: string | null; checksum: string }
}
