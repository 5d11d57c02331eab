// Figures end to end: a history built through the bundled action (two timeouts on main with a fix
// pull request that gets merged, a test failure on a feature branch), then the scheduled sweep
// reads the state branch in one zipball, writes the recoveries, the fix pull request's outcome
// and the dashboard in one commit, changes nothing the second time, and every analysed run's job
// summary ends with the recent figures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { BUILD_STEPS, jobTimeoutLog } from './fixtures.ts'
import { APP_TOKEN, REPO, git, stateDocuments, type ActionResult } from './harness.ts'
import { analyse, fixBranch, head, plain, startFlowSim, sweep } from './fix-flow.ts'

const HOUR = 3_600_000
const STATE = 'ci-monitor-state'

/** A test failure jest prints; the rules call it DEVELOPER test_failure. */
const TEST_FAILURE_LOG = [
  '##[group]Run npm test',
  'npm test',
  '##[endgroup]',
  '> widgets@1.0.0 test',
  '> jest',
  'FAIL src/cart.test.js',
  '  ● cart › totals the items',
  '    expect(received).toBe(expected) // Object.is equality',
  '    Expected: 3',
  '    Received: 4',
  'Tests:       1 failed, 12 passed, 13 total',
  '##[error]Process completed with exit code 1.'
]
  .map((line, i) => `2026-11-20T10:00:${String(i).padStart(2, '0')}.1234567Z ${line}`)
  .join('\n')

describe('figures from a history made by the action', () => {
  let sim: GitHubSim
  /** The test's clock: every run is placed relative to it. */
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60 * 1000)
  const ago = (hours: number) => new Date(t0.getTime() - hours * HOUR).toISOString()
  const runs: Record<string, number> = {}
  let fingerprint: string
  let dryRun: ActionResult
  let swept: ActionResult
  let before: { head: string; requests: number; storage: number }

  async function failed(name: string, hoursAgo: number, seed: { headBranch?: string; log: string }): Promise<ActionResult> {
    await sim.commit(REPO, { branch: seed.headBranch ?? 'main', files: { [`${name}.txt`]: `${name}\n` } })
    const run = await sim.addRun(REPO, { headBranch: seed.headBranch, at: ago(hoursAgo), jobs: [{ name: 'Build', steps: BUILD_STEPS, log: seed.log }] })
    runs[name] = run.id
    const result = await analyse(sim, await sim.workflowRunEvent(REPO, run.id))
    expect(result.code).toBe(0)
    return result
  }

  async function passed(name: string, hoursAgo: number, seed: { headBranch?: string; workflowPath?: string } = {}): Promise<void> {
    const run = await sim.addRun(REPO, { ...seed, at: ago(hoursAgo), conclusion: 'success', jobs: [{ name: 'Build', conclusion: 'success', log: 'all green\n' }] })
    runs[name] = run.id
  }

  beforeAll(async () => {
    sim = await startFlowSim()
    await sim.commit(REPO, { branch: 'feature/cart', files: { 'cart.js': 'export {}\n' } })
    // A green run before anything failed: it ends nothing.
    await passed('earlier green', 4)
    const first = await failed('timeout A', 3, { log: jobTimeoutLog(20) })
    fingerprint = first.outputs.fingerprint!
    expect(first.outputs).toMatchObject({ decision: 'open-pr', 'pr-url': `https://github.com/${REPO}/pull/1` })
    // no sweep has written figures yet
    expect(first.summary).not.toContain('Recent figures')
    await failed('test failure', 2.5, { headBranch: 'feature/cart', log: TEST_FAILURE_LOG })
    const second = await failed('timeout B', 2, { log: jobTimeoutLog(20) })
    expect(second.outputs.fingerprint).toBe(fingerprint)
    // main passes again an hour ago (and later again); feature/cart only passed another workflow.
    await passed('green again', 1)
    await passed('green later', 0.25)
    await passed('lint on feature', 0.5, { headBranch: 'feature/cart', workflowPath: '.github/workflows/lint.yml' })
    sim.closePull(REPO, 1, { merged: true })

    before = { head: await head(sim, STATE), requests: sim.requests.length, storage: sim.blobRequests.length }
    dryRun = await sweep(sim, { 'fix-token': APP_TOKEN, 'dry-run': 'true' })
    expect(await head(sim, STATE)).toBe(before.head)
    before = { head: before.head, requests: sim.requests.length, storage: sim.blobRequests.length }
    swept = await sweep(sim)
  }, 600_000)

  afterAll(async () => sim?.close())

  it('a dry run says what it would write and writes nothing', () => {
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout).toContain(
      `::notice::Would write recoveries/${runs['timeout B']}.json, recoveries/${runs['timeout A']}.json, fix-pulls/1.json, index.html, data.json to '${STATE}' (dry run). 1 failed run(s) wait for their workflow to pass again on their branch.`
    )
  })

  it('writes the recoveries, the fix pull request outcome and the dashboard in one commit', async () => {
    expect(swept.code).toBe(0)
    expect(swept.stdout).toContain(
      `::notice::Wrote 2 recovery record(s), 1 fix pull request outcome(s), the dashboard (index.html, data.json) to '${STATE}'. 1 failed run(s) wait for their workflow to pass again on their branch.`
    )
    const after = await head(sim, STATE)
    expect(await git(sim, 'rev-list', '--count', `${before.head}..${after}`)).toBe('1')
    expect((await git(sim, 'diff', '--name-only', before.head, after)).split('\n').sort()).toEqual(
      ['data.json', 'fix-pulls/1.json', 'index.html', `recoveries/${runs['timeout A']}.json`, `recoveries/${runs['timeout B']}.json`].sort()
    )
  })

  it('reads the state branch with one zipball request, fetched from storage without the token', () => {
    const made = sim.requests.slice(before.requests)
    expect(made.filter((r) => r.operationId === 'repos/download-zipball-archive')).toHaveLength(1)
    // The only file read through the contents API is the configuration; no blob is read one by one.
    expect(made.filter((r) => r.operationId === 'repos/get-content').every((r) => r.path.includes('ci-monitor.yml'))).toBe(true)
    expect(made.filter((r) => r.operationId === 'git/get-blob')).toEqual([])
    expect(sim.blobRequests.slice(before.storage)).toEqual([expect.objectContaining({ kind: 'zipball', status: 200, authorizationSeen: false })])
  })

  it('records when main passed again after each timeout: 2 hours and 1 hour later', async () => {
    const docs = await stateDocuments(sim)
    const recovery = (name: string) => docs[`recoveries/${runs[name]}.json`] as Record<string, any>
    expect(recovery('timeout A')).toEqual({
      schema_version: 1,
      kind: 'recovery',
      repository: REPO,
      run_id: runs['timeout A'],
      workflow_path: '.github/workflows/ci.yml',
      branch: 'main',
      failed_at: ago(3),
      recovered_at: ago(1),
      recovered_by_run_id: runs['green again']
    })
    const seconds = (doc: Record<string, any>) => (Date.parse(doc.recovered_at) - Date.parse(doc.failed_at)) / 1000
    expect(seconds(recovery('timeout A'))).toBe(7200)
    expect(seconds(recovery('timeout B'))).toBe(3600)
    // feature/cart has not passed its CI workflow since: no recovery yet.
    expect(docs[`recoveries/${runs['test failure']}.json`]).toBeUndefined()
  })

  it('records the fix pull request as merged', async () => {
    const pull = (await stateDocuments(sim))['fix-pulls/1.json'] as Record<string, any>
    expect(pull).toMatchObject({ kind: 'fix-pull', number: 1, fingerprint, state: 'merged' })
    expect(pull.merged_at).toBe(pull.closed_at)
    expect(sim.pulls(REPO)[0]).toMatchObject({ number: 1, head: fixBranch(fingerprint), merged: true })
  })

  it('publishes figures that match the history, worked out by hand', async () => {
    const data = (await stateDocuments(sim))['data.json'] as Record<string, any>
    expect(data.kind).toBe('dashboard-data')
    expect(data.windows.map((w: Record<string, any>) => w.window.days)).toEqual([7, 30, 90])
    const m = data.windows.find((w: Record<string, any>) => w.window.days === 30)
    // Three failed jobs in three runs: two timeouts (DEVOPS) on main, one test failure (DEVELOPER).
    expect(m.failures).toMatchObject({ total: 3, runs: 3, by_owner: { DEVOPS: 2, DEVELOPER: 1 }, by_category: { job_timeout: 2, test_failure: 1 } })
    expect(m.failures.by_branch).toEqual([
      { branch: 'main', count: 2 },
      { branch: 'feature/cart', count: 1 }
    ])
    // Both timeouts came before the merge of their fingerprint's fix PR: auto-fixed by pull request.
    expect(m.auto_fixed).toEqual({ total: 2, by_rerun: 0, by_pull: 2, share: 2 / 3 })
    expect(m.flaky).toEqual({ total: 0, rate: 0 })
    // Opened by the first timeout's analysis, updated by the second's; merged since.
    expect(m.fix_pulls).toEqual({ opened: 1, merged: 1, closed_unmerged: 0 })
    // One incident: main failed 3 hours ago (A), B failed inside it, the same success ended both.
    expect(m.recovery).toEqual({ incidents: 1, mean_seconds: 7200, median_seconds: 7200 })
    expect(m.reruns.requested).toBe(0)
    expect(m.top_fingerprints[0]).toMatchObject({ fingerprint, count: 2, runs: 2, owner: 'DEVOPS', category: 'job_timeout', pulls: [{ number: 1, state: 'merged' }], all_time: 2 })

    const html = await git(sim, 'show', `${STATE}:index.html`)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<div class="tile" data-figure="recovery"')
    expect(html).toMatch(/data-figure="recovery"[^>]*><div class="label">Time to recovery<\/div><div class="value">2 h<\/div>/)
  })

  it('the sweep summary says what both parts did and shows the recent figures', () => {
    const summary = plain(swept.summary)
    expect(summary).toContain('## ci-monitor: scheduled sweep of acme/widgets')
    expect(summary).toContain('- No approval request has waited 24 hours or more (0 open).')
    expect(summary).toContain('| Failures | 3 | 2 DEVOPS · 1 DEVELOPER, in 3 runs |')
  })

  it('a second sweep finds nothing new and writes nothing', async () => {
    const headBefore = await head(sim, STATE)
    const again = await sweep(sim)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(`::notice::The figures on '${STATE}' are up to date: nothing to write. 1 failed run(s) wait for their workflow to pass again on their branch.`)
    expect(await head(sim, STATE)).toBe(headBefore)
  })

  it("an analysed run's job summary ends with the recent figures the sweep wrote", async () => {
    const written = ((await stateDocuments(sim))['data.json'] as { generated_at: string }).generated_at
    const result = await failed('later test failure', 0.1, { headBranch: 'feature/cart', log: TEST_FAILURE_LOG })
    const summary = plain(result.summary)
    const table = summary.slice(summary.indexOf('#### Recent figures'))
    expect(table).toMatch(new RegExp(`^#### Recent figures \\(last 30 days, as of ${written.slice(0, 10)}\\)`))
    expect(table).toContain('| Failures | 3 | 2 DEVOPS · 1 DEVELOPER, in 3 runs |')
    expect(table).toContain('| Auto-fixed | 67% | 2 of 3: 0 by re-run, 2 by fix PR |')
    expect(table).toContain('| Fix PRs | 1 opened | 1 merged, 0 closed unmerged |')
    expect(table).toContain('| Time to recovery | 2 h | median of 1 incident; mean 2 h |')
    expect(sim.violations).toEqual([])
  }, 180_000)
})
