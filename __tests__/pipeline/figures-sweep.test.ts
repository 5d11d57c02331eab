// The figures sweep against the GitHub simulator, in process: no state branch, a dry run, and a
// lost race on the state branch (the sweep re-reads the tip and recomputes, without asking GitHub
// the same questions twice, and still writes one commit).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createOctokit, type Octokit } from '../../src/github/client.js'
import type { Logger } from '../../src/log/logger.js'
import { sweepFigures, type FiguresInput } from '../../src/pipeline/figures/sweep.js'
import { fingerprintPath, newFingerprintDoc, withPull } from '../../src/state/fingerprints.js'
import { SCHEMA_VERSION, runRecordPath, serialize, type RunRecord } from '../../src/state/records.js'
import { startGitHubSim, type GitHubSim } from '../sim/github/index.ts'
import { git } from '../sim/github-support.ts'

const REPO = 'acme/widgets'
const repo = { owner: 'acme', repo: 'widgets' }
const FINGERPRINT = '0123456789abcdef'
const HOUR = 3_600_000

let sim: GitHubSim
let octokit: Octokit
const warnings: string[] = []
const log: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m) }
const t0 = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR)
const ago = (hours: number) => new Date(t0.getTime() - hours * HOUR).toISOString()

function input(overrides: Partial<FiguresInput> = {}): FiguresInput {
  return { octokit, repo, stateBranch: 'ci-monitor-state', serverUrl: 'https://github.com', now: () => new Date(), dryRun: false, log, ...overrides }
}

/** A run record as the analysis writes it, trimmed to one failed job. */
function record(runId: number, analysedAt: string): RunRecord {
  return {
    schema_version: SCHEMA_VERSION,
    kind: 'run-analysis',
    repository: REPO,
    run: { id: runId, attempt: 1, workflow_path: '.github/workflows/ci.yml', workflow_name: 'CI', event: 'push', conclusion: 'failure', head_branch: 'main', head_sha: 'a'.repeat(40), url: '' },
    last_green: null,
    test_reports: { artifacts: [], skipped: [], unavailable: null },
    analysed_at: analysedAt,
    trigger: 'workflow_run',
    dry_run: false,
    jobs: [
      {
        job_id: 1,
        name: 'Build',
        conclusion: 'failure',
        failing_step: 'Run npm test',
        fingerprint: FINGERPRINT,
        log: { bytes: 1, lines: 1, truncated: false, available: true, redactions: {} },
        excerpt_ranges: [],
        diagnosis: { owner: 'DEVOPS', category: 'job_timeout', confidence: 0.9, transient: false, summary: 'Timed out.', rule_id: null, engine: 'rules', fix: null },
        history: { seen_before: 0, flaky_passes: 0 },
        llm: null,
        decision: { action: 'notify', reasons: [] }
      }
    ],
    effects: [],
    errors: []
  }
}

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: { '.github/workflows/ci.yml': 'name: CI\non: push\njobs: {}\n' } }] })
  octokit = createOctokit('ghs_sim_github_token', { baseUrl: sim.apiUrl, log })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('sweepFigures', () => {
  it('has nothing to compute before the state branch exists', async () => {
    const result = await sweepFigures(input())
    expect(result).toEqual({ sentence: "No 'ci-monitor-state' branch yet: no figures to compute.", paths: [], recent: null })
  })

  it('recomputes on the new tip after a lost race, asking GitHub each question once, and commits once', async () => {
    const failed = await sim.addRun(REPO, { at: ago(2), jobs: [{ name: 'Build', log: 'x\n' }] })
    await sim.addRun(REPO, { at: ago(1), conclusion: 'success', jobs: [] })
    await sim.commit(REPO, { branch: 'ci-monitor/fix-x', files: { 'fix.txt': 'fix\n' } })
    const { data: opened } = await octokit.rest.pulls.create({ ...repo, head: 'ci-monitor/fix-x', base: 'main', title: 'fix' })
    sim.closePull(REPO, opened.number, { merged: false })
    const fingerprintDoc = withPull(newFingerprintDoc(FINGERPRINT, 'DEVOPS', 'job_timeout', ago(2)), { number: opened.number, url: opened.html_url })
    await sim.commit(REPO, {
      branch: 'ci-monitor-state',
      files: { [runRecordPath(failed.id, 1)]: serialize(record(failed.id, ago(1.9))), [fingerprintPath(FINGERPRINT)]: serialize(fingerprintDoc) },
      from: 'main'
    })
    const tip = await git(sim, 'rev-parse', 'ci-monitor-state')

    // Dry run: computed, said, not written.
    const dry = await sweepFigures(input({ dryRun: true }))
    expect(dry.paths).toEqual([`recoveries/${failed.id}.json`, `fix-pulls/${opened.number}.json`, 'index.html', 'data.json'])
    expect(dry.sentence).toBe(`Would write ${dry.paths.join(', ')} to 'ci-monitor-state' (dry run).`)
    expect(dry.recent?.recovery).toEqual({ incidents: 1, mean_seconds: 3600, median_seconds: 3600 })
    expect(await git(sim, 'rev-parse', 'ci-monitor-state')).toBe(tip)

    // Another writer moves the branch first: GitHub refuses the non-fast-forward update once.
    sim.failNext('git/update-ref', { status: 422, message: 'Update is not a fast forward' })
    const before = sim.requests.length
    const result = await sweepFigures(input())
    const made = sim.requests.slice(before).map((r) => r.operationId)
    expect(made.filter((op) => op === 'repos/download-zipball-archive')).toHaveLength(2)
    expect(made.filter((op) => op === 'actions/get-workflow-run-attempt')).toHaveLength(1)
    expect(made.filter((op) => op === 'pulls/get')).toHaveLength(1)
    expect(made.filter((op) => op === 'git/update-ref')).toHaveLength(2)
    expect(result.sentence).toBe("Wrote 1 recovery record(s), 1 fix pull request outcome(s), the dashboard (index.html, data.json) to 'ci-monitor-state'.")
    expect(await git(sim, 'rev-list', '--count', `${tip}..ci-monitor-state`)).toBe('1')
    expect(JSON.parse(await git(sim, 'show', `ci-monitor-state:fix-pulls/${opened.number}.json`))).toMatchObject({ state: 'closed', merged_at: null, fingerprint: FINGERPRINT })
    expect(warnings).toEqual([])
  })

  it('stops one kind of lookup at the first failed request and says so, writing what it has', async () => {
    const failed = await sim.addRun(REPO, { at: ago(0.5), jobs: [{ name: 'Build', log: 'x\n' }] })
    await sim.commit(REPO, { branch: 'ci-monitor-state', files: { [runRecordPath(failed.id, 1)]: serialize(record(failed.id, ago(0.4))) } })
    sim.failNext('actions/get-workflow-run-attempt', { status: 403, message: 'Resource not accessible by integration' })
    const result = await sweepFigures(input())
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^Looking up recoveries stopped at #${failed.id}: Resource not accessible by integration`))])
    // The new run record changes the figures: the dashboard is written again, the recovery is not.
    expect(result.paths).toEqual(['index.html', 'data.json'])
    expect(result.sentence).toBe("Wrote the dashboard (index.html, data.json) to 'ci-monitor-state'. 1 failed run(s) wait for their workflow to pass again on their branch.")
  })
})
