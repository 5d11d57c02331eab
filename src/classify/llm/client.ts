/**
 * The only code that talks to the model: one chat completion per call through the `openai` SDK,
 * against an OpenAI-compatible endpoint (OpenRouter by default). Every setting is passed in, so
 * nothing comes from OPENAI_* environment variables; the SDK's own retries are off and replaced
 * by a short, bounded loop whose waits the caller (and tests) choose. It never throws: every
 * failure comes back as a reason the policy records.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAI } from 'openai'
import type { ChatCompletion } from 'openai/resources/chat/completions'
import type { ChatMessage } from './prompt.js'
import type { JsonSchemaResponseFormat } from './schema.js'
import { plainLine } from './text.js'
import type { FallbackReason, TokenUsage } from './types.js'

export interface LlmClientOptions {
  apiKey: string
  /** e.g. https://openrouter.ai/api/v1 */
  baseURL: string
  model: string
  /** Per attempt (default 60 s). */
  timeoutMs?: number
  /** Attempts after the first on timeouts, connection errors, 408/409/429/5xx (default 2). */
  retries?: number
  /** First wait between attempts, doubled each time (default 1 s). */
  backoffMs?: number
  /** A server asking to wait longer than this (Retry-After) ends the retries (default 20 s). */
  maxRetryWaitMs?: number
}

export interface ChatRequest {
  messages: readonly ChatMessage[]
  responseFormat: JsonSchemaResponseFormat
  maxCompletionTokens: number
}

export type CallFailureReason = Extract<FallbackReason, 'timeout' | 'rate-limited' | 'http-error' | 'connection-error' | 'invalid-response'>

export type ChatOutcome =
  | { ok: true; completion: ChatCompletion; attempts: number; latencyMs: number }
  | { ok: false; reason: CallFailureReason; status: number | null; detail: string; attempts: number; latencyMs: number }

export interface LlmClient {
  readonly model: string
  complete(request: ChatRequest): Promise<ChatOutcome>
}

const DEFAULTS = { timeoutMs: 60_000, retries: 2, backoffMs: 1_000, maxRetryWaitMs: 20_000 }

// Headers the SDK itself sends. Anything else came from OPENAI_CUSTOM_HEADERS, which the SDK
// reads from the environment with no option to turn it off.
const SDK_HEADERS = /^(?:authorization|content-type|content-length|accept|user-agent|x-stainless-[a-z-]+)$/i

export function createLlmClient(options: LlmClientOptions): LlmClient {
  // Without a key the SDK would look for OPENAI_API_KEY; rules-only runs pass no client at all.
  if (!options.apiKey) throw new Error('createLlmClient needs an API key; without one, run rules only (client: null).')
  const settings = { ...DEFAULTS, ...definedOnly(options) }
  const sdk = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    // Explicit nulls, so OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_ADMIN_KEY, OPENAI_WEBHOOK_SECRET and OPENAI_LOG stay unread.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'off',
    timeout: settings.timeoutMs,
    maxRetries: 0,
    fetch: sdkHeadersOnly
  })

  return {
    model: options.model,
    async complete(request) {
      const started = performance.now()
      const elapsed = () => Math.round(performance.now() - started)
      for (let attempt = 1; ; attempt++) {
        const attemptStarted = performance.now()
        try {
          const completion = await sdk.chat.completions.create(
            {
              model: options.model,
              messages: [...request.messages],
              response_format: request.responseFormat,
              max_completion_tokens: request.maxCompletionTokens,
              stream: false
            },
            { timeout: settings.timeoutMs, maxRetries: 0 }
          )
          return { ok: true, completion, attempts: attempt, latencyMs: elapsed() }
        } catch (error) {
          const failure = describeFailure(error, settings.timeoutMs, performance.now() - attemptStarted)
          const wait = attempt <= settings.retries && failure.retryable ? retryWait(failure.retryAfterMs, attempt, settings) : null
          if (wait === null) {
            return { ok: false, reason: failure.reason, status: failure.status, detail: failure.detail, attempts: attempt, latencyMs: elapsed() }
          }
          await sleep(wait)
        }
      }
    }
  }
}

function sdkHeadersOnly(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers)
  for (const name of [...headers.keys()]) if (!SDK_HEADERS.test(name)) headers.delete(name)
  return fetch(input, { ...init, headers })
}

interface Failure {
  reason: CallFailureReason
  status: number | null
  detail: string
  retryable: boolean
  retryAfterMs: number | null
}

function describeFailure(error: unknown, timeoutMs: number, attemptMs: number): Failure {
  // Some fetch implementations (and realms) hide the abort behind a generic connection error;
  // one that ends when the timeout is up is the timeout.
  if (error instanceof APIConnectionTimeoutError || (error instanceof APIConnectionError && attemptMs >= timeoutMs)) {
    return { reason: 'timeout', status: null, detail: `No answer within ${timeoutMs} ms.`, retryable: true, retryAfterMs: null }
  }
  if (error instanceof APIConnectionError) {
    const code = (error.cause as { cause?: { code?: unknown }; code?: unknown } | undefined)?.cause?.code
    return {
      reason: 'connection-error',
      status: null,
      detail: `Could not reach the model endpoint${typeof code === 'string' ? ` (${plainLine(code, 40)})` : ''}.`,
      retryable: true,
      retryAfterMs: null
    }
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status
    const code = typeof error.code === 'string' ? ` ${plainLine(error.code, 60)}` : ''
    const detail = `HTTP ${status}${code}: ${plainLine(error.message, 160)}`
    // OpenAI answers 429 both for "slow down" and for "no credit left"; only the first passes.
    const quota = error.code === 'insufficient_quota'
    return {
      reason: status === 429 ? 'rate-limited' : 'http-error',
      status,
      detail,
      retryable: !quota && (status === 408 || status === 409 || status === 429 || status >= 500),
      retryAfterMs: retryAfterOf(error.headers)
    }
  }
  // Anything else the SDK raised (a body it could not parse, an unexpected shape).
  const name = error instanceof Error ? error.name : typeof error
  return { reason: 'invalid-response', status: null, detail: `The endpoint's answer could not be read (${plainLine(name, 60)}).`, retryable: false, retryAfterMs: null }
}

function retryAfterOf(headers: Headers | undefined): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return ms
  const seconds = Number.parseFloat(headers?.get('retry-after') ?? '')
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null
}

/** Exponential backoff, or the server's Retry-After when longer; null when that is too long to wait. */
function retryWait(retryAfterMs: number | null, attempt: number, settings: typeof DEFAULTS): number | null {
  const backoff = settings.backoffMs * 2 ** (attempt - 1)
  if (retryAfterMs === null) return Math.min(backoff, settings.maxRetryWaitMs)
  return retryAfterMs > settings.maxRetryWaitMs ? null : Math.max(retryAfterMs, backoff)
}

/** The token counts the provider reported, when it reported them. */
export function usageOf(completion: ChatCompletion): TokenUsage | null {
  const usage = completion.usage
  if (!usage) return null
  const counts = [usage.prompt_tokens, usage.completion_tokens, usage.total_tokens]
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) return null
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
