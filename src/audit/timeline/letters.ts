// A letter in the timeline: who it was drafted from, who approved it (four eyes) and when, and
// when and how it was sent; placed at the last of those moments.
import type { LetterRow } from '../../letters/store.js'
import { WORDS, type Lang } from './words.js'
import { formatter } from './format.js'
import type { Actor, TimelineEntry } from './types.js'

export function letterEntry(letter: LetterRow, people: Map<string, Actor>, decider: string | null, lang: Lang): TimelineEntry {
  const words = WORDS[lang]
  const format = formatter(lang)
  const approver = letter.approvedBy ? people.get(letter.approvedBy) : undefined
  const kind = words.letterKinds[letter.kind] ?? letter.kind
  const parts = [`${words.letterDrafted(kind, letter.kind === 'decision' ? decider : null)} ${format.moment(letter.createdAt)}`]
  if (letter.approvedAt) parts.push(words.letterApproved(approver ? `${approver.name} (${approver.role})` : letter.approvedBy ?? '', format.moment(letter.approvedAt)))
  else if (letter.kind === 'interim-reply') parts.push(words.letterNotApproved)
  parts.push(letter.sentAt ? words.letterSent(format.moment(letter.sentAt), words.channels[letter.channel ?? ''] ?? '') : words.letterUnsent(letter.status))
  const last = [letter.createdAt, letter.approvedAt, letter.sentAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime()).pop()!
  return {
    at: last.toISOString(), kind: 'letter', instanceKey: letter.instanceKey, elementId: null, seq: null, actor: approver ?? null,
    text: `${parts.join(', ')}.`, entered: [], changes: [],
    letter: {
      id: letter.id, kind: letter.kind, status: letter.status, draftedAt: letter.createdAt.toISOString(), approvedBy: letter.approvedBy,
      approvedAt: letter.approvedAt?.toISOString() ?? null, sentAt: letter.sentAt?.toISOString() ?? null, channel: letter.channel, checksum: letter.checksum,
    },
  }
}
