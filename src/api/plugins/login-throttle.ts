// Sign-in throttling: failed sign-ins are counted per username and per address over a window
// (@fastify/rate-limit's counters); once either reaches its limit, every sign-in for that username
// or from that address gets 429 with Retry-After until the window has passed, right password or
// not, so guessing is slow whichever is varied. Only failures count, so the many caseworkers
// of one office behind one address can all sign in in the morning.
// The counters live in this process: several processes each allow as many. Behind a reverse
// proxy the address is the client's only when the proxy is trusted (SAMFLYT_TRUSTED_PROXIES).
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { LoginThrottleConfig } from '../../config.js'
import { SamflytError } from '../../errors.js'

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleConfig = { perUsername: 10, perAddress: 50, windowSeconds: 5 * 60 }

export interface LoginThrottle {
  /** Refuses with 429 (and Retry-After) when the username or the address has failed too often. */
  check(request: FastifyRequest, reply: FastifyReply, username: string): Promise<void>
  /** Counts one failed sign-in against both. */
  failed(request: FastifyRequest, username: string): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: LoginThrottle
  }
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>

export async function registerLoginThrottle(app: FastifyInstance, config: LoginThrottleConfig = DEFAULT_LOGIN_THROTTLE): Promise<void> {
  // No route is limited by itself (global: false): sign-in asks when it knows the username.
  await app.register(rateLimit, { global: false })
  const timeWindow = config.windowSeconds * 1000
  // Room for many counters, so that a flood of made-up usernames cannot push real ones out
  // (the local store reads `cache` from a limiter's options, though its types leave it out).
  const limiter = (max: number, keyGenerator: (request: FastifyRequest) => string) =>
    app.createRateLimit(Object.assign({ max, timeWindow, keyGenerator }, { cache: 100_000 }))
  const byUsername = limiter(config.perUsername, (request) => usernameKey(request))
  const byAddress = limiter(config.perAddress, (request) => request.ip)

  const keyed = new WeakMap<FastifyRequest, string>()
  const usernameKey = (request: FastifyRequest) => keyed.get(request) ?? ''

  async function exhausted(limiter: Limiter, request: FastifyRequest, max: number): Promise<number | undefined> {
    const state = await limiter(request, { increment: false })
    if (state.isAllowed || state.max - state.remaining < max) return undefined
    return Math.max(1, state.ttlInSeconds)
  }

  app.decorate('loginThrottle', {
    async check(request, reply, username) {
      keyed.set(request, username.toLowerCase())
      const wait = Math.max((await exhausted(byUsername, request, config.perUsername)) ?? 0, (await exhausted(byAddress, request, config.perAddress)) ?? 0)
      if (wait > 0) {
        reply.header('retry-after', String(wait))
        request.log.warn({ username, address: request.ip, retryAfterSeconds: wait }, 'sign-in throttled')
        throw new SamflytError('SAMFLYT_RATE_LIMITED', `Too many failed sign-ins for this username or from this address; try again in ${wait} seconds`)
      }
    },
    async failed(request, username) {
      keyed.set(request, username.toLowerCase())
      await byUsername(request)
      await byAddress(request)
    },
  } satisfies LoginThrottle)
}
