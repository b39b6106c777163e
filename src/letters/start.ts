// Start-up of the letters: the service from the configuration (a bad template or municipality
// file stops start-up with every problem named), the `letters:dispatch` worker, and a follower
// that asks the dispatch service about sent letters until their delivery settles.
import type { Logger } from 'pino'
import type { Sql } from '../db/connect.js'
import type { Engine } from '../engine/engine.js'
import type { LettersConfig } from '../config.js'
import { lettersFromConfig, type Letters } from './letters.js'
import { DISPATCH_JOB_TYPE, dispatchHandler } from './dispatch/worker.js'

export const STATUS_FOLLOW_INTERVAL_MS = 5 * 60_000

export interface RunningLetters {
  letters: Letters
  stop(): void
}

export function startLetters(engine: Engine, sql: Sql, config: LettersConfig, logger: Logger): RunningLetters {
  const letters = lettersFromConfig(sql, config, { engine })
  engine.worker(DISPATCH_JOB_TYPE, dispatchHandler(letters), {
    onError: (error, job) => logger.warn({ err: error, job: job?.key }, 'letters:dispatch could not record its outcome'),
  })
  logger.info({ dispatch: letters.dispatchChannel, ...(config.svarut ? {} : { outbox: config.outboxDir }) }, 'letters ready')
  let following = false
  const timer = setInterval(() => {
    if (following) return
    following = true
    letters
      .followStatuses()
      .then((changed) => changed && logger.info({ changed }, 'letter dispatch statuses updated'))
      .catch((error) => logger.warn({ err: error }, 'following letter dispatch statuses failed'))
      .finally(() => (following = false))
  }, STATUS_FOLLOW_INTERVAL_MS)
  timer.unref()
  return { letters, stop: () => clearInterval(timer) }
}
