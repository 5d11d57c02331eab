/**
 * Slack Web API simulator on loopback, for tests and `npm run demo`. Point `@slack/web-api`'s
 * WebClient at it with `slackApiUrl: sim.url`. It answers the methods ci-monitor uses in Slack's
 * shapes (HTTP 200 with `{ ok: false, error }` for platform errors, 429 with Retry-After for rate
 * limits), checks the token, the channel and Block Kit limits, records every call and message, and
 * fails on demand. Independent of src/ on purpose.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthTestResponse, ChatPostMessageResponse, ChatUpdateResponse, ConversationsInfoResponse } from '@slack/web-api'
import { BodyTooLarge, delayUnlessGone, listenLoopback, readBody, sendJson } from './slack-openai-loopback.ts'

export interface SimChannel {
  id: string
  name: string
  /** The bot was invited (default true); otherwise posting answers `not_in_channel`. */
  isMember?: boolean
  isArchived?: boolean
}

export interface SlackSimOptions {
  /** The bot token the simulator accepts (default `xoxb-simulated-token`). */
  token?: string
  /** Known channels (default one: C0CIMON001 / ci-alerts). */
  channels?: SimChannel[]
  /**
   * Total block text above which Slack answers `msg_blocks_too_long`. Undocumented; observed at
   * about 13,000 characters (slackapi/bolt-js#2509).
   */
  blocksTotalChars?: number
}

export type SlackFault =
  /** HTTP 429, `Retry-After: <retryAfter>`, body `{ ok: false, error: 'ratelimited' }`. */
  | { kind: 'ratelimited'; retryAfter: number }
  /** A bare HTTP error status (500, 502, 503 …). */
  | { kind: 'http'; status: number }
  /** HTTP 200 `{ ok: false, error }`, e.g. `internal_error`, `invalid_auth`. */
  | { kind: 'error'; error: string }
  /** Answer normally, but only after `ms` (for client timeouts). */
  | { kind: 'delay'; ms: number }

export interface SlackCall {
  method: string
  params: Record<string, unknown>
  contentType: string
  /** Where the token came from. */
  auth: 'header' | 'body' | 'none'
  status: number
  response: unknown
}

export interface SlackSimMessage {
  channel: string
  ts: string
  text: string
  blocks: unknown[] | null
  thread_ts: string | null
  unfurl_links: boolean | null
  unfurl_media: boolean | null
  /** chat.update calls applied to this message. */
  edits: number
}

export interface SlackSim {
  /** Give to WebClient as `slackApiUrl`. */
  url: string
  token: string
  channels: SimChannel[]
  /** Every call, in order, with what was answered. */
  calls: SlackCall[]
  /** Messages in posting order; chat.update changes them in place. */
  messages: SlackSimMessage[]
  /** The next `times` calls (of `method`, or any) fail with `fault`. */
  failNext(fault: SlackFault, times?: number, method?: string): void
  close(): Promise<void>
}

const MAX_BODY_BYTES = 5 * 1024 * 1024
const TEXT_MAX = 40_000
const MAX_BLOCKS = 50
const BOT = { user_id: 'U0SIMBOT01', bot_id: 'B0SIMBOT01', team_id: 'T0SIMTEAM1', app_id: 'A0SIMAPP01' }
/** Block types Slack accepts in messages (input blocks belong to modals). */
const MESSAGE_BLOCK_TYPES = new Set(['actions', 'context', 'divider', 'file', 'header', 'image', 'markdown', 'rich_text', 'section', 'table', 'video'])

interface PendingFault {
  fault: SlackFault
  remaining: number
  method: string | undefined
}

interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export async function startSlackSim(options: SlackSimOptions = {}): Promise<SlackSim> {
  const token = options.token ?? 'xoxb-simulated-token'
  const channels = options.channels ?? [{ id: 'C0CIMON001', name: 'ci-alerts' }]
  const blocksTotalChars = options.blocksTotalChars ?? 13_000
  const calls: SlackCall[] = []
  const messages: SlackSimMessage[] = []
  const faults: PendingFault[] = []
  let sequence = 0

  const nextTs = () => {
    sequence += 1
    return `${1_700_000_000 + sequence}.${String(sequence).padStart(6, '0')}`
  }

  const findChannel = (value: unknown): SimChannel | undefined => {
    if (typeof value !== 'string' || value === '') return undefined
    const name = value.replace(/^#/, '')
    return channels.find((c) => c.id === value || c.name === name)
  }

  const takeFault = (method: string): SlackFault | undefined => {
    const index = faults.findIndex((f) => f.method === undefined || f.method === method)
    if (index === -1) return undefined
    const pending = faults[index]!
    pending.remaining -= 1
    if (pending.remaining <= 0) faults.splice(index, 1)
    return pending.fault
  }

  const handle = async (method: string, params: Record<string, unknown>): Promise<Answer> => {
    switch (method) {
      case 'auth.test':
        return ok({ ok: true, url: 'https://simulated.slack.com/', team: 'Simulated', user: 'ci-monitor', ...BOT, is_enterprise_install: false } satisfies AuthTestResponse)
      case 'conversations.info': {
        const channel = findChannel(params.channel)
        if (!channel) return platformError('channel_not_found')
        return ok({
          ok: true,
          channel: { id: channel.id, name: channel.name, is_channel: true, is_private: false, is_archived: channel.isArchived ?? false, is_member: channel.isMember ?? true }
        } satisfies ConversationsInfoResponse)
      }
      case 'chat.postMessage':
        return postMessage(params)
      case 'chat.update':
        return updateMessage(params)
      default:
        return platformError('unknown_method')
    }
  }

  const postMessage = (params: Record<string, unknown>): Answer => {
    const channel = findChannel(params.channel)
    if (!channel) return platformError('channel_not_found')
    if (channel.isArchived) return platformError('is_archived')
    if (channel.isMember === false) return platformError('not_in_channel')
    const content = checkContent(params)
    if ('error' in content) return content.error
    const threadTs = typeof params.thread_ts === 'string' && params.thread_ts !== '' ? params.thread_ts : null
    const message: SlackSimMessage = {
      channel: channel.id,
      ts: nextTs(),
      text: content.text,
      blocks: content.blocks,
      thread_ts: threadTs,
      unfurl_links: asBoolean(params.unfurl_links),
      unfurl_media: asBoolean(params.unfurl_media),
      edits: 0
    }
    messages.push(message)
    return ok({ ok: true, channel: channel.id, ts: message.ts, message: messageShape(message) } satisfies ChatPostMessageResponse)
  }

  const updateMessage = (params: Record<string, unknown>): Answer => {
    const channel = findChannel(params.channel)
    if (!channel) return platformError('channel_not_found')
    const message = messages.find((m) => m.channel === channel.id && m.ts === params.ts)
    if (!message) return platformError('message_not_found')
    const content = checkContent(params)
    if ('error' in content) return content.error
    message.text = content.text
    message.blocks = content.blocks
    message.edits += 1
    return ok({ ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageShape(message) } satisfies ChatUpdateResponse)
  }

  const checkContent = (params: Record<string, unknown>): { text: string; blocks: unknown[] | null } | { error: Answer } => {
    const text = typeof params.text === 'string' ? params.text : ''
    let blocks: unknown = params.blocks ?? null
    if (typeof blocks === 'string') {
      try {
        blocks = JSON.parse(blocks)
      } catch {
        return { error: platformError('invalid_blocks_format') }
      }
    }
    if (blocks !== null && !Array.isArray(blocks)) return { error: platformError('invalid_blocks_format') }
    if (text === '' && (blocks === null || blocks.length === 0)) return { error: platformError('no_text') }
    if (text.length > TEXT_MAX) return { error: platformError('msg_too_long') }
    if (blocks !== null) {
      const problems = blockProblems(blocks)
      if (problems.length > 0) {
        return {
          error: {
            status: 200,
            body: { ok: false, error: 'invalid_blocks', errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } }
          }
        }
      }
      if (blockTextLength(blocks) > blocksTotalChars) return { error: platformError('msg_blocks_too_long') }
    }
    return { text, blocks: blocks as unknown[] | null }
  }

  const server = await listenLoopback(async (req: IncomingMessage, res: ServerResponse) => {
    const method = new URL(req.url ?? '/', 'http://sim').pathname.replace(/^\/api\//, '')
    const contentType = req.headers['content-type'] ?? ''
    let params: Record<string, unknown>
    try {
      params = parseParams(await readBody(req, MAX_BODY_BYTES), contentType)
    } catch (error) {
      const answer = error instanceof BodyTooLarge ? { status: 413, body: { ok: false, error: 'request_too_large' } } : platformError('invalid_form_data')
      return reply(res, { method, params: {}, contentType, auth: 'none' }, answer)
    }
    const auth = authSource(req, params, contentType)
    // The recorded params never hold the token.
    const { token: bodyToken, ...recorded } = params
    const call = { method, params: recorded, contentType, auth }

    if (req.method !== 'POST') return reply(res, call, { status: 405, body: { ok: false, error: 'method_not_allowed' } })
    const fault = takeFault(method)
    if (fault?.kind === 'delay') await delayUnlessGone(res, fault.ms)
    else if (fault) return reply(res, call, faultAnswer(fault))
    const presented = auth === 'header' ? bearer(req) : auth === 'body' ? String(bodyToken) : null
    if (presented === null) return reply(res, call, platformError('not_authed'))
    if (presented !== token) return reply(res, call, platformError('invalid_auth'))
    return reply(res, call, await handle(method, params))
  })

  function reply(res: ServerResponse, call: Omit<SlackCall, 'status' | 'response'>, answer: Answer): void {
    calls.push({ ...call, status: answer.status, response: answer.body })
    // The client may have given up (timeout) while a delay fault held the answer.
    if (res.destroyed || res.writableEnded) return
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers })
      res.end(answer.body)
    } else sendJson(res, answer.status, answer.body, answer.headers)
  }

  return {
    url: `${server.origin}/api/`,
    token,
    channels,
    calls,
    messages,
    failNext(fault, times = 1, method) {
      faults.push({ fault, remaining: times, method })
    },
    close: server.close
  }
}


function ok(body: unknown): Answer {
  return { status: 200, body }
}

function platformError(error: string): Answer {
  return { status: 200, body: { ok: false, error } }
}

function faultAnswer(fault: Exclude<SlackFault, { kind: 'delay' }>): Answer {
  switch (fault.kind) {
    case 'ratelimited':
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(fault.retryAfter) } }
    case 'http':
      return { status: fault.status, body: `simulated HTTP ${fault.status}` }
    case 'error':
      return platformError(fault.error)
  }
}

function parseParams(body: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = body === '' ? {} : JSON.parse(body)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('JSON body must be an object')
    return parsed as Record<string, unknown>
  }
  if (contentType.startsWith('application/x-www-form-urlencoded') || body === '') {
    return Object.fromEntries(new URLSearchParams(body))
  }
  throw new Error(`unsupported content type ${contentType}`)
}

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
  return match ? match[1]! : null
}

/** Slack takes the token from the Authorization header, or from a form field (never from JSON). */
function authSource(req: IncomingMessage, params: Record<string, unknown>, contentType: string): SlackCall['auth'] {
  if (bearer(req) !== null) return 'header'
  return typeof params.token === 'string' && !contentType.startsWith('application/json') ? 'body' : 'none'
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  return null
}

function messageShape(message: SlackSimMessage) {
  return {
    type: 'message',
    subtype: 'bot_message',
    text: message.text,
    user: BOT.user_id,
    bot_id: BOT.bot_id,
    app_id: BOT.app_id,
    team: BOT.team_id,
    ts: message.ts,
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...(message.blocks ? { blocks: message.blocks as never[] } : {})
  }
}

// ---------------------------------------------------------------------------------------------
// Block Kit checks: the limits Slack enforces on the blocks ci-monitor can send. Problems are
// worded like Slack's `errors` entries, with a JSON pointer.

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function blockProblems(blocks: unknown[]): string[] {
  const problems: string[] = []
  if (blocks.length > MAX_BLOCKS) problems.push(`no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`)
  const blockIds = new Set<string>()
  blocks.forEach((block, i) => {
    const at = `/blocks/${i}`
    if (!isObject(block) || typeof block.type !== 'string') {
      problems.push(`must provide an object with a type [json-pointer:${at}]`)
      return
    }
    if (!MESSAGE_BLOCK_TYPES.has(block.type)) {
      problems.push(`unsupported type: ${block.type} [json-pointer:${at}/type]`)
      return
    }
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== 'string' || block.block_id.length === 0 || block.block_id.length > 255) {
        problems.push(`must be a string of at most 255 characters [json-pointer:${at}/block_id]`)
      } else if (blockIds.has(block.block_id)) {
        problems.push(`duplicate block_id [json-pointer:${at}/block_id]`)
      } else blockIds.add(block.block_id)
    }
    switch (block.type) {
      case 'header':
        textProblems(block.text, `${at}/text`, 150, problems, ['plain_text'])
        break
      case 'section':
        sectionProblems(block, at, problems)
        break
      case 'context':
        listProblems(block.elements, `${at}/elements`, 10, problems, (element, where) => {
          if (isObject(element) && element.type === 'image') return imageProblems(element, where, problems)
          textProblems(element, where, 3000, problems)
        })
        break
      case 'actions':
        actionsProblems(block, at, problems)
        break
      case 'markdown':
        if (typeof block.text !== 'string' || block.text.length === 0 || block.text.length > 12_000) {
          problems.push(`must be 1 to 12000 characters [json-pointer:${at}/text]`)
        }
        break
    }
  })
  return problems
}

function textProblems(value: unknown, at: string, max: number, problems: string[], types = ['plain_text', 'mrkdwn']): void {
  if (!isObject(value) || typeof value.type !== 'string' || !types.includes(value.type)) {
    problems.push(`must be a text object of type ${types.join(' or ')} [json-pointer:${at}]`)
    return
  }
  if (typeof value.text !== 'string' || value.text.length === 0) problems.push(`must be at least 1 character [json-pointer:${at}/text]`)
  else if (value.text.length > max) problems.push(`must be less than ${max + 1} characters [json-pointer:${at}/text]`)
  if (value.verbatim !== undefined && value.type !== 'mrkdwn') problems.push(`verbatim is only allowed on mrkdwn [json-pointer:${at}/verbatim]`)
  if (value.emoji !== undefined && value.type !== 'plain_text') problems.push(`emoji is only allowed on plain_text [json-pointer:${at}/emoji]`)
}

function listProblems(value: unknown, at: string, max: number, problems: string[], each: (item: unknown, at: string) => void): void {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`must provide a non-empty array [json-pointer:${at}]`)
    return
  }
  if (value.length > max) problems.push(`no more than ${max} items allowed [json-pointer:${at}]`)
  value.forEach((item, i) => each(item, `${at}/${i}`))
}

function sectionProblems(block: Json, at: string, problems: string[]): void {
  if (block.text === undefined && block.fields === undefined) {
    problems.push(`must provide either text or fields [json-pointer:${at}]`)
    return
  }
  if (block.text !== undefined) textProblems(block.text, `${at}/text`, 3000, problems)
  if (block.fields !== undefined) listProblems(block.fields, `${at}/fields`, 10, problems, (field, where) => textProblems(field, where, 2000, problems))
  if (block.accessory !== undefined && (!isObject(block.accessory) || typeof block.accessory.type !== 'string')) {
    problems.push(`must provide an element with a type [json-pointer:${at}/accessory]`)
  }
}

function actionsProblems(block: Json, at: string, problems: string[]): void {
  const actionIds = new Set<string>()
  listProblems(block.elements, `${at}/elements`, 25, problems, (element, where) => {
    if (!isObject(element) || typeof element.type !== 'string') {
      problems.push(`must provide an element with a type [json-pointer:${where}]`)
      return
    }
    if (typeof element.action_id === 'string') {
      if (element.action_id.length > 255) problems.push(`must be at most 255 characters [json-pointer:${where}/action_id]`)
      if (actionIds.has(element.action_id)) problems.push(`duplicate action_id [json-pointer:${where}/action_id]`)
      actionIds.add(element.action_id)
    }
    if (element.type !== 'button') return
    textProblems(element.text, `${where}/text`, 75, problems, ['plain_text'])
    if (element.url !== undefined && (typeof element.url !== 'string' || element.url.length > 3000 || !/^https?:\/\//.test(element.url))) {
      problems.push(`must be an http(s) URL of at most 3000 characters [json-pointer:${where}/url]`)
    }
    if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
      problems.push(`must be primary or danger [json-pointer:${where}/style]`)
    }
  })
}

function imageProblems(element: Json, at: string, problems: string[]): void {
  if (typeof element.alt_text !== 'string' || element.alt_text.length === 0) problems.push(`must provide alt_text [json-pointer:${at}/alt_text]`)
  if (typeof element.image_url !== 'string' && !isObject(element.slack_file)) problems.push(`must provide image_url or slack_file [json-pointer:${at}]`)
}

/** Characters of text across all blocks, the measure `msg_blocks_too_long` appears to use. */
function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0)
  if (!isObject(value)) return 0
  let total = 0
  for (const [key, item] of Object.entries(value)) {
    if (key === 'text' && typeof item === 'string') total += item.length
    else total += blockTextLength(item)
  }
  return total
}
