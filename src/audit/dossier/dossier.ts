// The dossier of a case for the county governor (statsforvalteren), on appeal or in supervision:
// the case, its timeline in words, the rules' decisions and the caseworker's with their reasons,
// the letters (with the SHA-256 of each PDF as sent), the access log and the integrity status.
// One JSON document; dossier-pdf.ts lays the same out as a PDF in the case's language.
import type { Sql } from '../../db/connect.js'
import type { CaseRow } from '../../cases/cases.js'
import { getPerson } from '../../cases/people.js'
import { maskIdentityNumber } from '../../cases/identity.js'
import { listLetters } from '../../letters/store.js'
import { readAccessLog } from '../access-log.js'
import { buildTimeline, type TimelineSources } from '../timeline/build.js'
import type { TimelineEntry } from '../timeline/types.js'
import type { Lang } from '../timeline/words.js'
import { verifyCase, type IntegrityReport } from '../verify.js'

export const DOSSIER_FORMAT = 'samflyt-ke-dossier/1'

export interface Dossier {
  format: typeof DOSSIER_FORMAT
  generatedAt: string
  generatedBy: { username: string; roles: string[] }
  purpose: string
  language: Lang
  case: {
    id: string; reference: string; status: string; route: string | null; unit: string; channel: string; receivedOn: string; deadline: string
    decision: string | null; rights: Record<string, string> | null; decisionReason: string | null; decidedAt: string | null; decidedBy: string | null
    withdrawnReason: string | null; closedAt: string | null
  }
  person: { name: string; identityNumber: string; birthDate: string } | null
  timeline: TimelineEntry[]
  decisions: NonNullable<TimelineEntry['decision']>[]
  letters: { id: string; kind: string; language: string; status: string; pdfSha256: string; createdAt: string; approvedBy: string | null; approvedAt: string | null; sentAt: string | null; channel: string | null }[]
  accessLog: { seq: number | null; username: string; roles: string[]; purpose: string; fullIdentity: boolean; at: string }[]
  integrity: IntegrityReport
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export async function buildDossier(
  sources: TimelineSources, row: CaseRow, lang: Lang, reader: { username: string; roles: string[] }, purpose: string, now: Date,
): Promise<Dossier> {
  const { sql } = sources
  const person = await getPerson(sql, row.personId)
  const timeline = await buildTimeline(sources, row, lang)
  const letters = await listLetters(sql, row.id)
  const accessLog = await readAccessLog(sql, row.id)
  const integrity = (await verifyCase(sql, row.id, now))!
  return {
    format: DOSSIER_FORMAT,
    generatedAt: now.toISOString(),
    generatedBy: reader,
    purpose,
    language: lang,
    case: {
      id: row.id, reference: row.reference, status: row.status, route: row.route, unit: row.unit, channel: row.channel,
      receivedOn: row.receivedOn, deadline: row.deadline, decision: row.decision, rights: row.rights, decisionReason: row.decisionReason,
      decidedAt: iso(row.decidedAt), decidedBy: row.decidedBy, withdrawnReason: row.withdrawnReason, closedAt: iso(row.closedAt),
    },
    // Who the case is about, as the county governor needs to know it; the full number stays in the case.
    person: person ? { name: person.name, identityNumber: maskIdentityNumber(person.identityNumber), birthDate: person.birthDate } : null,
    timeline,
    decisions: timeline.flatMap((entry) => (entry.decision ? [entry.decision] : [])),
    letters: letters.map((l) => ({
      id: l.id, kind: l.kind, language: l.language, status: l.status, pdfSha256: l.checksum, createdAt: l.createdAt.toISOString(),
      approvedBy: l.approvedBy, approvedAt: iso(l.approvedAt), sentAt: iso(l.sentAt), channel: l.channel,
    })),
    accessLog: accessLog.map((a) => ({ ...a, at: a.at.toISOString() })),
    integrity,
  }
}
