// The run facts the figures sweep reads, against the GitHub simulator: one attempt's own times, and
// the successful runs since a failure in at most two requests, the oldest ones included.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createOctokit, type Octokit } from '../../src/github/client.js'
import { getRunAttempt, listSuccessfulRunsSince } from '../../src/github/runs.js'
import type { Logger } from '../../src/log/logger.js'
import { startGitHubSim, type GitHubSim } from '../sim/github/index.ts'

const REPO = 'acme/widgets'
const repo = { owner: 'acme', repo: 'widgets' }
const log: Logger = { debug() {}, info() {}, warning() {} }
const DAY = 24 * 3_600_000

let sim: GitHubSim
let octokit: Octokit

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: { '.github/workflows/ci.yml': 'name: CI\non: push\njobs: {}\n' } }] })
  octokit = createOctokit('ghs_sim_github_token', { baseUrl: sim.apiUrl, log })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('getRunAttempt', () => {
  it("gives the attempt's own completion time, and null for a run that does not exist", async () => {
    const run = await sim.addRun(REPO, { at: '2026-11-01T10:00:00Z', jobs: [{ name: 'Build', log: 'x\n' }] })
    await octokit.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: run.id })
    sim.finishAttempt(REPO, run.id, { conclusion: 'success' })
    expect(await getRunAttempt(octokit, repo, run.id, 1)).toMatchObject({
      id: run.id,
      attempt: 1,
      path: '.github/workflows/ci.yml',
      headBranch: 'main',
      status: 'completed',
      conclusion: 'failure',
      createdAt: '2026-11-01T10:00:00Z',
      updatedAt: '2026-11-01T10:00:00Z'
    })
    expect((await getRunAttempt(octokit, repo, run.id, 2))?.conclusion).toBe('success')
    expect(await getRunAttempt(octokit, repo, 999_999, 1)).toBeNull()
  })
})

describe('listSuccessfulRunsSince', () => {
  it('reads the first and the last page only, so the oldest successes are there, from the day before', async () => {
    await sim.commit(REPO, { branch: 'busy', files: { 'a.txt': 'a\n' } })
    const since = Date.parse('2026-11-10T12:00:00Z')
    const workflowId = (await sim.addRun(REPO, { headBranch: 'busy', at: new Date(since - 3 * DAY).toISOString(), conclusion: 'success', jobs: [] })).workflowId
    const dayBefore = await sim.addRun(REPO, { headBranch: 'busy', at: new Date(since - 0.75 * DAY).toISOString(), conclusion: 'success', jobs: [] })
    const ids: number[] = []
    for (let i = 0; i < 250; i++) {
      ids.push((await sim.addRun(REPO, { headBranch: 'busy', at: new Date(since + i * 60_000).toISOString(), conclusion: 'success', jobs: [] })).id)
    }
    await sim.addRun(REPO, { headBranch: 'busy', at: new Date(since + 5 * 60_000).toISOString(), conclusion: 'failure', jobs: [] })
    const before = sim.requests.length
    const runs = await listSuccessfulRunsSince(octokit, repo, { workflowId, branch: 'busy', since: new Date(since).toISOString() })
    const made = sim.requests.slice(before)
    expect(made.map((r) => r.operationId)).toEqual(['actions/list-workflow-runs', 'actions/list-workflow-runs'])
    expect(made[0]!.path).toContain(`created=${encodeURIComponent('>=2026-11-09')}`)
    // 251 successes since 2026-11-09: newest 100 (page 1) and the oldest 51 (page 3).
    expect(runs).toHaveLength(151)
    expect(runs.map((r) => r.id)).toEqual(expect.arrayContaining([dayBefore.id, ids[0], ids[249]]))
    expect(runs.every((r) => r.conclusion === 'success' && r.headBranch === 'busy')).toBe(true)
  })
})
