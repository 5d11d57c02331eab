// Re-runs of transient failures, dry-run, events that are not analysed, configuration mistakes,
// and a Slack outage: each through the bundled action against the simulators.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { startSlackSim, type SlackSim } from '../sim/slack.ts'
import { BUILD_STEPS, CI_WORKFLOW, MONITOR_WORKFLOW } from './fixtures.ts'
import { APP_TOKEN, REPO, branchExists, corpusLog, describeWithCorpus, runAction, runRecords, startSim, stateDocuments } from './harness.ts'

const NETWORK_BLIP = 'issue-actions-checkout-505'

/** API calls that change something (anything but GET). */
const writes = (sim: GitHubSim) => sim.requests.filter((r) => r.method !== 'GET')

describeWithCorpus('a transient network failure (real checkout 500 log)', () => {
  let sim: GitHubSim
  let slack: SlackSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('re-runs the failed jobs once, with debug logging, and does not notify', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog(NETWORK_BLIP) }] })
    const result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ owner: 'DEVOPS', category: 'network', decision: 'rerun' })
    expect(sim.reruns).toEqual([expect.objectContaining({ runId: run.id, jobId: null, enableDebugLogging: true, attempt: 2 })])
    expect(slack.messages).toEqual([])

    // The re-run fails the same way: attempt 2 is reported, not re-run again.
    sim.finishAttempt(REPO, run.id, { conclusion: 'failure', logs: { Build: corpusLog(NETWORK_BLIP) } })
    const second = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
    expect(second.code).toBe(0)
    expect(second.outputs.decision).toBe('notify')
    expect(sim.reruns).toHaveLength(1)
    expect(slack.messages).toHaveLength(1)
    expect(second.summary).toMatch(/attempt 2/)

    const documents = await stateDocuments(sim)
    expect(Object.keys(documents).filter((p) => p.startsWith('runs/')).sort()).toEqual([`runs/${run.id}/attempt-1.json`, `runs/${run.id}/attempt-2.json`])
    expect(sim.violations).toEqual([])
  })
})

describeWithCorpus('dry-run', () => {
  let sim: GitHubSim
  let slack: SlackSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('analyses and says what it would do, writing nothing anywhere', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog('issue-chanzuckerberg-cryoet-data-portal-1510') }] })
    const result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'dry-run': 'true', 'fix-token': APP_TOKEN, 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ category: 'workflow_config', decision: 'open-pr' })
    expect(writes(sim)).toEqual([])
    expect(slack.calls).toEqual([])
    expect(await branchExists(sim, 'ci-monitor-state')).toBe(false)
    expect(result.summary).toMatch(/[Ww]ould open a fix pull request/)
    expect(result.summary).toMatch(/```+diff/)
  })
})

describe('events that are not analysed', () => {
  let sim: GitHubSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW, '.github/workflows/ci-monitor.yml': MONITOR_WORKFLOW })
  })

  afterAll(async () => sim?.close())

  it('a successful run ends with a one-line notice and no API call', async () => {
    const run = await sim.addRun(REPO, { conclusion: 'success', jobs: [{ name: 'Build', conclusion: 'success', log: 'ok\n' }] })
    const before = sim.requests.length
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`::notice::Run ${run.id} concluded 'success': nothing to analyse.`)
    expect(result.outputs.decision).toBe('skip')
    expect(sim.requests.length).toBe(before)
  })

  it("a run of ci-monitor's own workflow is not analysed", async () => {
    const run = await sim.addRun(REPO, { workflowPath: '.github/workflows/ci-monitor.yml', jobs: [{ name: 'monitor', log: 'x\n' }] })
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::notice::.*own workflow/)
  })

  it('another event gets a notice naming the supported ones', async () => {
    const result = await runAction(sim, { eventName: 'push', payload: { ref: 'refs/heads/main' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::notice::.*workflow_run \(completed\), workflow_dispatch/)
  })

  it('workflow_dispatch with run-id re-analyses that run', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: '##[error]Process completed with exit code 1.\n' }] })
    const result = await runAction(sim, { eventName: 'workflow_dispatch', payload: { inputs: { 'run-id': String(run.id) } }, inputs: { 'run-id': String(run.id) } })
    expect(result.code).toBe(0)
    expect(result.outputs.decision).not.toBe('skip')
    const documents = await stateDocuments(sim)
    expect(documents[`runs/${run.id}/attempt-1.json`]).toMatchObject({ trigger: 'workflow_dispatch' })
  })
})

describe('a configuration mistake', () => {
  let sim: GitHubSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW, '.github/ci-monitor.yml': 'risk_threshold: 11\nslack_channels:\n  alert: "#ci"\n' })
  })

  afterAll(async () => sim?.close())

  it('fails the step naming the fields, before any effect', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: '##[error]Process completed with exit code 1.\n' }] })
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id), inputs: { 'fix-token': APP_TOKEN } })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::Invalid configuration in \.github\/ci-monitor\.yml: risk_threshold: .*slack_channels/)
    expect(writes(sim)).toEqual([])
  })

  it('a config only on another branch is ignored: the default branch rules', async () => {
    await sim.commit(REPO, { branch: 'feature', files: { '.github/ci-monitor.yml': 'risk_threshold: 3\n' } })
    const run = await sim.addRun(REPO, { headBranch: 'feature', jobs: [{ name: 'Build', steps: BUILD_STEPS, log: '##[error]Process completed with exit code 1.\n' }] })
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/risk_threshold/)
  })

  it('a bad input is named', async () => {
    const result = await runAction(sim, { eventName: 'workflow_dispatch', payload: {}, inputs: { 'run-id': 'abc' } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("::error::Invalid input 'run-id'")
  })
})

describeWithCorpus('a Slack outage', () => {
  let sim: GitHubSim
  let slack: SlackSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    slack = await startSlackSim()
  })

  afterAll(async () => {
    await sim?.close()
    await slack?.close()
  })

  it('degrades to the job summary and records the failure; the run still succeeds', async () => {
    slack.failNext({ kind: 'error', error: 'invalid_auth' }, 10)
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog('cidiff-terraform-quickchecks-run225') }] })
    const result = await runAction(sim, {
      eventName: 'workflow_run',
      payload: await sim.workflowRunEvent(REPO, run.id),
      inputs: { 'slack-bot-token': slack.token, 'slack-channel': 'ci-alerts', 'slack-api-url': slack.url }
    })
    expect(result.code).toBe(0)
    expect(slack.messages).toEqual([])
    expect(result.summary).toContain('Slack failed \\(invalid\\_auth\\)') // Markdown-escaped
    expect(result.stdout).toMatch(/::warning.*Slack failed/)
    const [record] = await runRecords(sim)
    expect(record.effects).toEqual([expect.objectContaining({ kind: 'slack-message', outcome: 'failed' })])
    expect(record.errors).toEqual([expect.stringContaining('invalid_auth')])
  })
})
