// The executor's budgets through the bundled action against the simulators: a run is re-run
// once and a fingerprint at most N times a day; a burst of runs failing the same way raises one
// incident (issue + Slack thread) instead of more re-runs; a corrupt cache entry named by the
// log is deleted only when the repository lists exactly that key; dry-run changes nothing.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim, GitHubSimOptions } from '../sim/github/index.ts'
import { defaultTokens } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { GITHUB_TOKEN, REPO, runAction, startSim, stateDocuments, type ActionResult } from './harness.ts'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'executor')
/** A transient checkout failure: the git server answered 500 (DEVOPS, network, re-run). */
const GIT_500 = readFileSync(path.join(FIXTURES, 'checkout-git-500.log'), 'utf8')
/** An actions/cache restore that could not unpack its entry (zstd + tar errors, fail-on-cache-miss). */
const CORRUPT_CACHE = readFileSync(path.join(FIXTURES, 'zstd-corrupt-fail-on-cache-miss.log'), 'utf8')
const CORRUPT_KEY = 'Linux-npm-5f0c8a3e9d2b4c6a7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6'

const CHECKOUT_STEPS = [
  { name: 'Set up job', conclusion: 'success' as const },
  { name: 'Run actions/checkout@v5', conclusion: 'failure' as const },
  { name: 'Complete job', conclusion: 'success' as const }
]
const CACHE_STEPS = [
  { name: 'Set up job', conclusion: 'success' as const },
  { name: 'Run actions/checkout@v5', conclusion: 'success' as const },
  { name: 'Run actions/cache@v4', conclusion: 'failure' as const },
  { name: 'Complete job', conclusion: 'success' as const }
]

const CHANNELS = [
  { id: 'C0CIMON001', name: 'ci-alerts' },
  { id: 'C0CRIT0001', name: 'ci-critical' }
]

interface Setup {
  sim: GitHubSim
  slack: SlackSim
  /** Adds a failed run of the Build job with this log. */
  fail: (log: string, steps?: typeof CHECKOUT_STEPS) => Promise<number>
  /** Runs the action on the `workflow_run` event of a run. */
  analyse: (runId: number, inputs?: Record<string, string>) => Promise<ActionResult>
  /** The fingerprint document on the state branch. */
  ledger: (fingerprint: string) => Promise<Record<string, any>>
  close: () => Promise<void>
}

async function setUp(config: string, simOptions: Partial<GitHubSimOptions> = {}): Promise<Setup> {
  const sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW, '.github/ci-monitor.yml': config }, simOptions)
  const slack = await startSlackSim({ channels: CHANNELS })
  return {
    sim,
    slack,
    fail: async (log, steps = CHECKOUT_STEPS) => (await sim.addRun(REPO, { jobs: [{ name: 'Build', steps, log }] })).id,
    analyse: async (runId, inputs = {}) =>
      runAction(sim, {
        eventName: 'workflow_run',
        payload: await sim.workflowRunEvent(REPO, runId),
        inputs: { 'slack-bot-token': slack.token, 'slack-api-url': slack.url, ...inputs }
      }),
    ledger: async (fingerprint) => (await stateDocuments(sim))[`fingerprints/${fingerprint}.json`] as Record<string, any>,
    close: async () => {
      await sim.close()
      await slack.close()
    }
  }
}

const record = async (sim: GitHubSim, runId: number, attempt = 1) => (await stateDocuments(sim))[`runs/${runId}/attempt-${attempt}.json`] as Record<string, any>
const effectsOf = (doc: Record<string, any>, kind: string) => (doc.effects as Array<Record<string, string>>).filter((effect) => effect.kind === kind)
const writes = (sim: GitHubSim) => sim.requests.filter((request) => request.method !== 'GET')

describe('re-run budget', () => {
  let s: Setup
  beforeAll(async () => {
    s = await setUp('slack_channels: { alerts: ci-alerts }\nreruns_per_fingerprint_per_day: 2\nincident: { runs: 50 }\n')
  })
  afterAll(async () => s?.close())

  it('re-runs a run once with debug logging, a fingerprint at most N times a day, then reports instead', async () => {
    const first = await s.fail(GIT_500)
    const a = await s.analyse(first)
    expect(a.outputs).toMatchObject({ category: 'network', decision: 'rerun' })
    const fingerprint = a.outputs.fingerprint!
    expect(s.sim.reruns).toEqual([expect.objectContaining({ runId: first, jobId: null, enableDebugLogging: true, attempt: 2 })])

    // The re-run fails the same way: attempt 2 is reported, never re-run again.
    s.sim.finishAttempt(REPO, first, { conclusion: 'failure', logs: { Build: GIT_500 } })
    const again = await s.analyse(first)
    expect(again.outputs.decision).toBe('notify')
    expect(s.sim.reruns).toHaveLength(1)

    const second = await s.fail(GIT_500)
    expect((await s.analyse(second)).outputs.decision).toBe('rerun')
    expect(s.sim.reruns.map((rerun) => rerun.runId)).toEqual([first, second])
    const ledger = await s.ledger(fingerprint)
    expect(ledger.reruns).toEqual([expect.objectContaining({ run_id: first, attempt: 1 }), expect.objectContaining({ run_id: second, attempt: 1 })])

    // The budget (2 a day) is spent: the third run is reported, with the reason.
    const alertsBefore = s.slack.messages.length
    const third = await s.fail(GIT_500)
    const spent = await s.analyse(third)
    expect(spent.code).toBe(0)
    expect(spent.outputs.decision).toBe('notify')
    expect(s.sim.reruns).toHaveLength(2)
    expect(spent.summary).toContain('the re\\-run budget is spent')
    const doc = await record(s.sim, third)
    expect(effectsOf(doc, 'rerun')).toEqual([expect.objectContaining({ outcome: 'skipped', detail: expect.stringContaining('re-run 2 time(s) in the last 24 hours (limit 2 a day)') })])
    expect(doc.jobs[0].decision.reasons).toEqual(expect.arrayContaining([expect.stringContaining('the re-run budget is spent')]))
    expect(s.slack.messages.slice(alertsBefore)).toEqual([expect.objectContaining({ channel: 'C0CIMON001', thread_ts: null })])
    expect((await s.ledger(fingerprint)).reruns).toHaveLength(2)
    expect(s.sim.violations).toEqual([])
  })
})

describe('re-run budget counted from the state branch', () => {
  let s: Setup
  beforeAll(async () => {
    s = await setUp('reruns_per_fingerprint_per_day: 1\n')
  })
  afterAll(async () => s?.close())

  it('reads a fingerprint document written before budgets existed, and one whose budget is spent', async () => {
    const probe = await s.fail(GIT_500)
    const fingerprint = (await s.analyse(probe, { 'dry-run': 'true' })).outputs.fingerprint!
    const old = {
      schema_version: 1,
      kind: 'fingerprint',
      fingerprint,
      owner: 'DEVOPS',
      category: 'network',
      first_seen: '2026-01-01T00:00:00.000Z',
      last_seen: '2026-01-01T00:00:00.000Z',
      count: 1,
      occurrences: [{ run_id: 1, attempt: 1, job: 'Build', head_sha: 'a'.repeat(40), branch: 'main', at: '2026-01-01T00:00:00.000Z' }],
      flaky: [],
      pulls: [],
      llm_memo: null
    }
    await s.sim.commit(REPO, { branch: 'ci-monitor-state', files: { [`fingerprints/${fingerprint}.json`]: JSON.stringify(old) } })
    const run = await s.fail(GIT_500)
    expect((await s.analyse(run)).outputs.decision).toBe('rerun')
    const upgraded = await s.ledger(fingerprint)
    expect(upgraded).toMatchObject({ count: 2, incident: null, reruns: [expect.objectContaining({ run_id: run })] })

    // A re-run 23 hours ago spends a budget of 1; one 25 hours ago would not.
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    const spent = { ...upgraded, reruns: [{ run_id: 7, attempt: 1, at: hoursAgo(25) }, { run_id: 8, attempt: 1, at: hoursAgo(23) }] }
    await s.sim.commit(REPO, { branch: 'ci-monitor-state', files: { [`fingerprints/${fingerprint}.json`]: JSON.stringify(spent) } })
    const later = await s.fail(GIT_500)
    const result = await s.analyse(later)
    expect(result.outputs.decision).toBe('notify')
    expect(result.summary).toContain('re\\-run 1 time\\(s\\) in the last 24 hours \\(limit 1 a day\\)')
    expect(s.sim.reruns.map((rerun) => rerun.runId)).toEqual([run])
  })
})

describe('incident', () => {
  let s: Setup
  beforeAll(async () => {
    s = await setUp('slack_channels: { alerts: ci-alerts, critical: ci-critical }\nreruns_per_fingerprint_per_day: 10\nincident: { runs: 3, window_minutes: 60 }\n')
  })
  afterAll(async () => s?.close())

  it('raises one incident for a burst, then comments and replies in its thread instead of re-running', async () => {
    const runs: number[] = []
    for (let i = 0; i < 2; i++) {
      runs.push(await s.fail(GIT_500))
      expect((await s.analyse(runs[i]!)).outputs.decision).toBe('rerun')
    }
    expect(s.sim.reruns).toHaveLength(2)

    // The third run in the window makes it an incident: no re-run, one issue, one Slack message.
    runs.push(await s.fail(GIT_500))
    const third = await s.analyse(runs[2]!)
    expect(third.outputs.decision).toBe('notify')
    expect(s.sim.reruns).toHaveLength(2)
    const incidents = s.sim.issues(REPO).filter((issue) => issue.labels.includes('ci-monitor:incident'))
    expect(incidents).toEqual([expect.objectContaining({ state: 'open', labels: ['ci-monitor', 'ci-monitor:incident'], isPullRequest: false })])
    const issue = incidents[0]!
    const fingerprint = third.outputs.fingerprint!
    expect(issue.body).toContain(`<!-- ci-monitor:incident fingerprint=${fingerprint} -->`)
    expect(issue.body).toContain('**3 runs** of `CI` failed the same way in the last 60 minutes')
    expect(s.slack.messages).toEqual([expect.objectContaining({ channel: 'C0CRIT0001', thread_ts: null })])
    const parent = s.slack.messages[0]!
    expect(JSON.stringify(parent.blocks)).toContain(`/issues/${issue.number}|Incident issue>`)
    expect(third.summary).toContain(`part of incident \\#${issue.number}`)
    expect(await s.ledger(fingerprint)).toMatchObject({ incident: { issue_number: issue.number, slack_channel: 'C0CRIT0001', slack_ts: parent.ts } })
    const thirdRecord = await record(s.sim, runs[2]!)
    expect(effectsOf(thirdRecord, 'incident-issue')).toEqual([expect.objectContaining({ outcome: 'done' })])
    expect(effectsOf(thirdRecord, 'incident-slack')).toEqual([expect.objectContaining({ outcome: 'done' })])

    // A fourth run: a comment on the same issue and a reply in the same thread.
    runs.push(await s.fail(GIT_500))
    const fourthPayload = await s.sim.workflowRunEvent(REPO, runs[3]!)
    const inputs = { 'slack-bot-token': s.slack.token, 'slack-api-url': s.slack.url }
    expect((await runAction(s.sim, { eventName: 'workflow_run', payload: fourthPayload, inputs })).outputs.decision).toBe('notify')
    expect(s.sim.issues(REPO).filter((i) => i.labels.includes('ci-monitor:incident'))).toHaveLength(1)
    expect(s.sim.comments(REPO, issue.number)).toEqual([expect.objectContaining({ body: expect.stringContaining(`Run ${runs[3]} (attempt 1)`) })])
    expect(s.slack.messages).toHaveLength(2)
    expect(s.slack.messages[1]).toMatchObject({ channel: 'C0CRIT0001', thread_ts: parent.ts })

    // The same event delivered again posts nothing twice.
    await runAction(s.sim, { eventName: 'workflow_run', payload: fourthPayload, inputs })
    expect(s.sim.comments(REPO, issue.number)).toHaveLength(1)
    expect(s.slack.messages).toHaveLength(2)
    expect(s.sim.reruns).toHaveLength(2)
    expect(s.sim.violations).toEqual([])
  })

  it('opens a new incident when the burst goes on after a person closed the issue', async () => {
    const [open] = s.sim.issues(REPO).filter((issue) => issue.labels.includes('ci-monitor:incident'))
    const closed = await fetch(`${s.sim.apiUrl}/repos/${REPO}/issues/${open!.number}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${GITHUB_TOKEN}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify({ state: 'closed' })
    })
    expect(closed.status).toBe(200)
    const messages = s.slack.messages.length
    const run = await s.fail(GIT_500)
    expect((await s.analyse(run)).outputs.decision).toBe('notify')
    const incidents = s.sim.issues(REPO).filter((issue) => issue.labels.includes('ci-monitor:incident'))
    expect(incidents.map((issue) => issue.state).sort()).toEqual(['closed', 'open'])
    // A new incident gets its own message, not a reply in the old thread.
    expect(s.slack.messages.slice(messages)).toEqual([expect.objectContaining({ channel: 'C0CRIT0001', thread_ts: null })])
    expect(s.sim.reruns).toHaveLength(2)
  })
})

describe('corrupt cache entry', () => {
  let s: Setup
  const OTHER_KEY = 'Linux-npm-0000000000000000000000000000000000000000000000000000000000000000'
  beforeAll(async () => {
    s = await setUp('reruns_per_fingerprint_per_day: 5\n')
    s.sim.addCache(REPO, { key: CORRUPT_KEY, ref: 'refs/heads/main' })
    s.sim.addCache(REPO, { key: CORRUPT_KEY, ref: 'refs/heads/feature' })
    s.sim.addCache(REPO, { key: `${CORRUPT_KEY}-extra`, ref: 'refs/heads/main' })
    s.sim.addCache(REPO, { key: 'Linux-npm-', ref: 'refs/heads/main' })
  })
  afterAll(async () => s?.close())

  it('dry-run says which entry it would delete, and deletes nothing', async () => {
    const run = await s.fail(CORRUPT_CACHE, CACHE_STEPS)
    const before = writes(s.sim).length
    const result = await s.analyse(run, { 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(result.summary).toContain('Would delete the corrupt cache entry')
    expect(writes(s.sim).length).toBe(before)
    expect(s.sim.caches(REPO)).toHaveLength(4)
    expect(s.sim.reruns).toEqual([])
  })

  it('deletes exactly the named entry on the run\'s branch, then re-runs once', async () => {
    const run = await s.fail(CORRUPT_CACHE, CACHE_STEPS)
    const result = await s.analyse(run)
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('rerun')
    expect(s.sim.caches(REPO)).toEqual([
      { key: CORRUPT_KEY, ref: 'refs/heads/feature' },
      { key: `${CORRUPT_KEY}-extra`, ref: 'refs/heads/main' },
      { key: 'Linux-npm-', ref: 'refs/heads/main' }
    ])
    const deletes = s.sim.requests.filter((request) => request.method === 'DELETE')
    expect(deletes).toHaveLength(1)
    expect(deletes[0]!.path).toContain(`key=${CORRUPT_KEY}&ref=refs%2Fheads%2Fmain`)
    expect(s.sim.reruns).toEqual([expect.objectContaining({ runId: run, enableDebugLogging: true })])
    const doc = await record(s.sim, run)
    expect(effectsOf(doc, 'cache-delete')).toEqual([expect.objectContaining({ outcome: 'done', detail: `Deleted the corrupt cache entry ${CORRUPT_KEY} (refs/heads/main).` })])
    expect(effectsOf(doc, 'rerun')).toEqual([expect.objectContaining({ outcome: 'done' })])
  })

  it('deletes nothing the repository does not list, and then does not re-run', async () => {
    const run = await s.fail(CORRUPT_CACHE.replaceAll(CORRUPT_KEY, OTHER_KEY), CACHE_STEPS)
    const deletesBefore = s.sim.requests.filter((request) => request.method === 'DELETE').length
    const result = await s.analyse(run)
    expect(result.code).toBe(0)
    expect(s.sim.requests.filter((request) => request.method === 'DELETE')).toHaveLength(deletesBefore)
    expect(s.sim.caches(REPO)).toHaveLength(3)
    expect(s.sim.reruns).toHaveLength(1)
    const doc = await record(s.sim, run)
    expect(effectsOf(doc, 'cache-delete')).toEqual([expect.objectContaining({ outcome: 'skipped', detail: expect.stringContaining("not in the repository's cache list") })])
    expect(doc.jobs[0].decision.reasons).toEqual(expect.arrayContaining([expect.stringContaining('a re-run would restore it again')]))
    expect(s.sim.violations).toEqual([])
  })
})

describe('corrupt cache entry without actions: write', () => {
  let s: Setup
  beforeAll(async () => {
    const tokens = defaultTokens()
    tokens[GITHUB_TOKEN] = { ...tokens[GITHUB_TOKEN]!, permissions: { ...tokens[GITHUB_TOKEN]!.permissions, actions: 'read' } }
    s = await setUp('', { tokens })
    s.sim.addCache(REPO, { key: CORRUPT_KEY, ref: 'refs/heads/main' })
  })
  afterAll(async () => s?.close())

  it('names the missing permission and keeps the entry', async () => {
    const result = await s.analyse(await s.fail(CORRUPT_CACHE, CACHE_STEPS))
    expect(result.code).toBe(0)
    expect(result.summary).toContain('needs the actions: write permission')
    expect(s.sim.caches(REPO)).toEqual([{ key: CORRUPT_KEY, ref: 'refs/heads/main' }])
    expect(s.sim.reruns).toEqual([])
  })
})

describe('dry-run of an incident', () => {
  let s: Setup
  beforeAll(async () => {
    s = await setUp('slack_channels: { critical: ci-critical }\nincident: { runs: 3 }\n')
  })
  afterAll(async () => s?.close())

  it('says it would raise an incident and writes nothing anywhere', async () => {
    const probe = await s.fail(GIT_500)
    const fingerprint = (await s.analyse(probe, { 'dry-run': 'true' })).outputs.fingerprint!
    const recently = new Date(Date.now() - 10 * 60_000).toISOString()
    const doc = {
      schema_version: 1,
      kind: 'fingerprint',
      fingerprint,
      owner: 'DEVOPS',
      category: 'network',
      first_seen: recently,
      last_seen: recently,
      count: 2,
      occurrences: [1, 2].map((run) => ({ run_id: run, attempt: 1, job: 'Build', head_sha: 'a'.repeat(40), branch: 'main', at: recently })),
      flaky: [],
      pulls: [],
      llm_memo: null
    }
    await s.sim.commit(REPO, { branch: 'ci-monitor-state', files: { [`fingerprints/${fingerprint}.json`]: JSON.stringify(doc) } })
    const before = writes(s.sim).length
    const run = await s.fail(GIT_500)
    const result = await s.analyse(run, { 'dry-run': 'true', 'slack-channel': 'ci-alerts' })
    expect(result.code).toBe(0)
    expect(result.summary).toContain('Would raise an incident and not re\\-run: 3 runs failed this way in the last 60 minutes')
    expect(writes(s.sim).length).toBe(before)
    expect(s.sim.issues(REPO)).toEqual([])
    expect(s.slack.calls.filter((call) => call.method.startsWith('chat.'))).toEqual([])
    expect(s.sim.reruns).toEqual([])
  })
})
