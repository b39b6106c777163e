// A dispatch failure is either transient (the service is down, slow or overloaded: try again
// later, through the job's retries and backoff) or permanent (the service refused the letter:
// trying again changes nothing until a person acts, so it becomes an incident at once).

export class DispatchError extends Error {
  override name = 'DispatchError'
  constructor(
    message: string,
    readonly transient: boolean,
    readonly httpStatus: number | null = null,
  ) {
    super(message)
  }
}

/** Statuses that may succeed on a later try: timeouts, throttling and server errors. */
export const isTransientStatus = (status: number) => status >= 500 || status === 408 || status === 429

/** Identity numbers never reach a log or an error message, even when a service echoes one. */
export const scrub = (text: string) => text.replace(/(?<!\d)\d{11}(?!\d)/g, '***********').slice(0, 300)
