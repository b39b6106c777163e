// The letters service: what the cases domain, the API and the dispatch worker call. It holds
// the checked templates, the municipality, and the dispatch (service or outbox).
import type { Sql } from '../db/connect.js'
import { SamflytError, notFound } from '../errors.js'
import type { LettersConfig } from '../config.js'
import { fill } from './context.js'
import { DispatchError } from './dispatch/errors.js'
import { Outbox } from './dispatch/outbox.js'
import { dispatchLetter, recordDispatchFailure, type DispatchRequest } from './dispatch/send.js'
import { SETTLED_STATUSES, FAILED_STATUSES, SvarUtClient } from './dispatch/svarut.js'
import { approveDraft, registerApprovedRenderer } from './approval.js'
import { checkFourEyes } from './four-eyes.js'
import { loadMunicipality, type Municipality } from './municipality.js'
import { renderLetter, type RenderedLetter, type RenderOptions } from './render.js'
import { loadTemplates, type LetterTemplates } from './template/load.js'
import { getLetter, insertLetter, letterData, letterPdf, listLetters, lettersToFollow, updateLetter, type LetterRow } from './store.js'
import type { LetterData } from './types.js'
import { recordCaseReads } from '../cases/access-log.js'
import type { Principal } from '../auth/roles.js'
import { validateLetterData } from './validate.js'

/** Resumes a BPMN step stuck on an incident (the engine's resolveIncident), after a resend. */
export interface IncidentResolver {
  resolveIncident(incidentKey: string, actor: string | null): Promise<void>
}

export interface LettersOptions {
  sql: Sql
  templates: LetterTemplates
  municipality: Municipality
  /** The dispatch service; without one, letters go to the outbox. */
  svarut?: SvarUtClient | null
  outbox?: Outbox | null
  clock?: () => Date
  engine?: IncidentResolver | null
  /** How long one sender may hold a letter; longer than the service's timeout. */
  dispatchLeaseMs?: number
}

/** Who reads a letter, for the case's access log. */
export type Reader = Pick<Principal, 'username' | 'roles'>

export interface NewLetterRequest {
  caseId: string
  /** The process instance whose step makes the letter (four eyes reads its history). */
  instanceKey?: string | null | undefined
  data: LetterData
  createdBy: string
}

/** Builds the service from the configuration (src/config.ts), checking templates and municipality. */
export function lettersFromConfig(sql: Sql, config: LettersConfig, extra: { clock?: () => Date; engine?: IncidentResolver | null } = {}): Letters {
  return new Letters({
    sql,
    templates: loadTemplates(config.templatesDir),
    municipality: loadMunicipality(config.municipalityFile),
    svarut: config.svarut ? new SvarUtClient({ baseUrl: config.svarut.url, username: config.svarut.username, password: config.svarut.password, timeoutMs: config.svarut.timeoutMs }) : null,
    outbox: config.svarut ? null : new Outbox(config.outboxDir),
    dispatchLeaseMs: (config.svarut?.timeoutMs ?? 30_000) * 3 + 30_000,
    ...extra,
  })
}

export class Letters {
  readonly sql: Sql
  readonly templates: LetterTemplates
  readonly municipality: Municipality
  readonly clock: () => Date
  private readonly svarut: SvarUtClient | null
  private readonly outbox: Outbox | null
  private readonly engine: IncidentResolver | null
  private readonly leaseMs: number

  constructor(options: LettersOptions) {
    this.sql = options.sql
    this.templates = options.templates
    this.municipality = options.municipality
    this.clock = options.clock ?? (() => new Date())
    this.svarut = options.svarut ?? null
    this.outbox = this.svarut ? null : (options.outbox ?? null)
    if (!this.svarut && !this.outbox) throw new Error('Letters need a dispatch service or an outbox')
    this.engine = options.engine ?? null
    this.leaseMs = options.dispatchLeaseMs ?? 120_000
    registerApprovedRenderer(this.sql, (data) => this.render(data))
  }

  /** 'svarut' with a dispatch service configured, else 'outbox' (the embedded default). */
  get dispatchChannel(): 'svarut' | 'outbox' {
    return this.svarut ? 'svarut' : 'outbox'
  }

  /** Renders a letter without storing anything (a preview, or a check of the data). */
  render(data: LetterData, options: RenderOptions = {}): Promise<RenderedLetter> {
    return renderLetter(data, { templates: this.templates, municipality: this.municipality }, this.clock(), options)
  }

  /**
   * Renders and stores a letter. A decision letter starts as a draft, to be approved by a
   * second person; an interim reply needs no approval and is approved by its creator. Pass a
   * transaction as `sql` to store it with the caller's other writes (a worker's, say).
   */
  async create(request: NewLetterRequest, sql: Sql = this.sql): Promise<LetterRow> {
    const data = validateLetterData(request.data)
    const rendered = await this.render(data, { draft: data.kind === 'decision' })
    return insertLetter(sql, {
      caseId: request.caseId,
      instanceKey: request.instanceKey ?? null,
      data,
      status: data.kind === 'decision' ? 'draft' : 'approved',
      pdf: rendered.pdf,
      checksum: rendered.checksum,
      templateName: rendered.template.name,
      templateChecksum: rendered.template.checksum,
      createdBy: request.createdBy,
      now: this.clock(),
    })
  }

  /** Approves a draft: four eyes (not the case's assessor), then the PDF is frozen as it is. */
  async approve(letterId: string, approver: string): Promise<LetterRow> {
    const letter = await this.get(letterId)
    if (letter.status !== 'draft') throw new SamflytError('SAMFLYT_CONFLICT', `Letter ${letterId} is ${letter.status}, not a draft`)
    if (letter.instanceKey) await checkFourEyes(this.sql, letter.instanceKey, approver)
    else if (letter.createdBy === approver) {
      throw new SamflytError('SAMFLYT_FORBIDDEN', 'Du laget brevet selv, så en annen må godkjenne det (fire øyne). / You made this letter yourself, so someone else must approve it (four eyes).')
    }
    return approveDraft(this.sql, letterId, approver, this.clock())
  }

  async get(letterId: string): Promise<LetterRow> {
    const letter = await getLetter(this.sql, letterId)
    if (!letter) throw notFound('Letter', letterId)
    return letter
  }

  list(caseId: string): Promise<LetterRow[]> {
    return listLetters(this.sql, caseId)
  }

  /** The stored PDF; the reading goes into the case's access log (who, when, why). */
  async readPdf(letterId: string, reader: Reader, purpose: string | null): Promise<{ letter: LetterRow; pdf: Buffer }> {
    const letter = await this.get(letterId)
    await recordCaseReads(this.sql, [letter.caseId], { principal: reader, purpose: `letter ${letterId} (PDF)${purpose ? `: ${purpose}` : ''}` })
    return { letter, pdf: (await letterPdf(this.sql, letterId))! }
  }

  /**
   * Renders a draft again, from its data with the current templates, optionally in the other
   * language or with the caseworker's assessment reworded. Nothing is stored but the reading.
   */
  async preview(letterId: string, reader: Reader, changes: { language?: 'nb' | 'nn' | undefined; assessment?: string | undefined } = {}): Promise<Buffer> {
    const letter = await this.get(letterId)
    if (letter.status !== 'draft') throw new SamflytError('SAMFLYT_CONFLICT', `Letter ${letterId} is ${letter.status}: only a draft is previewed; its PDF is final`)
    const data = { ...(await letterData(this.sql, letterId))! }
    if (changes.language) data.language = changes.language
    if (changes.assessment !== undefined) {
      if (data.kind !== 'decision') throw new SamflytError('SAMFLYT_VALIDATION', 'Only a decision letter has an assessment', [{ path: '/assessment', message: 'not in an interim reply' }])
      data.assessment = changes.assessment
    }
    const pdf = (await this.render(data, { draft: true })).pdf
    await recordCaseReads(this.sql, [letter.caseId], { principal: reader, purpose: `letter ${letterId} (preview)` })
    return pdf
  }

  /** Sends an approved letter (at most once); throws DispatchError when it fails. */
  async dispatch(letterId: string, request: DispatchRequest): Promise<LetterRow> {
    const letter = await this.get(letterId)
    const template = this.templates.get(letter.kind, letter.language)
    return dispatchLetter(
      { sql: this.sql, clock: this.clock, svarut: this.svarut, outbox: this.outbox, leaseMs: this.leaseMs },
      letterId,
      request,
      fill(template.phrases.title ?? [], {}),
    )
  }

  recordFailure(letterId: string, message: string, final: boolean): Promise<void> {
    return recordDispatchFailure(this.sql, letterId, message, final)
  }

  /** A caseworker sends a failed letter again; the BPMN step waiting on it then moves on. */
  async resend(letterId: string, actor: string): Promise<LetterRow> {
    const letter = await this.get(letterId)
    if (letter.status !== 'failed' && letter.status !== 'approved') {
      throw new SamflytError('SAMFLYT_CONFLICT', `Letter ${letterId} is ${letter.status}; only a failed (or unsent approved) letter is resent`)
    }
    try {
      await this.dispatch(letterId, { actor })
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error
      await this.recordFailure(letterId, error.message, !error.transient)
      return this.get(letterId)
    }
    await this.resumeStep(letterId, actor)
    return this.get(letterId)
  }

  /** The letter went out on paper by other means: recorded, and the BPMN step moves on. */
  async markSentByPost(letterId: string, actor: string): Promise<LetterRow> {
    const now = this.clock()
    const [row] = await this.sql<{ id: string }[]>`
      update letters set status = 'sent-by-post', channel = 'post', sent_by = ${actor}, sent_at = ${now}, last_error = null
      where id = ${letterId} and status in ('approved', 'failed') and (dispatch_lease_until is null or dispatch_lease_until < ${now})
      returning id::text`
    if (!row) {
      const letter = await this.get(letterId)
      throw new SamflytError('SAMFLYT_CONFLICT', letter.status === 'approved' || letter.status === 'failed'
        ? `Letter ${letterId} is being sent right now; wait for the result`
        : `Letter ${letterId} is ${letter.status}; only an approved or failed letter can be marked as sent by post`)
    }
    await this.resumeStep(letterId, actor)
    return this.get(letterId)
  }

  /** Resolves the incident of the dispatch step, if the letter's step is stuck on one. */
  private async resumeStep(letterId: string, actor: string): Promise<void> {
    const letter = await this.get(letterId)
    if (!this.engine || !letter.instanceKey || !letter.dispatchElementId) return
    const incidents = await this.sql<{ key: string }[]>`
      select key::text from incidents where instance_key = ${letter.instanceKey} and element_id = ${letter.dispatchElementId} and state = 'active'`
    for (const incident of incidents) await this.engine.resolveIncident(incident.key, actor)
  }

  /**
   * Asks the dispatch service about letters whose delivery has not settled. One that could not
   * be delivered becomes failed, for the caseworker to resend or send by post.
   */
  async followStatuses(limit = 100): Promise<number> {
    if (!this.svarut) return 0
    let changed = 0
    for (const letter of await lettersToFollow(this.sql, SETTLED_STATUSES, limit)) {
      const status = await this.svarut.status(letter.dispatchId!).catch(() => null)
      if (!status || status.status === letter.dispatchStatus) continue
      const failed = (FAILED_STATUSES as readonly string[]).includes(status.status)
      await updateLetter(this.sql, letter.id, {
        dispatch_status: status.status,
        ...(failed ? { status: 'failed', last_error: `The dispatch service could not deliver the letter (${status.status})` } : {}),
      })
      changed++
    }
    return changed
  }
}
