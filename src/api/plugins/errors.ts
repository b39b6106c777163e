// One error handler: every error leaves as an ErrorBody with a stable code. A 4xx says what is
// wrong and where; a 5xx says only that something failed and which request id to look up.
import type { FastifyError, FastifyInstance } from 'fastify'
import { SamflytError, type ErrorCode, type ErrorDetail } from '../../errors.js'

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'SAMFLYT_VALIDATION',
  401: 'SAMFLYT_UNAUTHENTICATED',
  403: 'SAMFLYT_FORBIDDEN',
  404: 'SAMFLYT_NOT_FOUND',
  409: 'SAMFLYT_CONFLICT',
  413: 'SAMFLYT_BODY_TOO_LARGE',
  415: 'SAMFLYT_UNSUPPORTED_MEDIA_TYPE',
  429: 'SAMFLYT_RATE_LIMITED',
}

/**
 * Postgres refused a value (SQLSTATE class 22, a data exception such as a number out of range or
 * text it cannot hold; class 54, a value too large for an index). The edge (plugins/limits.ts)
 * refuses such input first; one that still gets through is the caller's input, not our failure,
 * and a 400 that does not echo the value (it may be personal data). Logged as a warning with the
 * stack, so the missing edge check is found.
 */
export const DATABASE_REFUSED_VALUE = 'database refused a value from the request'
const isDataError = (error: unknown) =>
  (error as { name?: string }).name === 'PostgresError' && /^(22|54)/.test(String((error as { code?: unknown }).code ?? ''))

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).map((problem) => {
    const missing = (problem.params as { missingProperty?: string }).missingProperty
    const extra = (problem.params as { additionalProperty?: string }).additionalProperty
    const path = `/${error.validationContext ?? 'body'}${problem.instancePath}${missing ? `/${missing}` : ''}${extra ? `/${extra}` : ''}`
    const message = missing ? 'is required' : extra ? 'is not a known property' : problem.message ?? 'is invalid'
    return { path, message }
  })
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SamflytError, request, reply) => {
    let status: number
    let code: ErrorCode
    let message: string
    let details: ErrorDetail[] = []

    if (error instanceof SamflytError) {
      ;({ status, code, message, details } = error)
    } else if (error.validation) {
      status = 400
      code = 'SAMFLYT_VALIDATION'
      details = validationDetails(error)
      message = `The request is invalid: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`
    } else if (isDataError(error)) {
      status = 400
      code = 'SAMFLYT_VALIDATION'
      message = `A value in the request is out of range or cannot be stored (database error ${String((error as { code?: unknown }).code)})`
      request.log.warn({ err: error }, DATABASE_REFUSED_VALUE)
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode
      code = CODE_BY_STATUS[status] ?? 'SAMFLYT_VALIDATION'
      message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `The request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes` : error.message
    } else {
      status = 500
      code = 'SAMFLYT_INTERNAL'
      message = `Something failed inside Samflyt; quote request id ${request.id} when reporting it`
      request.log.error({ err: error }, 'request failed')
    }
    if (status < 500) request.log.info({ code, status }, message)
    reply.status(status).send({ statusCode: status, code, message, ...(details.length ? { details } : {}), requestId: String(request.id) })
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      statusCode: 404,
      code: 'SAMFLYT_NOT_FOUND',
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
      requestId: String(request.id),
    })
  })
}
