// Logs never carry identity numbers, passwords or tokens. Known fields are redacted by name;
// as a net under that, every log line is scrubbed of any standalone run of 11 digits (the shape
// of a fødselsnummer or D-number) before it is written, wherever in the line it ended up.
import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import type { Config } from '../config.js'

const IDENTITY_NUMBER_SHAPE = /(?<!\d)\d{6}[ .-]?\d{5}(?!\d)/g
export const IDENTITY_NUMBER_MASK = '[fnr]'

export function scrubIdentityNumbers(text: string): string {
  return text.replace(IDENTITY_NUMBER_SHAPE, IDENTITY_NUMBER_MASK)
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
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url, id: req.id }),
      },
    },
    scrubbingStream(destination),
  )
}
