/**
 * OpenAI-compatible chat-completions simulator on loopback, for tests and `npm run demo`. Point
 * the `openai` SDK at it with `baseURL: sim.url`. It checks the bearer key and the request shape
 * (including the strict json_schema rules the real API enforces), answers from a script the test
 * sets (content, refusal, `finish_reason: length`, HTTP errors in OpenAI's shape, a stall longer
 * than the client's timeout), counts tokens roughly like the real usage block, and records every
 * request. Independent of src/ on purpose.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChatCompletion } from 'openai/resources/chat/completions'
import { BodyTooLarge, delayUnlessGone, listenLoopback, readBody, sendJson } from './slack-openai-loopback.ts'

export type ScriptedReply =
  /** An assistant message; `finishReason: 'length'` means the model was cut off. */
  | { kind: 'content'; content: string; finishReason?: 'stop' | 'length' | 'content_filter' }
  /** A structured-outputs refusal: `content: null`, `refusal: <text>`. */
  | { kind: 'refusal'; refusal: string }
  /** An HTTP error in OpenAI's `{ error: { message, type, param, code } }` shape. */
  | { kind: 'error'; status: number; message?: string; type?: string; code?: string | null; retryAfter?: number }
  /** Hold the answer `ms` (longer than the client's timeout), then answer `then` if anyone still listens. */
  | { kind: 'delay'; ms: number; then?: ScriptedReply }

export interface RecordedChatRequest {
  method: string
  path: string
  /** The parsed body (null when it was not JSON). */
  body: Record<string, unknown> | null
  model: string | null
  messages: Array<{ role: string; content: unknown }>
  responseFormat: unknown
  /** Whether the bearer key matched. */
  authorized: boolean
  status: number
  /** What the simulator answered with: a script kind, or the validation that refused it. */
  outcome: string
}

export interface OpenAISimOptions {
  /** The key the simulator accepts (default `sk-simulated-key`). */
  apiKey?: string
  /** Models that exist; others answer `model_not_found`. Default: any model. */
  models?: string[]
  /** Answer when the script is empty (default: HTTP 500 saying the script ran out). */
  fallback?: (request: RecordedChatRequest) => ScriptedReply
}

export interface OpenAISim {
  /** Give to the SDK as `baseURL`. */
  url: string
  apiKey: string
  requests: RecordedChatRequest[]
  /** Appends replies to the script, consumed one per valid request. */
  enqueue(...replies: ScriptedReply[]): void
  /** Replies not yet consumed. */
  pending(): number
  close(): Promise<void>
}

const MAX_BODY_BYTES = 10 * 1024 * 1024
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function'])
const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/

interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
  outcome: string
}

class InvalidRequest extends Error {
  readonly param: string | null
  constructor(message: string, param: string | null) {
    super(message)
    this.param = param
  }
}

export async function startOpenAISim(options: OpenAISimOptions = {}): Promise<OpenAISim> {
  const apiKey = options.apiKey ?? 'sk-simulated-key'
  const script: ScriptedReply[] = []
  const requests: RecordedChatRequest[] = []
  let sequence = 0

  const server = await listenLoopback(async (req: IncomingMessage, res: ServerResponse) => {
    sequence += 1
    const path = new URL(req.url ?? '/', 'http://sim').pathname
    const record: RecordedChatRequest = {
      method: req.method ?? '',
      path,
      body: null,
      model: null,
      messages: [],
      responseFormat: undefined,
      authorized: false,
      status: 0,
      outcome: ''
    }
    requests.push(record)
    const send = (answer: Answer) => {
      record.status = answer.status
      record.outcome = answer.outcome
      if (res.destroyed || res.writableEnded) return
      sendJson(res, answer.status, answer.body, { 'x-request-id': `req_sim_${sequence}`, 'openai-version': '2020-10-01', ...answer.headers })
    }

    let raw: string
    try {
      raw = await readBody(req, MAX_BODY_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(errorAnswer(413, 'Request body too large.', 'invalid_request_error', null, null, 'too-large'))
      throw error
    }
    try {
      const parsed: unknown = JSON.parse(raw)
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) record.body = parsed as Record<string, unknown>
    } catch {
      // left null: answered below once auth is known
    }
    if (record.body) {
      record.model = typeof record.body.model === 'string' ? record.body.model : null
      record.messages = Array.isArray(record.body.messages) ? (record.body.messages as RecordedChatRequest['messages']) : []
      record.responseFormat = record.body.response_format
    }

    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (!key) {
      return send(errorAnswer(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error', null, null, 'no-key'))
    }
    if (key !== apiKey) {
      return send(errorAnswer(401, `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key', null, 'bad-key'))
    }
    record.authorized = true
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return send(errorAnswer(404, `Invalid URL (${req.method} ${path})`, 'invalid_request_error', null, null, 'not-found'))
    }
    if (!record.body) {
      return send(errorAnswer(400, 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly.)', 'invalid_request_error', null, null, 'bad-json'))
    }
    try {
      validateRequest(record.body)
    } catch (error) {
      if (!(error instanceof InvalidRequest)) throw error
      return send(errorAnswer(400, error.message, 'invalid_request_error', null, error.param, 'invalid-request'))
    }
    if (options.models && !options.models.includes(record.model!)) {
      return send(errorAnswer(404, `The model \`${record.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found', null, 'model-not-found'))
    }

    let reply: ScriptedReply | undefined = script.shift() ?? options.fallback?.(record)
    if (!reply) return send(errorAnswer(500, 'openai simulator: the test scripted no reply for this request', 'server_error', null, null, 'script-empty'))
    while (reply.kind === 'delay') {
      await delayUnlessGone(res, reply.ms)
      if (res.destroyed) {
        record.outcome = 'delay (client gone)'
        return
      }
      reply = reply.then ?? { kind: 'content', content: '{}' }
    }
    return send(replyAnswer(reply, record.body, record.model!, sequence))
  })

  return {
    url: `${server.origin}/v1`,
    apiKey,
    requests,
    enqueue: (...replies) => {
      script.push(...replies)
    },
    pending: () => script.length,
    close: server.close
  }
}

function replyAnswer(reply: Exclude<ScriptedReply, { kind: 'delay' }>, body: Record<string, unknown>, model: string, sequence: number): Answer {
  if (reply.kind === 'error') {
    const defaults = ERROR_DEFAULTS[reply.status] ?? { message: `Simulated error ${reply.status}.`, type: 'server_error', code: null }
    const answer = errorAnswer(
      reply.status,
      reply.message ?? defaults.message,
      reply.type ?? defaults.type,
      reply.code === undefined ? defaults.code : reply.code,
      null,
      `error ${reply.status}`
    )
    if (reply.retryAfter !== undefined) answer.headers = { 'retry-after': String(reply.retryAfter) }
    return answer
  }
  const content = reply.kind === 'content' ? reply.content : null
  const refusal = reply.kind === 'refusal' ? reply.refusal : null
  const finishReason = reply.kind === 'content' ? (reply.finishReason ?? 'stop') : 'stop'
  const promptTokens = countPromptTokens(body)
  const limit = numberOr(body.max_completion_tokens, numberOr(body.max_tokens, null))
  const completionTokens = finishReason === 'length' && limit !== null ? limit : estimateTokens(content ?? refusal ?? '')
  const completion = {
    id: `chatcmpl-sim${String(sequence).padStart(6, '0')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: finishReason }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 }
    },
    service_tier: 'default',
    system_fingerprint: 'fp_simulated'
  } satisfies ChatCompletion
  return { status: 200, body: completion, outcome: reply.kind === 'refusal' ? 'refusal' : `content (${finishReason})` }
}

const ERROR_DEFAULTS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  429: {
    message: 'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.',
    type: 'requests',
    code: 'rate_limit_exceeded'
  },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null }
}

function errorAnswer(status: number, message: string, type: string, code: string | null, param: string | null, outcome: string): Answer {
  return { status, body: { error: { message, type, param, code } }, outcome }
}

function maskKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}${'*'.repeat(Math.min(20, key.length - 7))}${key.slice(-4)}`
}


// ---------------------------------------------------------------------------------------------
// Request checks, worded like the real API's 400 messages.

function validateRequest(body: Record<string, unknown>): void {
  if (typeof body.model !== 'string' || body.model === '') throw new InvalidRequest('you must provide a model parameter', 'model')
  if (body.stream === true) throw new InvalidRequest('the simulator does not stream; ci-monitor never asks for it', 'stream')
  const messages = body.messages
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages')
  }
  messages.forEach((message: unknown, i) => {
    if (!isObject(message)) throw new InvalidRequest(`Invalid type for 'messages[${i}]': expected an object.`, `messages[${i}]`)
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
      throw new InvalidRequest(`Invalid value: '${String(message.role)}'. Supported values are: ${[...ROLES].map((r) => `'${r}'`).join(', ')}.`, `messages[${i}].role`)
    }
    const content = message.content
    const contentOk =
      typeof content === 'string' ||
      (Array.isArray(content) && content.every((part) => isObject(part) && typeof part.type === 'string')) ||
      (content === null && message.role === 'assistant')
    if (!contentOk) {
      throw new InvalidRequest(`Invalid type for 'messages[${i}].content': expected one of a string or array of objects.`, `messages[${i}].content`)
    }
  })
  for (const key of ['max_tokens', 'max_completion_tokens'] as const) {
    const value = body[key]
    if (value !== undefined && value !== null && !(Number.isInteger(value) && (value as number) > 0)) {
      throw new InvalidRequest(`Invalid '${key}': expected a positive integer.`, key)
    }
  }
  if (body.temperature !== undefined && body.temperature !== null) {
    const t = body.temperature
    if (typeof t !== 'number' || t < 0 || t > 2) throw new InvalidRequest("Invalid 'temperature': expected a number between 0 and 2.", 'temperature')
  }
  if (body.response_format !== undefined && body.response_format !== null) validateResponseFormat(body.response_format, messages)
}

function validateResponseFormat(format: unknown, messages: unknown[]): void {
  if (!isObject(format) || typeof format.type !== 'string') throw new InvalidRequest("Invalid 'response_format': expected an object with a type.", 'response_format')
  switch (format.type) {
    case 'text':
      return
    case 'json_object':
      if (!JSON.stringify(messages).toLowerCase().includes('json')) {
        throw new InvalidRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages')
      }
      return
    case 'json_schema': {
      const spec = format.json_schema
      if (!isObject(spec)) throw new InvalidRequest("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema')
      if (typeof spec.name !== 'string' || !SCHEMA_NAME.test(spec.name)) {
        throw new InvalidRequest("Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$.", 'response_format.json_schema.name')
      }
      if (!isObject(spec.schema)) throw new InvalidRequest("Invalid 'response_format.json_schema.schema': expected an object.", 'response_format.json_schema.schema')
      if (spec.strict === true) {
        const problem = strictSchemaProblem(spec.schema, [])
        if (problem) throw new InvalidRequest(`Invalid schema for response_format '${spec.name}': ${problem}`, 'response_format')
      }
      return
    }
    default:
      throw new InvalidRequest(`Invalid value: '${format.type}'. Supported values are: 'text', 'json_object', and 'json_schema'.`, 'response_format.type')
  }
}

/**
 * Structured Outputs' strict mode: every object has `additionalProperties: false` and lists all
 * its properties in `required`; the root is an object, not `anyOf`.
 */
function strictSchemaProblem(schema: Record<string, unknown>, path: string[]): string | null {
  const context = `In context=(${path.map((p) => `'${p}'`).join(', ')})`
  if (path.length === 0 && schema.type !== 'object') return `${context}, schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema.type)}"'.`
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.includes('object')) {
    if (schema.additionalProperties !== false) return `${context}, 'additionalProperties' is required to be supplied and to be false.`
    const properties = isObject(schema.properties) ? schema.properties : {}
    const required = Array.isArray(schema.required) ? schema.required : []
    const missing = Object.keys(properties).filter((key) => !required.includes(key))
    if (missing.length > 0) {
      return `${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`
    }
    for (const [key, child] of Object.entries(properties)) {
      if (isObject(child)) {
        const problem = strictSchemaProblem(child, [...path, 'properties', key])
        if (problem) return problem
      }
    }
  }
  const nested: Array<[string, unknown]> = [
    ['items', schema.items],
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]).map((s, i): [string, unknown] => [`${k}/${i}`, s]) : [])),
    ...Object.entries(isObject(schema.$defs) ? schema.$defs : {}).map(([k, s]): [string, unknown] => [`$defs/${k}`, s])
  ]
  for (const [key, child] of nested) {
    if (isObject(child)) {
      const problem = strictSchemaProblem(child, [...path, key])
      if (problem) return problem
    }
  }
  return null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** About four characters a token, like OpenAI's rule of thumb for English text. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

/** Message text plus the per-message framing overhead the real counts include. */
function countPromptTokens(body: Record<string, unknown>): number {
  const messages = Array.isArray(body.messages) ? body.messages : []
  let total = 3
  for (const message of messages) {
    const content = isObject(message) ? message.content : ''
    total += 4 + estimateTokens(typeof content === 'string' ? content : JSON.stringify(content ?? ''))
  }
  if (body.response_format) total += estimateTokens(JSON.stringify(body.response_format))
  return total
}
