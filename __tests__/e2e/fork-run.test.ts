// A run whose head is a fork's branch (anyone can open such a pull request and make its CI print
// anything) gets a diagnosis and a notification only: no fix pull request, no re-run, no cache
// deletion, even with a fix token and a failure the catalog could fix or retry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { startFlowSim } from './fix-flow.ts'
import { BUILD_STEPS, jobTimeoutLog } from './fixtures.ts'
import { APP_TOKEN, REPO, git, runAction, stateDocuments } from './harness.ts'

// npm's own words for a connection reset while fetching from the registry: transient, re-run-worthy.
const NETWORK_RESET = [
  '##[group]Run npm ci',
  'npm ci',
  '##[endgroup]',
  'npm ERR! code ECONNRESET',
  'npm ERR! syscall read',
  'npm ERR! errno ECONNRESET',
  'npm ERR! network request to https://registry.npmjs.org/yaml failed, reason: read ECONNRESET',
  '##[error]Process completed with exit code 1.',
  ''
].join('\n')

/** Every branch of the monitored repository but the state branch, with its commit. */
async function refs(sim: GitHubSim): Promise<string[]> {
  const lines = (await git(sim, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/')).split('\n')
  return lines.filter((line) => !line.startsWith('refs/heads/ci-monitor-state '))
}

/** A failed pull_request run whose head is a branch of mallory's fork (at a commit it shares with main). */
async function forkRun(sim: GitHubSim, branch: string, log: string): Promise<{ id: number; payload: Record<string, unknown> }> {
  const headSha = await git(sim, 'rev-parse', 'main')
  const run = await sim.addRun(REPO, { headBranch: branch, headSha, event: 'pull_request', headRepository: 'mallory/widgets', jobs: [{ name: 'Build', steps: BUILD_STEPS, log }] })
  return { id: run.id, payload: await sim.workflowRunEvent(REPO, run.id) }
}

describe("a fork's run", () => {
  let sim: GitHubSim
  let slack: SlackSim
  const inputs = (): Record<string, string> => ({ 'fix-token': APP_TOKEN, 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url })

  beforeAll(async () => {
    sim = await startFlowSim()
    slack = await startSlackSim()
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('that hit its time limit is reported, not fixed: no branch, no pull request', async () => {
    const before = await refs(sim)
    const run = await forkRun(sim, 'patch-1', jobTimeoutLog(20))
    const result = await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: inputs() })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ owner: 'DEVOPS', category: 'job_timeout', decision: 'notify', 'pr-url': '' })
    expect(await refs(sim)).toEqual(before)
    expect(sim.pulls(REPO)).toEqual([])
    // Markdown-escaped in the summary.
    expect(result.summary).toContain('The run came from a fork, so ci\\-monitor only reports it: no pull request and no re\\-run\\.')
    expect(slack.messages).toHaveLength(1)
    const record = (await stateDocuments(sim))[`runs/${run.id}/attempt-1.json`] as Record<string, any>
    expect(record.jobs[0].decision.action).toBe('notify')
  })

  it('that lost its network connection is reported, not re-run', async () => {
    const run = await forkRun(sim, 'patch-2', NETWORK_RESET)
    const result = await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: inputs() })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ category: 'network', decision: 'notify' })
    expect(sim.reruns).toEqual([])
    expect(sim.violations).toEqual([])
  })

  it('the same failure on the repository itself is re-run (the control)', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: NETWORK_RESET }] })
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id), inputs: inputs() })
    expect(result.outputs.decision).toBe('rerun')
    expect(sim.reruns).toEqual([expect.objectContaining({ runId: run.id })])
  })
})
