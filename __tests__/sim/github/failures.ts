// Failures tests inject in place of real answers, to drive retry and degrade paths.
import type { InjectedFailure } from './types.ts'

/** Matches any operation. */
export const ANY_OPERATION = '*'

interface Pending {
  operationId: string
  remaining: number
  failure: InjectedFailure
}

export class FailureQueue {
  private readonly pending: Pending[] = []

  add(operationId: string, failure: InjectedFailure): void {
    this.pending.push({ operationId, remaining: failure.times ?? 1, failure })
  }

  /** The failure to answer this call with, if one is queued for the operation (first in, first out). */
  take(operationId: string): InjectedFailure | null {
    const index = this.pending.findIndex((p) => p.operationId === operationId || p.operationId === ANY_OPERATION)
    if (index < 0) return null
    const entry = this.pending[index]
    if (--entry.remaining <= 0) this.pending.splice(index, 1)
    return entry.failure
  }
}

/**
 * GitHub's secondary rate limit answer: 403 with `retry-after` and a message containing
 * "secondary rate limit" (what @octokit/plugin-throttling recognises).
 */
export function secondaryRateLimit(retryAfterSeconds = 1, times = 1): InjectedFailure {
  return {
    status: 403,
    times,
    retryAfter: retryAfterSeconds,
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
      'If you reach out to GitHub Support for help, please include the request ID.'
  }
}

/** GitHub's primary rate limit answer: 403 with `x-ratelimit-remaining: 0` and the reset time. */
export function primaryRateLimit(resetInSeconds = 1, times = 1): InjectedFailure {
  return {
    status: 403,
    times,
    message: 'API rate limit exceeded for installation. Check out the documentation for more details.',
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    }
  }
}

/** Default message per status for injected failures without one. */
export const failureMessage = (failure: InjectedFailure): string =>
  failure.message ?? (failure.status >= 500 ? 'Server Error' : failure.status === 429 ? 'Too Many Requests' : 'Forbidden')
