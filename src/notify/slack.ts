/**
 * The one place that talks to Slack. It posts (or updates) a message and never throws: the
 * caller gets a result it can record and degrade on (the job summary carries the message
 * instead). Retries are ours rather than WebClient's: its built-in rate-limit wait sleeps for
 * whatever Retry-After says and its default policy retries for half an hour, while an action
 * has a bounded budget.
 */
import {
  LogLevel,
  type Logger,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type WebClientOptions
} from '@slack/web-api'
import type { SlackMessage } from './slack-message.js'

export interface SendSlackOptions {
  /** Bot token (xoxb-…). Masking it in the log is the caller's job; this module never prints it. */
  token: string
  /** Channel id or name. */
  channel: string
  message: SlackMessage
  /** Post as a reply in this thread. */
  threadTs?: string | null
  /** Update this existing message (chat.update) instead of posting a new one. */
  updateTs?: string | null
  /** Web API base URL (`slackApiUrl`), e.g. a simulator's; default https://slack.com/api/. */
  apiUrl?: string | null
  /** Retries after the first attempt (default 3). */
  retries?: number
  /** First backoff delay for 5xx and network errors, doubled each retry (default 1000 ms). */
  minDelayMs?: number
  /** Longest single wait, including a 429's Retry-After; a longer demand ends the tries (default 30 s). */
  maxDelayMs?: number
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number
}

export type SlackResult =
  | { ok: true; channel: string; ts: string; attempts: number }
  | { ok: false; error: string; retryable: boolean; attempts: number }

/** The part of WebClient this module uses, so tests can substitute it. */
export interface SlackChatApi {
  chat: Pick<WebClient['chat'], 'postMessage' | 'update'>
}

export interface SlackDeps {
  createClient?: (token: string, options: WebClientOptions) => SlackChatApi
  sleep?: (ms: number) => Promise<void>
}

const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {}
}

/** Slack error codes worth another try: Slack's own transient failures. */
const RETRYABLE_PLATFORM_ERRORS = new Set(['ratelimited', 'rate_limited', 'internal_error', 'service_unavailable', 'request_timeout'])

interface Failure {
  error: string
  retryable: boolean
  /** Seconds Slack asked us to wait, for rate limits. */
  retryAfter?: number
}

export async function sendSlackMessage(options: SendSlackOptions, deps: SlackDeps = {}): Promise<SlackResult> {
  const createClient = deps.createClient ?? ((token, clientOptions) => new WebClient(token, clientOptions))
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const retries = Math.max(0, options.retries ?? 3)
  const minDelayMs = options.minDelayMs ?? 1_000
  const maxDelayMs = options.maxDelayMs ?? 30_000

  let client: SlackChatApi
  try {
    client = createClient(options.token, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 15_000,
      // Only our methods, only under slackApiUrl.
      allowAbsoluteUrls: false,
      // Its log lines would reach stdout unescaped; failures come back in the result instead.
      logger: silentLogger
    })
  } catch (error) {
    return { ok: false, error: redact(describe(error), options.token), retryable: false, attempts: 0 }
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const response = await callOnce(client, options)
      if (typeof response.channel === 'string' && typeof response.ts === 'string') {
        return { ok: true, channel: response.channel, ts: response.ts, attempts: attempt }
      }
      return { ok: false, error: 'Slack answered without channel and ts', retryable: false, attempts: attempt }
    } catch (error) {
      const failure = classify(error)
      const message = redact(failure.error, options.token)
      if (!failure.retryable || attempt > retries) return { ok: false, error: message, retryable: failure.retryable, attempts: attempt }
      const backoff = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1))
      const wait = failure.retryAfter !== undefined ? failure.retryAfter * 1_000 : backoff
      // Slack's Retry-After is not ours to shorten: when it is longer than allowed, stop here.
      if (wait > maxDelayMs) {
        return { ok: false, error: `${message} (asked to wait ${Math.ceil(wait / 1000)} s, more than allowed)`, retryable: true, attempts: attempt }
      }
      await sleep(wait)
    }
  }
}

async function callOnce(client: SlackChatApi, options: SendSlackOptions): Promise<{ channel?: string; ts?: string }> {
  const { text, blocks } = options.message
  if (options.updateTs) {
    return client.chat.update({ channel: options.channel, ts: options.updateTs, text, blocks })
  }
  return client.chat.postMessage({
    channel: options.channel,
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {})
  })
}

function classify(error: unknown): Failure {
  if (error instanceof WebAPIRateLimitedError) {
    return { error: `ratelimited (retry after ${error.retryAfter} s)`, retryable: true, retryAfter: error.retryAfter }
  }
  if (error instanceof WebAPIPlatformError) {
    const code = String(error.data.error)
    const retryAfter = error.data.response_metadata?.retryAfter
    // invalid_blocks and friends say what is wrong in `errors`: keep the first few.
    const errors: unknown = (error.data as { errors?: unknown }).errors
    const details = Array.isArray(errors) ? errors.slice(0, 3).map(String).join('; ') : ''
    return { error: details ? `${code}: ${details}` : code, retryable: RETRYABLE_PLATFORM_ERRORS.has(code), ...(typeof retryAfter === 'number' ? { retryAfter } : {}) }
  }
  if (error instanceof WebAPIHTTPError) {
    return { error: `HTTP ${error.statusCode} ${error.statusMessage}`.trim(), retryable: error.statusCode >= 500 || error.statusCode === 408 }
  }
  if (error instanceof WebAPIRequestError) {
    return { error: `request failed: ${describe(error.original)}`, retryable: true }
  }
  return { error: describe(error), retryable: false }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Belt and braces: no error text leaves this module with the token in it. */
function redact(text: string, token: string): string {
  return token ? text.split(token).join('***') : text
}
