/** The Slack simulator, driven with the real @slack/web-api WebClient. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient, type KnownBlock } from '@slack/web-api'
import { startSlackSim, type SlackSim } from './slack.ts'

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })

/** The Slack error code a rejected call carried. */
async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return error.data.error
    throw error
  }
  throw new Error('the call succeeded')
}

describe('Slack simulator', () => {
  let sim: SlackSim
  let client: WebClient
  beforeEach(async () => {
    sim = await startSlackSim({
      channels: [
        { id: 'C0CIMON001', name: 'ci-alerts' },
        { id: 'C0OUTSIDE1', name: 'elsewhere', isMember: false },
        { id: 'C0ARCHIVE1', name: 'old', isArchived: true }
      ]
    })
    client = new WebClient(sim.token, { slackApiUrl: sim.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, rejectRateLimitedCalls: true })
  })
  afterEach(async () => {
    await sim.close()
  })

  it('answers auth.test and checks the token', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'U0SIMBOT01', bot_id: 'B0SIMBOT01' })
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: sim.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR })
    expect(await slackError(wrong.auth.test())).toBe('invalid_auth')
    const none = new WebClient(undefined, { slackApiUrl: sim.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR })
    expect(await slackError(none.auth.test())).toBe('not_authed')
  })

  it('posts a form-encoded message, parsing the JSON-encoded blocks, and answers in Slack’s shape', async () => {
    const blocks = [section('*hello*'), { type: 'divider' } as KnownBlock]
    const response = await client.chat.postMessage({ channel: 'ci-alerts', text: 'hello', blocks, unfurl_links: false })
    expect(response).toMatchObject({ ok: true, channel: 'C0CIMON001', ts: sim.messages[0]!.ts, message: { type: 'message', text: 'hello', bot_id: 'B0SIMBOT01', blocks } })
    expect(response.ts).toMatch(/^\d{10}\.\d{6}$/)
    expect(sim.messages).toEqual([{ channel: 'C0CIMON001', ts: response.ts, text: 'hello', blocks, thread_ts: null, unfurl_links: false, unfurl_media: null, edits: 0 }])
    expect(sim.calls[0]).toMatchObject({ method: 'chat.postMessage', contentType: 'application/x-www-form-urlencoded', auth: 'header', status: 200 })
  })

  it('accepts JSON bodies and a token in the form body, as Slack does', async () => {
    const json = await fetch(`${sim.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${sim.token}` },
      body: JSON.stringify({ channel: 'C0CIMON001', blocks: [section('json')] })
    })
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0CIMON001' })
    const form = await fetch(`${sim.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: sim.token, channel: 'C0CIMON001', text: 'form' })
    })
    expect(await form.json()).toMatchObject({ ok: true })
    const jsonToken = await fetch(`${sim.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: sim.token, channel: 'C0CIMON001', text: 'json token' })
    })
    expect(await jsonToken.json()).toEqual({ ok: false, error: 'not_authed' })
    expect(sim.calls.map((c) => c.auth)).toEqual(['header', 'body', 'none'])
    expect(JSON.stringify(sim.calls)).not.toContain(sim.token)
    expect(sim.messages.map((m) => m.blocks)).toEqual([[section('json')], null])
  })

  it('replies in threads and updates messages in place', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0CIMON001', text: 'parent' })
    await client.chat.postMessage({ channel: 'C0CIMON001', text: 'reply', thread_ts: parent.ts! })
    const updated = await client.chat.update({ channel: 'C0CIMON001', ts: parent.ts!, text: 'parent, edited' })
    expect(updated).toMatchObject({ ok: true, channel: 'C0CIMON001', ts: parent.ts, text: 'parent, edited' })
    expect(sim.messages.map((m) => [m.text, m.thread_ts, m.edits])).toEqual([
      ['parent, edited', null, 1],
      ['reply', parent.ts, 0]
    ])
    expect(await slackError(client.chat.update({ channel: 'C0CIMON001', ts: '1.000001', text: 'x' }))).toBe('message_not_found')
  })

  it('refuses unknown, foreign and archived channels and empty messages', async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C0NOWHERE1', text: 'x' }))).toBe('channel_not_found')
    expect(await slackError(client.chat.postMessage({ channel: 'C0OUTSIDE1', text: 'x' }))).toBe('not_in_channel')
    expect(await slackError(client.chat.postMessage({ channel: 'C0ARCHIVE1', text: 'x' }))).toBe('is_archived')
    expect(await slackError(client.apiCall('chat.postMessage', { channel: 'C0CIMON001' }))).toBe('no_text')
    expect(await slackError(client.chat.postMessage({ channel: 'C0CIMON001', text: 'y'.repeat(40_001) }))).toBe('msg_too_long')
    expect(sim.messages).toEqual([])
  })

  it.each<[string, unknown[], string]>([
    ['an unknown block type', [{ type: 'bogus' }], 'unsupported type: bogus [json-pointer:/blocks/0/type]'],
    ['an input block in a message', [{ type: 'input' }], 'unsupported type: input [json-pointer:/blocks/0/type]'],
    ['more than 50 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), 'no more than 50 items allowed [json-pointer:/blocks]'],
    ['section text over 3000', [section('y'.repeat(3001))], 'must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    ['a header over 150', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }], 'must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }], 'must be a text object of type plain_text [json-pointer:/blocks/0/text]'],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }], 'no more than 10 items allowed [json-pointer:/blocks/0/fields]'],
    ['a button label over 75', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) } }] }], 'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]'],
    ['a javascript: button', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b' }, url: 'javascript:x' }] }], 'must be an http(s) URL of at most 3000 characters [json-pointer:/blocks/0/elements/0/url]'],
    ['an empty text', [section('')], 'must be at least 1 character [json-pointer:/blocks/0/text/text]']
  ])('rejects %s as invalid_blocks, with a pointer', async (_label, blocks, problem) => {
    const response = await fetch(`${sim.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.token}` },
      body: JSON.stringify({ channel: 'C0CIMON001', text: 't', blocks })
    })
    const body = (await response.json()) as { ok: boolean; error: string; errors: string[] }
    expect(body).toMatchObject({ ok: false, error: 'invalid_blocks' })
    expect(body.errors).toContain(problem)
    expect(sim.messages).toEqual([])
  })

  it('rejects unparseable blocks and blocks whose total text is too long', async () => {
    expect(await slackError(client.apiCall('chat.postMessage', { channel: 'C0CIMON001', text: 't', blocks: '[{' }))).toBe('invalid_blocks_format')
    const long = Array.from({ length: 5 }, () => section('z'.repeat(2900)))
    expect(await slackError(client.chat.postMessage({ channel: 'C0CIMON001', text: 't', blocks: long }))).toBe('msg_blocks_too_long')
  })

  it('answers conversations.info and unknown methods', async () => {
    expect(await client.conversations.info({ channel: 'C0OUTSIDE1' })).toMatchObject({ ok: true, channel: { id: 'C0OUTSIDE1', name: 'elsewhere', is_member: false } })
    expect(await slackError(client.conversations.info({ channel: 'C0NOWHERE1' }))).toBe('channel_not_found')
    expect(await slackError(client.apiCall('chat.nonsense', {}))).toBe('unknown_method')
  })

  describe('failure injection', () => {
    it('answers 429 with Retry-After for the next N calls, then recovers', async () => {
      sim.failNext({ kind: 'ratelimited', retryAfter: 7 }, 2)
      for (let i = 0; i < 2; i++) {
        const error = await client.chat.postMessage({ channel: 'C0CIMON001', text: 'x' }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(WebAPIRateLimitedError)
        expect((error as WebAPIRateLimitedError).retryAfter).toBe(7)
      }
      expect(await client.chat.postMessage({ channel: 'C0CIMON001', text: 'x' })).toMatchObject({ ok: true })
      expect(sim.calls.map((c) => c.status)).toEqual([429, 429, 200])
      expect(sim.messages).toHaveLength(1)
    })

    it('answers a bare HTTP error', async () => {
      sim.failNext({ kind: 'http', status: 503 })
      const error = await client.chat.postMessage({ channel: 'C0CIMON001', text: 'x' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WebAPIHTTPError)
      expect((error as WebAPIHTTPError).statusCode).toBe(503)
    })

    it('answers an ok:false error only for the targeted method', async () => {
      sim.failNext({ kind: 'error', error: 'internal_error' }, 1, 'chat.postMessage')
      expect(await client.auth.test()).toMatchObject({ ok: true })
      expect(await slackError(client.chat.postMessage({ channel: 'C0CIMON001', text: 'x' }))).toBe('internal_error')
      expect(await client.chat.postMessage({ channel: 'C0CIMON001', text: 'x' })).toMatchObject({ ok: true })
    })

    it('stalls an answer past the client timeout', async () => {
      sim.failNext({ kind: 'delay', ms: 10_000 })
      const impatient = new WebClient(sim.token, { slackApiUrl: sim.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, timeout: 100 })
      const started = Date.now()
      const error = await impatient.chat.postMessage({ channel: 'C0CIMON001', text: 'x' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WebAPIRequestError)
      expect(Date.now() - started).toBeLessThan(5_000)
    })
  })
})
