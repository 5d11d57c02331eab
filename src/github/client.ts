import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../log/logger.js'

export type Octokit = ReturnType<typeof getOctokit>

/** Owner and name of the repository ci-monitor works on. */
export interface Repo {
  owner: string
  repo: string
}

export interface ClientOptions {
  /** GITHUB_API_URL read at run time: @actions/github fixes its own default at import time. */
  baseUrl: string
  log: Logger
  /** Longest wait (seconds) the client accepts for a rate limit before giving up. */
  maxRateLimitWait?: number
}

/**
 * An Octokit with GitHub's recommended retry and throttling: 5xx and network errors are retried
 * with backoff, rate limits wait for their reset when the wait is short, 4xx are final.
 */
export function createOctokit(token: string, options: ClientOptions): Octokit {
  const maxWait = options.maxRateLimitWait ?? 120
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount < 2 && retryAfter <= maxWait) {
      options.log.warning(`GitHub ${kind} hit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`)
      return true
    }
    options.log.warning(`GitHub ${kind} hit on ${request.method} ${request.url}; giving up (retry after ${retryAfter}s).`)
    return false
  }
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: 'ci-monitor',
      log: {
        debug: (m: string) => options.log.debug(m),
        info: (m: string) => options.log.debug(m),
        warn: (m: string) => options.log.warning(m),
        error: (m: string) => options.log.warning(m)
      },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451], retries: 3 },
      throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') }
    },
    retry,
    throttling
  )
}

export function parseRepository(fullName: string): Repo {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName)
  if (!match) throw new Error(`Invalid repository '${fullName}'. Expected format {owner}/{repo}.`)
  return { owner: match[1], repo: match[2] }
}

/** HTTP status of an Octokit error, or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status
  }
  return undefined
}
