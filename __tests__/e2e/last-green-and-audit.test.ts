// Two things every analysed run leaves besides its diagnosis: the comparison with the same job's
// log in the last green run (lines the green run also printed rank below the new ones), and its
// entries in the hash-chained audit trail, written in the same commit as the run record.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { CI_WORKFLOW } from './fixtures.ts'
import { REPO, git, runAction, startSim, stateDocuments } from './harness.ts'
import { verifyTrail } from '../../src/state/audit.ts'

const STEPS = [
  { name: 'Set up job', conclusion: 'success' as const },
  { name: 'Run npm test', conclusion: 'failure' as const },
  { name: 'Complete job', conclusion: 'success' as const }
]

// Both logs print the same alarming-looking line while the database starts; only the failing one
// has the real error.
const NOISE = 'Error: connect ECONNREFUSED 127.0.0.1:5432 (waiting for the database)'
// As the runner writes them: the step's command inside its group, its output after it.
const GREEN_LOG = ['##[group]Run npm test', 'npm test', '##[endgroup]', '> jest --ci', NOISE, 'PASS src/sum.test.js', 'Tests: 3 passed, 3 total', ''].join('\n')
const FAILING_LOG = [
  '##[group]Run npm test',
  'npm test',
  '##[endgroup]',
  '> jest --ci',
  NOISE,
  'FAIL src/sum.test.js',
  '  ● sum › adds two numbers',
  '    expect(received).toBe(expected)',
  '    Expected: 4',
  '    Received: 5',
  'Tests: 1 failed, 2 passed, 3 total',
  '##[error]Process completed with exit code 1.',
  ''
].join('\n')

describe('the last green run and the audit trail', () => {
  let sim: GitHubSim

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    await sim.addRun(REPO, { conclusion: 'success', jobs: [{ name: 'Test', conclusion: 'success', steps: STEPS.map((s) => ({ ...s, conclusion: 'success' as const })), log: GREEN_LOG }] })
  })

  afterAll(async () => sim?.close())

  it("compares the failure with the green run's log of the same job and ranks the new lines first", async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Test', steps: STEPS, log: FAILING_LOG }] })
    const before = sim.requests.length
    const result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
    expect(result.code).toBe(0)
    const record = (await stateDocuments(sim))[`runs/${run.id}/attempt-1.json`] as Record<string, any>
    expect(record.jobs[0].compared_with_green).toEqual({ lines: GREEN_LOG.split('\n').length - 1, demoted: 1 })
    expect(record.jobs[0].diagnosis.category).toBe('test_failure')
    // The excerpt holds the jest failure (the ranking itself is unit-tested in __tests__/triage).
    const shown = (record.jobs[0].excerpt_ranges as [number, number][]).flatMap(([a, b]) => FAILING_LOG.split('\n').slice(a - 1, b))
    expect(shown).toContain('  ● sum › adds two numbers')
    // The failing job's log and the green job's log.
    const jobLogs = sim.requests.slice(before).filter((r) => r.operationId === 'actions/download-job-logs-for-workflow-run')
    expect(jobLogs).toHaveLength(2)
  })

  it('appends the analysis, the verdict and each effect to the audit trail once, naming the token and the triggering user', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'Test', steps: STEPS, log: FAILING_LOG.replace('Received: 5', 'Received: 6') }] })
    const payload = await sim.workflowRunEvent(REPO, run.id)
    await runAction(sim, { eventName: 'workflow_run', payload })
    await runAction(sim, { eventName: 'workflow_run', payload }) // re-delivered

    const files = (await git(sim, 'ls-tree', '-r', '--name-only', 'ci-monitor-state')).split('\n').filter((p) => p.startsWith('audit/'))
    const month = files.find((p) => p.endsWith('.jsonl'))!
    expect(files).toEqual(expect.arrayContaining(['audit/HEAD.json', month]))
    const text = await git(sim, 'show', `ci-monitor-state:${month}`)
    const entries = text.split('\n').map((line) => JSON.parse(line) as Record<string, any>)
    const forRun = entries.filter((e) => e.run_id === run.id)
    // No Slack configured: the notification is recorded as skipped, once, like every effect.
    expect(forRun.map((e) => e.kind)).toEqual(['analysis', 'gate-verdict', 'slack-message'])
    expect(forRun[0]).toMatchObject({
      actor: { token_login: 'github-actions[bot]', triggered_by: expect.any(String) },
      outcome: 'DEVELOPER/test_failure',
      inputs_digest: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    const head = await git(sim, 'show', 'ci-monitor-state:audit/HEAD.json')
    expect(verifyTrail([{ path: month, text: text + '\n' }], head)).toMatchObject({ ok: true })
    expect(sim.violations).toEqual([])
  })
})
