import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { sendSlackMessage, type SendSlackOptions } from '../../src/notify/slack.js'
import type { SlackMessage } from '../../src/notify/slack-message.js'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { listenLoopback } from '../sim/slack-openai-loopback.ts'

const message: SlackMessage = {
  text: 'CI failed',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*CI failed*', verbatim: true } }]
}

describe('sendSlackMessage against the Slack simulator', () => {
  let sim: SlackSim
  let waits: number[]
  const sleep = async (ms: number) => {
    waits.push(ms)
  }
  const send = (overrides: Partial<SendSlackOptions> = {}) =>
    sendSlackMessage({ token: sim.token, channel: 'C0CIMON001', message, apiUrl: sim.url, retries: 1, minDelayMs: 50, ...overrides }, { sleep })

  beforeEach(async () => {
    sim = await startSlackSim({ channels: [{ id: 'C0CIMON001', name: 'ci-alerts' }, { id: 'C0OUTSIDE1', name: 'elsewhere', isMember: false }] })
    waits = []
  })
  afterEach(async () => {
    await sim.close()
  })

  it('posts with unfurls off and the token only in the Authorization header', async () => {
    const result = await send()
    expect(result).toEqual({ ok: true, channel: 'C0CIMON001', ts: sim.messages[0]!.ts, attempts: 1 })
    expect(sim.messages[0]).toMatchObject({ channel: 'C0CIMON001', text: 'CI failed', blocks: message.blocks, unfurl_links: false, unfurl_media: false, thread_ts: null })
    expect(sim.calls[0]).toMatchObject({ method: 'chat.postMessage', auth: 'header', contentType: 'application/x-www-form-urlencoded' })
    expect(JSON.stringify(sim.calls)).not.toContain(sim.token)
  })

  it('resolves a channel name and replies in a thread', async () => {
    const parent = await send({ channel: '#ci-alerts' })
    expect(parent.ok).toBe(true)
    const reply = await send({ channel: 'ci-alerts', threadTs: parent.ok ? parent.ts : null })
    expect(reply).toMatchObject({ ok: true, channel: 'C0CIMON001' })
    expect(sim.messages[1]!.thread_ts).toBe(sim.messages[0]!.ts)
  })

  it('updates an existing message in place', async () => {
    const first = await send()
    if (!first.ok) throw new Error('post failed')
    const updated = await send({ updateTs: first.ts, message: { ...message, text: 'CI failed (re-run passed)' } })
    expect(updated).toEqual({ ok: true, channel: 'C0CIMON001', ts: first.ts, attempts: 1 })
    expect(sim.messages).toHaveLength(1)
    expect(sim.messages[0]).toMatchObject({ text: 'CI failed (re-run passed)', edits: 1 })
    expect(sim.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update'])
  })

  it('waits what Retry-After asks on a 429, then succeeds', async () => {
    sim.failNext({ kind: 'ratelimited', retryAfter: 2 })
    const result = await send()
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(waits).toEqual([2000])
    expect(sim.calls.map((c) => c.status)).toEqual([429, 200])
  })

  it('honours Retry-After with a real wait', async () => {
    sim.failNext({ kind: 'ratelimited', retryAfter: 1 })
    const started = Date.now()
    const result = await sendSlackMessage({ token: sim.token, channel: 'C0CIMON001', message, apiUrl: sim.url, retries: 1 })
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('gives up without waiting when Retry-After exceeds the longest allowed wait', async () => {
    sim.failNext({ kind: 'ratelimited', retryAfter: 120 })
    const result = await send({ retries: 3, maxDelayMs: 30_000 })
    expect(result).toEqual({ ok: false, error: 'ratelimited (retry after 120 s) (asked to wait 120 s, more than allowed)', retryable: true, attempts: 1 })
    expect(waits).toEqual([])
  })

  it('retries HTTP 5xx with backoff and reports a retryable failure when they persist', async () => {
    sim.failNext({ kind: 'http', status: 500 }, 3)
    const result = await send({ retries: 2 })
    expect(result).toEqual({ ok: false, error: 'HTTP 500 Internal Server Error', retryable: true, attempts: 3 })
    expect(waits).toEqual([50, 100])
    expect(sim.messages).toHaveLength(0)
  })

  it("retries Slack's own transient errors", async () => {
    sim.failNext({ kind: 'error', error: 'internal_error' })
    expect(await send()).toMatchObject({ ok: true, attempts: 2 })
  })

  it.each([
    ['a wrong token', { token: 'xoxb-wrong' }, 'invalid_auth'],
    ['an unknown channel', { channel: 'C0NOWHERE1' }, 'channel_not_found'],
    ['a channel the bot is not in', { channel: 'C0OUTSIDE1' }, 'not_in_channel']
  ])('does not retry %s', async (_label, overrides, error) => {
    const result = await send({ retries: 3, ...overrides })
    expect(result).toEqual({ ok: false, error, retryable: false, attempts: 1 })
    expect(sim.calls).toHaveLength(1)
    expect(waits).toEqual([])
  })

  it('does not retry blocks Slack rejects', async () => {
    const bad: SlackMessage = { text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } }] }
    const result = await send({ retries: 3, message: bad })
    expect(result).toEqual({
      ok: false,
      error: 'invalid_blocks: must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
      retryable: false,
      attempts: 1
    })
  })

  it('reports a timeout as retryable', async () => {
    sim.failNext({ kind: 'delay', ms: 5_000 })
    const started = Date.now()
    const result = await send({ retries: 0, timeoutMs: 200 })
    expect(result).toMatchObject({ ok: false, retryable: true, attempts: 1 })
    expect(result.ok === false && result.error).toMatch(/^request failed: /)
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})

describe('sendSlackMessage without a reachable Slack', () => {
  it('reports a refused connection as retryable and does not throw', async () => {
    const closed = await listenLoopback(async (_req, res) => {
      res.end()
    })
    await closed.close()
    const result = await sendSlackMessage({ token: 'xoxb-t', channel: 'C1', message, apiUrl: `${closed.origin}/api/`, retries: 0 })
    expect(result).toMatchObject({ ok: false, retryable: true, attempts: 1 })
  })

  it('never lets the token into an error', async () => {
    const token = 'xoxb-1111-2222-secretsecret'
    const result = await sendSlackMessage(
      { token, channel: 'C1', message },
      {
        createClient: () => {
          throw new Error(`cannot use ${token} here`)
        }
      }
    )
    expect(result).toEqual({ ok: false, error: 'cannot use *** here', retryable: false, attempts: 0 })
  })
})
