// Schemas shared by routes: the error body every 4xx/5xx has, and helpers to declare them.
import { Type, type TSchema } from 'typebox'
import { ERRORS, type ErrorCode } from '../errors.js'

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer({ description: 'The HTTP status, repeated' }),
    code: Type.String({ description: 'A stable error code from the catalogue, e.g. SAMFLYT_NOT_FOUND' }),
    message: Type.String({ description: 'What is wrong, in plain words' }),
    details: Type.Optional(
      Type.Array(Type.Object({
        path: Type.String({ description: 'Where: a JSON pointer, an element id or a line' }),
        message: Type.String(),
        code: Type.Optional(Type.String({ description: 'What kind of problem, in English, where a caller may act on it (a form field: required, pattern, option...)' })),
      })),
    ),
    requestId: Type.String({ description: 'Quote this when asking for help: the log has the rest' }),
  },
  { $id: 'ErrorBody', title: 'Error' },
)

const ErrorRef = Type.Unsafe({ $ref: 'ErrorBody#' })

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries([...statuses, 500].map((status) => [status, ErrorRef]))
}

export const ERROR_CODES_DOC = Object.entries(ERRORS)
  .map(([code, { status, description }]) => `- \`${code}\` (${status}): ${description}`)
  .join('\n')

export type { ErrorCode }
