// The privilege split: a read-only `mode: analyze` job saves its analysis as an artifact; a
// `mode: act` job of the same workflow run, with write permissions, re-checks it and acts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import { defaultTokens, type GitHubSim } from '../sim/github/index.ts'
import { readZip, startResultsSim, type ResultsSim } from '../sim/results/index.ts'
import { BUILD_STEPS, CI_WORKFLOW, unifiedDiff } from './fixtures.ts'
import { APP_TOKEN, REPO, corpusLog, describeWithCorpus, git, runAction, runRecords, startSim } from './harness.ts'

const READ_ONLY = 'ghs_sim_read_only'
const MONITOR_RUN = 'monitor-run-backend-id'

describeWithCorpus('mode analyze, then mode act', () => {
  let sim: GitHubSim
  let results: ResultsSim
  let runId: number
  let payload: Record<string, unknown>

  beforeAll(async () => {
    sim = await startSim(
      { '.github/workflows/ci.yml': CI_WORKFLOW },
      {
        tokens: {
          ...defaultTokens(),
          [READ_ONLY]: { login: 'github-actions[bot]', kind: 'github_token', permissions: { actions: 'read', contents: 'read' }, workflows: false }
        }
      }
    )
    results = await startResultsSim()
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: corpusLog('issue-chanzuckerberg-cryoet-data-portal-1510') }] })
    runId = run.id
    payload = await sim.workflowRunEvent(REPO, run.id)
  })

  afterAll(async () => {
    await sim?.close()
    await results?.close()
  })

  it('the analyze job reads only, and saves the analysis as an artifact', async () => {
    const before = sim.requests.length
    const result = await runAction(sim, {
      eventName: 'workflow_run',
      payload,
      inputs: { mode: 'analyze', 'github-token': READ_ONLY },
      env: { ...results.env(MONITOR_RUN, 'analyze-job') }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ decision: 'analyzed', owner: 'DEVOPS', category: 'workflow_config' })
    expect(sim.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([])
    expect(result.summary).toContain('the act job decides and acts')
    const artifact = results.artifacts.find((a) => a.name === 'ci-monitor-plan')
    expect(artifact?.finalized).toBe(true)
    const plan = JSON.parse(readZip(artifact!.bytes!).get('plan.json')!.toString('utf8'))
    expect(plan).toMatchObject({ kind: 'ci-monitor-plan', schema_version: 1, repository: REPO, run_id: runId })
    expect(plan.jobs[0].diagnosis).toMatchObject({ category: 'workflow_config', fix: { kind: 'upgrade-action' } })
  })

  it('the act job re-checks the analysis and acts: the fix pull request and the record', async () => {
    const result = await runAction(sim, {
      eventName: 'workflow_run',
      payload,
      inputs: { mode: 'act', 'fix-token': APP_TOKEN },
      env: { ...results.env(MONITOR_RUN, 'act-job') }
    })
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('open-pr')
    expect(sim.pulls(REPO)).toHaveLength(1)
    const [record] = await runRecords(sim)
    expect(record).toMatchObject({ run: { id: runId }, jobs: [expect.objectContaining({ decision: expect.objectContaining({ action: 'open-pr' }) })] })
    expect(sim.violations).toEqual([])
    expect(results.violations).toEqual([])
  })

  it('an act job without an analysis of its own workflow run stops with a clear error', async () => {
    const result = await runAction(sim, { eventName: 'workflow_run', payload, inputs: { mode: 'act' }, env: { ...results.env('another-monitor-run', 'act-job') } })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::mode 'act' needs the 'ci-monitor-plan' artifact/)
  })

  it('refuses an analysis that names a job the run does not have', async () => {
    const tampered = 'tampered-monitor-run'
    const plan = JSON.parse(readZip(results.artifacts.find((a) => a.name === 'ci-monitor-plan')!.bytes!).get('plan.json')!.toString('utf8'))
    plan.jobs[0].job.id = 999_999
    await uploadAs(results, tampered, plan)
    const pullsBefore = sim.pulls(REPO).length
    const result = await runAction(sim, { eventName: 'workflow_run', payload, inputs: { mode: 'act', 'fix-token': APP_TOKEN }, env: { ...results.env(tampered, 'act-job') } })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/artifact is refused: the plan names job 999999, which is not a failed job of the run/)
    expect(sim.pulls(REPO)).toHaveLength(pullsBefore)
  })

  it('judges again a proposed diff the analysis carries: a plan from a subverted analyze job changes nothing', async () => {
    const subverted = 'subverted-monitor-run'
    const plan = JSON.parse(readZip(results.artifacts.find((a) => a.name === 'ci-monitor-plan')!.bytes!).get('plan.json')!.toString('utf8'))
    const hostile = CI_WORKFLOW.replace('  pull_request:\n', '  pull_request:\n  pull_request_target:\n')
    plan.jobs[0].diagnosis.fix = { kind: 'proposed-diff', diff: unifiedDiff('.github/workflows/ci.yml', CI_WORKFLOW, hostile), description: 'Apply this.' }
    await uploadAs(results, subverted, plan)
    const branches = async (): Promise<string[]> => (await git(sim, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/')).split('\n').filter((l) => !l.startsWith('refs/heads/ci-monitor-state '))
    const before = { branches: await branches(), pulls: sim.pulls(REPO).length }
    const result = await runAction(sim, { eventName: 'workflow_run', payload, inputs: { mode: 'act', 'fix-token': APP_TOKEN }, env: { ...results.env(subverted, 'act-job') } })
    expect(result.code).toBe(0)
    expect(result.outputs.decision).toBe('notify')
    expect(await branches()).toEqual(before.branches)
    expect(sim.pulls(REPO)).toHaveLength(before.pulls)
    const record = (await runRecords(sim)).find((r) => r.run.id === runId)!
    expect(record.jobs[0].decision.reasons.join(' ')).toMatch(/pull_request_target/)
  })
})

/** Uploads a plan as another job of `runBackendId` would, with the real artifact client. */
async function uploadAs(results: ResultsSim, runBackendId: string, plan: unknown): Promise<void> {
  const saved = { ...process.env }
  const dir = await mkdtemp(path.join(tmpdir(), 'ci-monitor-tampered-'))
  try {
    Object.assign(process.env, results.env(runBackendId, 'analyze-job'), { GITHUB_SERVER_URL: 'https://github.com' })
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan))
    await new DefaultArtifactClient().uploadArtifact('ci-monitor-plan', [path.join(dir, 'plan.json')], dir)
  } finally {
    process.env = saved
    await rm(dir, { recursive: true, force: true })
  }
}
