// A client for a KS SvarUt-style dispatch service (ForsendelseRestService v1): reserve a
// shipment id, send the letter under that id, then follow its status. HTTP Basic auth with
// the sender's name and service password. Every request carries the letter's idempotency key.
import { DispatchError, isTransientStatus, scrub } from './errors.js'

export interface SvarUtOptions {
  /** e.g. https://svarut.ks.no/tjenester/api/forsendelse/v1 */
  baseUrl: string
  username: string
  password: string
  timeoutMs: number
}

/** What the service needs to deliver one letter (a forsendelse). */
export interface Shipment {
  title: string
  /** Our idempotency key: the service's "eksternReferanse", to find the shipment again. */
  externalReference: string
  recipient: {
    name: string
    addressLines: string[]
    postalCode: string
    postalTown: string
    identityNumber?: string | undefined
  }
  fileName: string
}

export interface ShipmentStatus {
  id: string
  /** MOTTATT, AKSEPTERT, VARSLET, LEST, SENDT_DIGITALT, SENDT_PRINT, PRINTET, ... IKKE_LEVERT, AVVIST */
  status: string
  changedAt: string | null
}

/** Statuses after which nothing more happens to a shipment. */
export const SETTLED_STATUSES = ['LEST', 'PRINTET', 'LEVERT_SDP', 'MANUELT_HANDTERT', 'IKKE_LEVERT', 'AVVIST'] as const
/** Statuses that mean the letter did not reach the person. */
export const FAILED_STATUSES = ['IKKE_LEVERT', 'AVVIST'] as const

export class SvarUtClient {
  private readonly base: string
  private readonly authorization: string

  constructor(private readonly options: SvarUtOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '')
    this.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`
  }

  private async request(method: 'GET' | 'POST', path: string, idempotencyKey: string | null, body?: FormData): Promise<Response> {
    let response: Response
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: { authorization: this.authorization, accept: 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
        body: body ?? null,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      const name = (error as Error).name
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${this.options.timeoutMs} ms` : scrub((error as Error).message)
      throw new DispatchError(`The dispatch service did not answer ${method} ${path}: ${reason}`, true)
    }
    return response
  }

  private async failure(response: Response, what: string): Promise<DispatchError> {
    const text = await response.text().catch(() => '')
    let detail = text
    try {
      const parsed = JSON.parse(text) as { message?: unknown; feilmelding?: unknown }
      detail = String(parsed.message ?? parsed.feilmelding ?? text)
    } catch {
      // not JSON: the text as it is
    }
    const transient = isTransientStatus(response.status)
    return new DispatchError(`The dispatch service ${transient ? 'failed' : 'refused'} ${what} (HTTP ${response.status})${detail ? `: ${scrub(detail)}` : ''}`, transient, response.status)
  }

  /** Reserves a shipment id. Stored before sending, so a retry reuses it instead of sending again. */
  async startShipment(idempotencyKey: string): Promise<string> {
    const response = await this.request('POST', '/startNyForsendelse', idempotencyKey)
    if (!response.ok) throw await this.failure(response, 'to reserve a shipment id')
    const body = (await response.json()) as { id?: unknown }
    if (typeof body.id !== 'string' || body.id === '') throw new DispatchError('The dispatch service gave no shipment id', true, response.status)
    return body.id
  }

  /** Sends the letter under a reserved id. A 409 means the service has it already: not an error. */
  async sendShipment(id: string, shipment: Shipment, pdf: Uint8Array, idempotencyKey: string): Promise<'sent' | 'already-received'> {
    const [address1, address2, address3] = shipment.recipient.addressLines
    const forsendelse = {
      tittel: shipment.title,
      eksternReferanse: shipment.externalReference,
      avgivendeSystem: 'Samflyt',
      mottaker: {
        postAdresse: { navn: shipment.recipient.name, adresse1: address1 ?? null, adresse2: address2 ?? null, adresse3: address3 ?? null, postNummer: shipment.recipient.postalCode, postSted: shipment.recipient.postalTown, land: 'Norge' },
        ...(shipment.recipient.identityNumber ? { digitalAdresse: { fodselsNummer: shipment.recipient.identityNumber } } : {}),
      },
      // Health and welfare decisions: readable only after strong (level 4) log-in.
      krevNiva4Innlogging: true,
      kryptert: true,
      kunDigitalLevering: false,
      utskriftsKonfigurasjon: { tosidig: true, utskriftMedFarger: false },
      dokumenter: [{ filnavn: shipment.fileName, mimeType: 'application/pdf' }],
    }
    const form = new FormData()
    form.append('forsendelse', new Blob([JSON.stringify(forsendelse)], { type: 'application/json' }))
    form.append('filer', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), shipment.fileName)
    const response = await this.request('POST', `/${encodeURIComponent(id)}/sendForsendelse`, idempotencyKey, form)
    if (response.status === 409) return 'already-received'
    if (!response.ok) throw await this.failure(response, 'the letter')
    await response.body?.cancel()
    return 'sent'
  }

  /** The shipment's status, or null when the service has never received it. */
  async status(id: string): Promise<ShipmentStatus | null> {
    const response = await this.request('GET', `/${encodeURIComponent(id)}/status`, null)
    if (response.status === 404) {
      await response.body?.cancel()
      return null
    }
    if (!response.ok) throw await this.failure(response, 'the status request')
    const body = (await response.json()) as { forsendelseStatus?: unknown; sisteStatusEndring?: unknown }
    if (typeof body.forsendelseStatus !== 'string') throw new DispatchError('The dispatch service answered the status request without a status', true, response.status)
    return { id, status: body.forsendelseStatus, changedAt: typeof body.sisteStatusEndring === 'string' ? body.sisteStatusEndring : null }
  }
}
