// One catalogue of technical errors: every error Samflyt returns has a stable code and an HTTP
// status from here. BPMN errors (business outcomes caught by boundary events) are not these.

export const ERRORS = {
  SAMFLYT_VALIDATION: { status: 400, description: 'The request is malformed or breaks a rule; details say which field and why.' },
  SAMFLYT_INVALID_DEFINITION: { status: 400, description: 'A BPMN, rule set or form file was refused; details name the element and the reason.' },
  SAMFLYT_LIMIT_EXCEEDED: { status: 400, description: 'The input is over a configured limit (size, nesting, count or length); details name the limit, its setting and where.' },
  SAMFLYT_IDENTITY_IN_URL: { status: 400, description: 'An identity number was put in a URL; send it in the request body instead.' },
  SAMFLYT_UNAUTHENTICATED: { status: 401, description: 'No valid bearer token, or the username or password is wrong.' },
  SAMFLYT_FORBIDDEN: { status: 403, description: 'The token is valid but none of its roles may use this route.' },
  SAMFLYT_NOT_FOUND: { status: 404, description: 'No such route or resource.' },
  SAMFLYT_CONFLICT: { status: 409, description: 'The resource is not in a state that allows this, e.g. a task claimed by someone else.' },
  SAMFLYT_BODY_TOO_LARGE: { status: 413, description: 'The request body is larger than the configured limit.' },
  SAMFLYT_UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The request body has a content type this route does not take.' },
  SAMFLYT_RATE_LIMITED: { status: 429, description: 'Too many attempts; wait and try again.' },
  SAMFLYT_INTERNAL: { status: 500, description: 'Something failed inside Samflyt; the details are in the log under the request id.' },
  SAMFLYT_NOT_READY: { status: 503, description: 'The database is unreachable or its migrations are not current.' },
} as const

export type ErrorCode = keyof typeof ERRORS

/** Where in the input a problem is (a JSON pointer like /variables/age, an element id, a line). */
export interface ErrorDetail {
  path: string
  message: string
  /** What kind of problem, where a caller may act on it (form fields: required, pattern, option...). */
  code?: string
}

export class SamflytError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: ErrorDetail[]

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'SamflytError'
    this.code = code
    this.status = ERRORS[code].status
    this.details = details
  }
}

export const notFound = (what: string, id: string | number) =>
  new SamflytError('SAMFLYT_NOT_FOUND', `${what} ${id} does not exist`)
