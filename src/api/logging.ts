// Logs never carry identity numbers, passwords or tokens. Known fields are redacted by name;
// a request's URL is logged with anything that looks like an identity number masked; and as a
// net under that, every log line is scrubbed of free-standing 11-digit numbers (the shape of a
// fødselsnummer or D-number) before it is written, wherever in the line they ended up, without
// breaking the line's JSON, its decimals or its ids (see identity-in-text.ts).
import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import type { Config } from '../config.js'
import { IDENTITY_NUMBER_MASK, maskLogLine, maskUrl } from './identity-in-text.js'

export { IDENTITY_NUMBER_MASK }

export function scrubIdentityNumbers(text: string): string {
  return maskLogLine(text)
}

export function scrubbingStream(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.write(scrubIdentityNumbers(chunk.toString('utf8')))
      done()
    },
  })
}

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.identityNumber',
  '*.fodselsnummer',
]

export function createLogger(level: Config['logLevel'], destination: NodeJS.WritableStream = process.stdout): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: maskUrl(req.url), id: req.id }),
      },
    },
    scrubbingStream(destination),
  )
}
